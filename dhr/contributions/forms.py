"""Forms for sending and answering information requests, escalation, and IMRs."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import Organisation, OrganisationKind, Role
from dhr.contributions.choices import IMR_SECTIONS, RequestKind
from dhr.core.forms import GovukDateField, YesNoField
from dhr.reviews.models import Review


def _not_future(value: dt.date | None, message: Any) -> dt.date | None:
    if value is not None and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


def agencies_for(review: Review) -> QuerySet[Organisation]:
    """Agencies in scope of the review or with a contributor on it; every agency if none yet."""
    agencies = Organisation.objects.exclude(kind=OrganisationKind.CSP)
    involved = agencies.filter(
        Q(id__in=review.agencies_in_scope.values("agency_id"))
        | Q(
            id__in=review.memberships.filter(
                role__in=(Role.AGENCY_CONTRIBUTOR, Role.REVIEW_PANEL_MEMBER)
            ).values("agency_id")
        )
    )
    return involved if involved.exists() else agencies


class RequestSendForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What are you asking for?"),
        choices=RequestKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the type of request")},
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Which agencies?"),
        help_text=_("Select all that apply."),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one agency")},
    )
    sent_on = GovukDateField(
        label=_("Date sent"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date sent")},
    )
    due_on = GovukDateField(
        label=_("Date due (optional)"),
        required=False,
        help_text=_(
            "For an IMR request, leave blank to use the local default: %(weeks)s after the date "
            "sent."
        ),
    )

    def __init__(self, *args: Any, review: Review, imr_period: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["agencies"]).queryset = agencies_for(
            review
        )
        self.fields["due_on"].help_text = str(self.fields["due_on"].help_text) % {
            "weeks": imr_period
        }

    def clean_sent_on(self) -> dt.date | None:
        return _not_future(
            self.cleaned_data.get("sent_on"), _("The date sent must be today or in the past")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        sent_on, due_on = data.get("sent_on"), data.get("due_on")
        if sent_on and due_on and due_on < sent_on:
            self.add_error("due_on", _("The date due must be the same as or after the date sent"))
        return data


class ScopingAnswerForm(forms.Form):
    had_contact = YesNoField(
        label=_(
            "Did your agency have any contact with the victim or the perpetrator in the review "
            "period?"
        ),
        error_messages={"required": _("Answer yes or no")},
    )
    summary = forms.CharField(
        label=_("Summary of the contact"),
        required=False,
        widget=forms.Textarea,
        help_text=_(
            "Required if you answer yes: when, which services, and what kind of contact. "
            "Answering no records a nil return."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("had_contact") and not (data.get("summary") or "").strip():
            self.add_error("summary", _("Summarise the contact your agency had"))
        return data


class DueDateForm(forms.Form):
    due_on = GovukDateField(
        label=_("New date due"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date due")},
    )


class EscalationStepForm(forms.Form):
    taken_on = GovukDateField(
        label=_("Date of the step"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date of the step")},
    )
    step = forms.CharField(
        label=_("What was done"),
        widget=forms.Textarea,
        help_text=_(
            "For example: reminder e-mail to the named contact; letter to the agency's director. "
            "Do not include the names of the victim, perpetrator or family."
        ),
        error_messages={"required": _("Describe the step taken")},
    )

    def clean_taken_on(self) -> dt.date | None:
        return _not_future(
            self.cleaned_data.get("taken_on"),
            _("The date of the step must be today or in the past"),
        )


class IMRSectionsForm(forms.Form):
    """The Home Office outline. Sections may be left empty while drafting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, heading in IMR_SECTIONS:
            self.fields[name] = forms.CharField(
                label=heading, required=False, widget=forms.Textarea
            )


class IMRUploadForm(forms.Form):
    upload = forms.FileField(
        label=_("Upload the IMR"),
        help_text=_("A Word document (DOCX) or a PDF."),
        error_messages={"required": _("Select a file")},
    )


class IMRSubmitForm(forms.Form):
    author_name = forms.CharField(
        label=_("Author's name"),
        max_length=150,
        error_messages={"required": _("Enter the author's name")},
    )
    author_role = forms.CharField(
        label=_("Author's role"),
        max_length=200,
        error_messages={"required": _("Enter the author's role")},
    )
    independence_declared = forms.BooleanField(
        label=_(
            "I, the author, declare that I was not directly involved with the victim, the "
            "perpetrator or their family, and that I am not the line manager of any "
            "practitioner involved"
        ),
        error_messages={
            "required": _("The author must declare their independence before the IMR is submitted")
        },
    )
    sign_off_name = forms.CharField(
        label=_("Name of the senior manager who signed off the IMR"),
        max_length=150,
        error_messages={"required": _("Enter the name of the senior manager who signed it off")},
    )
    sign_off_role = forms.CharField(
        label=_("Senior manager's role"),
        max_length=200,
        error_messages={"required": _("Enter the senior manager's role")},
    )
    signed_off_on = GovukDateField(
        label=_("Date signed off"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date it was signed off")},
    )

    def clean_signed_off_on(self) -> dt.date | None:
        return _not_future(
            self.cleaned_data.get("signed_off_on"),
            _("The date signed off must be today or in the past"),
        )


class IMRReturnForm(forms.Form):
    comments = forms.CharField(
        label=_("Comments for the agency"),
        widget=forms.Textarea,
        help_text=_("What must change before you can accept the IMR."),
        error_messages={"required": _("Enter your comments for the agency")},
    )
