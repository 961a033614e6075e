"""Forms for the review page itself (members). Stage forms live beside their views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from dhr.accounts.models import REVIEW_ROLES, Organisation, Role, User
from dhr.core.forms import GovukDateField


class MemberAddForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.filter(is_active=True),
        empty_label=_("Choose a person"),
        error_messages={"required": _("Choose a person")},
    )
    role = forms.ChoiceField(
        label=_("Role in this review"),
        choices=[(r.value, r.label) for r in Role if r in REVIEW_ROLES],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a role in the review")},
    )
    agency = forms.ModelChoiceField(
        label=_("Agency (for agency contributors and panel members)"),
        queryset=Organisation.objects.exclude(kind="csp"),
        required=False,
        empty_label=_("Not applicable"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].label_from_instance = lambda u: f"{u.full_name} ({u.email})"


class TimelineFilterForm(forms.Form):
    """Filter a review's timeline by kinds of event (offered only if present) and dates."""

    kind = forms.MultipleChoiceField(
        label=_("What happened"), widget=forms.CheckboxSelectMultiple, required=False
    )
    # "from" is a Python keyword, so the date fields are added by name below.

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = choices  # type: ignore[attr-defined]
        for name, label in (("from", _("From")), ("to", _("To"))):
            self.fields[name] = GovukDateField(
                label=label, help_text=_("For example, 27 3 2026"), required=False
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from"), cleaned.get("to")
        if start and end and end < start:
            self.add_error("to", _("The ‘to’ date must be the same as or after the ‘from’ date"))
        return cleaned
