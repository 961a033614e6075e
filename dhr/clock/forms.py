"""Forms for the pause ledger (R46). Checks that need the review live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dhr.clock.models import PauseReason
from dhr.core.forms import GovukDateField


class PauseForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is the review paused?"),
        choices=PauseReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select why the review is paused")},
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        help_text=_(
            "Say what the review is waiting for and when it is expected to end. "
            "This is shown in timescale reporting. Do not include names."
        ),
        widget=forms.Textarea,
        error_messages={"required": _("Enter an explanation for the pause")},
    )
    evidence = forms.CharField(
        label=_("Evidence (optional)"),
        help_text=_("For example, the court listing or the coroner's letter and its date"),
        widget=forms.Textarea,
        required=False,
    )
    started_on = GovukDateField(
        label=_("Date the pause starts"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date the pause starts")},
    )


class PauseEndForm(forms.Form):
    ended_on = GovukDateField(
        label=_("Date the clock restarts"),
        help_text=_("For example, 27 3 2026"),
        error_messages={"required": _("Enter the date the clock restarts")},
    )
