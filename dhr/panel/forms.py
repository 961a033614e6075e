"""Forms for the panel pages. Views pass cleaned data to the services, which validate again."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind
from dhr.core.forms import GovukDateField, GovukTimeField, YesNoField
from dhr.panel.models import Attendance, PanelMember, PanelRole
from dhr.panel.services.members import linkable_accounts
from dhr.reviews.models import Review


class AccountChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.full_name or obj.email)


def agency_queryset() -> Any:
    return Organisation.objects.exclude(kind=OrganisationKind.CSP).order_by("name")


class PanelMemberForm(forms.Form):
    name = forms.CharField(
        label=_("Full name"), max_length=150, error_messages={"required": _("Enter the name")}
    )
    role = forms.ChoiceField(
        label=_("Role on the panel"),
        choices=PanelRole.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the role on the panel")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("No agency"),
        help_text=_("Required for an agency representative"),
    )
    seniority = forms.CharField(
        label=_("Job title and seniority"),
        max_length=200,
        help_text=_("Panel members should be senior, for example Head of Adult Safeguarding"),
        error_messages={"required": _("Enter the job title and seniority")},
    )
    declared_independent = YesNoField(
        label=_(
            "Has this person declared that they were not involved with the case and do not line "
            "manage anyone who was?"
        ),
        error_messages={"required": _("Say whether the declaration has been made")},
    )
    declared_on = GovukDateField(label=_("Date of the declaration"), required=False)
    user = AccountChoiceField(
        label=_("Their DHR Manager account (optional)"),
        queryset=PanelMember.objects.none(),
        required=False,
        empty_label=_("Not linked to an account"),
        help_text=_("Only people who already hold a role in this review are listed"),
    )

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agency_queryset()
        cast(forms.ModelChoiceField, self.fields["user"]).queryset = linkable_accounts(review)


class DeclarationForm(forms.Form):
    declared_on = GovukDateField(
        label=_("Date of the declaration"),
        error_messages={"required": _("Enter the date of the declaration")},
    )


class AgencyConsideredForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Agency"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Choose the agency")},
    )
    included = YesNoField(
        label=_("Is this agency included in the review?"),
        error_messages={"required": _("Say whether the agency is included")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea,
        required=False,
        help_text=_(
            "Why it is in scope, or why it is not included. A reason is required for an agency "
            "that is not included: the Home Office looks for it."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["agency"]).queryset = agency_queryset()


class MeetingForm(forms.Form):
    date = GovukDateField(
        label=_("Date of the meeting"), error_messages={"required": _("Enter the date")}
    )
    time = GovukTimeField(label=_("Start time"), error_messages={"required": _("Enter the time")})
    duration_minutes = forms.IntegerField(
        label=_("Length in minutes"),
        min_value=1,
        max_value=600,
        initial=120,
        error_messages={
            "required": _("Enter the length in minutes"),
            "min_value": _("The length must be between 1 and 600 minutes"),
            "max_value": _("The length must be between 1 and 600 minutes"),
            "invalid": _("The length must be a whole number of minutes"),
        },
    )
    online = YesNoField(
        label=_("Is the meeting online?"),
        error_messages={"required": _("Say whether the meeting is online")},
    )
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    agenda = forms.CharField(label=_("Agenda"), widget=forms.Textarea, required=False)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("online") is False and not (data.get("location") or "").strip():
            self.add_error("location", _("Enter where the meeting is, or choose online"))
        return data

    def starts_at(self) -> dt.datetime:
        data = self.cleaned_data
        naive = dt.datetime.combine(data["date"], data["time"])
        return timezone.make_aware(naive, timezone.get_current_timezone())


class MeetingRecordForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter the minutes of the meeting")},
    )
    decisions = forms.CharField(label=_("Decisions"), widget=forms.Textarea, required=False)

    def __init__(self, *args: Any, members: list[PanelMember], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = members
        for member in members:
            self.fields[f"attendance_{member.pk}"] = forms.ChoiceField(
                label=_("%(name)s (%(role)s)")
                % {"name": member.name, "role": member.get_role_display()},
                choices=Attendance.choices,
                widget=forms.RadioSelect(attrs={"class": "govuk-radios--inline"}),
                error_messages={"required": _("Choose attended, apologies or absent")},
            )

    def attendance(self) -> dict[PanelMember, str]:
        return {m: self.cleaned_data[f"attendance_{m.pk}"] for m in self.members}


class ActionForm(forms.Form):
    description = forms.CharField(
        label=_("Action"), widget=forms.Textarea, error_messages={"required": _("Enter the action")}
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=PanelMember.objects.none(),
        error_messages={"required": _("Choose who owns the action")},
    )
    due_on = GovukDateField(
        label=_("Due date"), error_messages={"required": _("Enter the due date")}
    )

    def __init__(self, *args: Any, review: Review, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = PanelMember.objects.filter(
            review=review
        )


class TermsForm(forms.Form):
    period_start = GovukDateField(
        label=_("Review period starts"),
        help_text=_("Reviews often look back several years before the death"),
        error_messages={"required": _("Enter the date the review period starts")},
    )
    period_end = GovukDateField(
        label=_("Review period ends"),
        error_messages={"required": _("Enter the date the review period ends")},
    )
    lines_of_enquiry = forms.CharField(
        label=_("Key lines of enquiry"),
        widget=forms.Textarea,
        help_text=_("One per line"),
        error_messages={"required": _("Enter at least one key line of enquiry")},
    )
    family_consulted = YesNoField(
        label=_("Was the family consulted about the terms of reference?"),
        error_messages={"required": _("Say whether the family was consulted")},
    )
    family_consulted_on = GovukDateField(label=_("Date the family was consulted"), required=False)
    agreed_on = GovukDateField(
        label=_("Agreed by the panel on (optional)"),
        required=False,
        help_text=_("Once agreed, this version is locked; later changes make a new version"),
    )

    def __init__(self, *args: Any, agencies: list[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.agencies = agencies
        for agency in agencies:
            self.fields[f"questions_{agency.pk}"] = forms.CharField(
                label=_("Specific questions for %(agency)s") % {"agency": agency.name},
                widget=forms.Textarea,
                required=False,
                help_text=_("One per line"),
            )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end",
                _("The end of the review period must be the same as or after its start"),
            )
        if data.get("family_consulted") and not data.get("family_consulted_on"):
            self.add_error("family_consulted_on", _("Enter the date the family was consulted"))
        return data

    def lines(self) -> list[str]:
        return [
            line.strip()
            for line in self.cleaned_data["lines_of_enquiry"].splitlines()
            if line.strip()
        ]

    def questions(self) -> dict[Organisation, list[str]]:
        return {
            agency: [
                line.strip()
                for line in self.cleaned_data.get(f"questions_{agency.pk}", "").splitlines()
                if line.strip()
            ]
            for agency in self.agencies
        }
