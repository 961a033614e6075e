"""The form for appointing an independent chair or report writer (R25-R28)."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind
from dhr.core.forms import GovukDateField, YesNoField
from dhr.reviews.choices import AppointmentRole
from dhr.reviews.services.appointments import PastLinkInput

# Enough for the usual independence statement; more can be described in the statement itself.
PAST_LINK_ROWS = 3


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.full_name} ({obj.email})"


class AppointmentForm(forms.Form):
    role = forms.ChoiceField(
        label=_("Role"),
        choices=AppointmentRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the role")},
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=150,
        error_messages={"required": _("Enter the name of the person appointed")},
    )
    user = AccountChoiceField(
        label=_("Their DHR Manager account (optional)"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Not linked to an account"),
        help_text=_("Linking an account gives the person their role in this review"),
    )
    appointed_on = GovukDateField(
        label=_("Date appointed"),
        error_messages={"required": _("Enter the date appointed")},
    )
    career_history = forms.CharField(
        label=_("Career history"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the career history")},
    )
    relevant_experience = forms.CharField(
        label=_("Relevant experience"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the relevant experience")},
    )
    independence_statement = forms.CharField(
        label=_("Statement of independence"),
        widget=forms.Textarea,
        help_text=_(
            "Say whether the person has any connection with the agencies involved and, for a "
            "past connection, how long ago it ended"
        ),
        error_messages={"required": _("Enter the statement of independence")},
    )
    home_office_training_completed = YesNoField(
        label=_("Has the person completed the Home Office training for chairs?"),
        error_messages={"required": _("Say whether the Home Office training is completed")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["user"]).queryset = (
            get_user_model().objects.filter(is_active=True).order_by("full_name")
        )
        agencies = Organisation.objects.exclude(kind=OrganisationKind.CSP).order_by("name")
        for row in range(1, PAST_LINK_ROWS + 1):
            self.fields[f"link_{row}_agency"] = forms.ModelChoiceField(
                label=_("Past connection %(row)s: agency") % {"row": row},
                queryset=agencies,
                required=False,
                empty_label=_("No connection"),
            )
            self.fields[f"link_{row}_role"] = forms.CharField(
                label=_("Past connection %(row)s: role held") % {"row": row},
                max_length=150,
                required=False,
            )
            self.fields[f"link_{row}_ended"] = GovukDateField(
                label=_("Past connection %(row)s: date it ended") % {"row": row},
                required=False,
                help_text=_("Leave blank if the connection is current"),
            )
        self.fields["conflict_acknowledged"] = forms.BooleanField(
            label=_(
                "I have considered this conflict and the statement of independence explains it"
            ),
            required=False,
        )

    def clean_appointed_on(self) -> dt.date | None:
        value = self.cleaned_data.get("appointed_on")
        if value is not None and value > timezone.localdate():
            raise forms.ValidationError(_("The date appointed must be today or in the past"))
        return value

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        today = timezone.localdate()
        for row in range(1, PAST_LINK_ROWS + 1):
            agency = data.get(f"link_{row}_agency")
            role = (data.get(f"link_{row}_role") or "").strip()
            ended = data.get(f"link_{row}_ended")
            if agency is None and (role or ended):
                self.add_error(f"link_{row}_agency", _("Choose the agency for this connection"))
            if agency is not None and not role:
                self.add_error(f"link_{row}_role", _("Enter the role held at the agency"))
            if ended is not None and ended > today:
                self.add_error(
                    f"link_{row}_ended",
                    _("The date the connection ended must be today or in the past"),
                )
        return data

    def past_links(self) -> list[PastLinkInput]:
        links = []
        for row in range(1, PAST_LINK_ROWS + 1):
            agency = self.cleaned_data.get(f"link_{row}_agency")
            if agency is not None:
                links.append(
                    PastLinkInput(
                        agency=agency,
                        role_held=self.cleaned_data.get(f"link_{row}_role", ""),
                        ended_on=self.cleaned_data.get(f"link_{row}_ended"),
                    )
                )
        return links

    def service_kwargs(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "role": data["role"],
            "name": data["name"],
            "user": data.get("user"),
            "appointed_on": data["appointed_on"],
            "career_history": data["career_history"],
            "relevant_experience": data["relevant_experience"],
            "independence_statement": data["independence_statement"],
            "home_office_training_completed": data["home_office_training_completed"],
            "past_links": self.past_links(),
            "conflict_acknowledged": bool(data.get("conflict_acknowledged")),
        }
