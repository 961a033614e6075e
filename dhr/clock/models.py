"""Running deadlines of a review, their pause ledger, and the reminders already sent.

The rules themselves (periods, anchors, sources) are data in dhr/clock/statutory.py; the
arithmetic is plain Python in dhr/clock/arithmetic.py. These rows record what is running.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.core.models import TimeStampedModel


class Deadline(TimeStampedModel):
    """One statutory clock on one review, e.g. the decision clock or the completion clock."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="deadlines")
    rule_code = models.CharField(max_length=40)
    starts_on = models.DateField()
    # Snapshot of the rule's period when the clock started, so a later change of settings
    # (six months -> twelve) does not silently move a running clock.
    period_value = models.PositiveIntegerField()
    period_unit = models.CharField(max_length=16)
    pausable = models.BooleanField(default=False)
    met_on = models.DateField(null=True, blank=True)
    cancelled = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_on", "rule_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "rule_code"],
                condition=models.Q(cancelled=False),
                name="one_live_deadline_per_rule",
            )
        ]


class PauseReason(models.TextChoices):
    CRIMINAL_PROCEEDINGS = "criminal_proceedings", _("Criminal proceedings")
    INQUEST = "inquest", _("Inquest")
    IOPC = "iopc", _("IOPC investigation")
    FAMILY_REQUEST = "family_request", _("Family request")
    OTHER = "other", _("Other")


class Pause(TimeStampedModel):
    """A recorded, approved pause of the completion clock (R46): visible, never silent drift."""

    review = models.ForeignKey("reviews.Review", on_delete=models.CASCADE, related_name="pauses")
    reason = models.CharField(_("reason"), max_length=32, choices=PauseReason.choices)
    explanation = models.TextField(_("explanation"))
    evidence = models.TextField(_("evidence"), blank=True)
    started_on = models.DateField(_("pause starts"))
    ended_on = models.DateField(_("pause ends"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["started_on"]

    def clean(self) -> None:
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("The pause cannot end before it starts")})


class ReminderSent(models.Model):
    """One reminder e-mail sent; the unique constraint makes `send_due_reminders` idempotent."""

    deadline = models.ForeignKey(Deadline, on_delete=models.CASCADE, related_name="reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=24)  # "due_soon" or "overdue"
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "recipient", "kind", "due_on"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for {self.due_on:%Y-%m-%d}"
