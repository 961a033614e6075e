"""Agency chronologies: each agency's submissions and entries, and the review's settings.

A re-upload supersedes the agency's current submission: the old entries stay, linked to the
superseded submission, so the history of what each agency said is never lost (issue 3 item 5).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.accounts.models import Organisation
from dhr.chronology.choices import (
    ContactType,
    DatePrecision,
    PanelMark,
    PersonInvolved,
    Referral,
    SubmissionMethod,
)
from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.reviews.models import Review

DEFAULT_GAP_DAYS = 90


class ChronologySubmission(TimeStampedModel):
    """One version of one agency's chronology: an upload, or the entries typed in the service."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(_("version"))
    method = models.CharField(max_length=8, choices=SubmissionMethod.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    row_count = models.PositiveIntegerField(_("entries"), default=0)
    superseded = models.BooleanField(_("superseded"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["agency__name", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "agency", "version"], name="chronology_submission_version"
            ),
            models.UniqueConstraint(
                fields=["review", "agency"],
                condition=models.Q(superseded=False),
                name="chronology_one_current_submission",
            ),
        ]


class ChronologyEntry(TimeStampedModel):
    """One contact an agency had with the victim, the perpetrator or their family."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    submission = models.ForeignKey(
        ChronologySubmission, on_delete=models.CASCADE, related_name="entries"
    )
    row_number = models.PositiveIntegerField(null=True, blank=True)
    occurred_on = models.DateField(_("date"))
    occurred_time = models.TimeField(_("time"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"), max_length=12, choices=DatePrecision.choices
    )
    source_reference = models.CharField(_("source record"), max_length=200, blank=True)
    contact_type = models.CharField(_("contact type"), max_length=16, choices=ContactType.choices)
    # Free text names people: encrypted at rest.
    what_happened = EncryptedTextField(_("what happened"))
    people_involved = models.JSONField(_("people involved"), default=list)
    abuse_disclosed = models.BooleanField(_("abuse disclosed or observed"), default=False)
    risk_assessment = EncryptedTextField(_("risk assessment"), blank=True)
    referrals_made = models.JSONField(_("referrals made"), default=list, blank=True)
    action_taken = EncryptedTextField(_("action taken"), blank=True)
    panel_mark = models.CharField(
        _("panel mark"), max_length=20, choices=PanelMark.choices, blank=True, default=""
    )
    panel_note = EncryptedTextField(_("panel note"), blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["occurred_on", "occurred_time", "created_at"]
        indexes = [models.Index(fields=["review", "occurred_on"], name="chronology_entry_date")]

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.occurred_time is not None and self.date_precision != DatePrecision.EXACT:
            errors["occurred_time"] = _("A time can be given only with an exact date")
        if not self.people_involved or not set(self.people_involved) <= set(PersonInvolved.values):
            errors["people_involved"] = _("Choose who was involved")
        if not set(self.referrals_made or []) <= set(Referral.values):
            errors["referrals_made"] = _("Choose referrals from the list")
        if errors:
            raise ValidationError(errors)


class ChronologySettings(TimeStampedModel):
    """Per-review settings: the gap that is flagged; whether the panel may see the chronology."""

    review = models.OneToOneField(Review, on_delete=models.CASCADE, related_name="+")
    gap_days = models.PositiveIntegerField(
        _("flag gaps in contact longer than (days)"),
        default=DEFAULT_GAP_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
    )
    shared_with_panel = models.BooleanField(_("shared with the review panel"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])
