"""Forms for proceedings. Checks that need the review or other events live in the services."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from dhr.core.forms import GovukDateField
from dhr.proceedings.models import (
    EVENTS_FOR_KIND,
    EventKind,
    LiaisedWith,
    Proceeding,
    ProceedingKind,
    Verdict,
)

_DATE_HINT = _("For example, 27 3 2026")


class ProceedingForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is running beside the review?"),
        choices=ProceedingKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what is running beside the review")},
    )
    body = forms.CharField(
        label=_("Court, coroner or body running it (optional)"),
        help_text=_("For example, Westshire Crown Court or HM Coroner for Westshire"),
        max_length=200,
        required=False,
    )
    shared_reference = forms.CharField(
        label=_("Shared reference (optional)"),
        help_text=_(
            "For a linked review (SAR, CSPR, MHHR, OWHR, SUSR), the case reference both reviews use"
        ),
        max_length=60,
        required=False,
    )
    liaison_name = forms.CharField(
        label=_("Liaison contact (optional)"),
        help_text=_("A professional contact, for example the senior investigating officer"),
        max_length=120,
        required=False,
    )
    liaison_role = forms.CharField(label=_("Their role (optional)"), max_length=120, required=False)


class ProceedingEventForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened?"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Select what happened")},
    )
    occurred_on = GovukDateField(
        label=_("Date"),
        help_text=_("Hearings and trials may be dated ahead; they are shown as scheduled"),
        error_messages={"required": _("Enter the date")},
    )
    verdict = forms.ChoiceField(
        label=_("Verdict (only for a verdict)"),
        choices=Verdict.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("Do not include names"),
        max_length=300,
        required=False,
    )

    def __init__(self, *args: Any, proceeding: Proceeding, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        allowed = EVENTS_FOR_KIND[proceeding.kind]
        cast(forms.ChoiceField, self.fields["kind"]).choices = [
            (value, label) for value, label in EventKind.choices if value in allowed
        ]
        if proceeding.kind != ProceedingKind.CRIMINAL:
            del self.fields["verdict"]


class _ProceedingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        body = f" ({obj.body})" if obj.body else ""
        return f"{obj.get_kind_display()}{body}"


class DisclosureDecisionForm(forms.Form):
    proceeding = _ProceedingChoiceField(
        label=_("Which proceedings?"),
        queryset=Proceeding.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Select the proceedings")},
    )
    liaised_with = forms.ChoiceField(
        label=_("Agreed with"),
        choices=LiaisedWith.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select who it was agreed with")},
    )
    decided_on = GovukDateField(
        label=_("Date agreed"),
        help_text=_DATE_HINT,
        error_messages={"required": _("Enter the date agreed")},
    )
    may_proceed_with = forms.CharField(
        label=_("What the review may proceed with"),
        help_text=_("All review material may be disclosable in the criminal proceedings"),
        widget=forms.Textarea,
        error_messages={"required": _("Enter what the review may proceed with")},
    )
    must_wait = forms.CharField(
        label=_("What must wait (optional)"),
        help_text=_("For example, interviews with witnesses in the trial"),
        widget=forms.Textarea,
        required=False,
    )
    wait_until = GovukDateField(
        label=_("Wait until (optional)"),
        help_text=_("Leave blank if it must wait until the proceedings conclude"),
        required=False,
    )

    def __init__(self, *args: Any, review: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Disciplinary processes run separately (R48): no disclosure liaison is recorded here.
        cast(
            _ProceedingChoiceField, self.fields["proceeding"]
        ).queryset = review.proceedings.exclude(kind=ProceedingKind.DISCIPLINARY)


class ProposalApproveForm(forms.Form):
    effective_on = GovukDateField(
        label=_("With effect from"),
        help_text=_DATE_HINT,
        error_messages={"required": _("Enter the date")},
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        help_text=_(
            "Say what the review is waiting for. This is shown in timescale reporting. "
            "Do not include names."
        ),
        widget=forms.Textarea,
        required=False,
    )
    evidence = forms.CharField(
        label=_("Evidence (optional)"),
        help_text=_("For example, the court listing or the coroner's letter and its date"),
        widget=forms.Textarea,
        required=False,
    )

    def __init__(self, *args: Any, pausing: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not pausing:
            del self.fields["explanation"]
            del self.fields["evidence"]


class ProposalRejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the proposal rejected?"),
        help_text=_("For example, the SIO agreed the review can proceed. Do not include names."),
        widget=forms.Textarea,
        error_messages={"required": _("Enter why the proposal is rejected")},
    )
