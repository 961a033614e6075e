"""The redaction review of one DHR: what the scanner found in each document, and what the
reviewer decided for each finding (replace with the pseudonym, replace generically, or keep
with a recorded reason).

Matched text and its context are case data, so they are encrypted at rest; the reason names
only the rule that fired, never the text. Every decision is kept (the newest one counts) and
every change is in the history tables and the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.reviews.models import Review


class RedactionReview(TimeStampedModel):
    """One pass of redaction review over the documents a review will publish."""

    class Status(models.TextChoices):
        OPEN = "open", _("In progress")
        SIGNED_OFF = "signed_off", _("Signed off")
        SUPERSEDED = "superseded", _("Superseded by a later scan")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="redaction_reviews")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # The review's one pseudonym map (JSON list of [kind, identifier, replacement]), shared by
    # every document. Its keys are real names, so it is encrypted like any other identifier.
    pseudonym_map = EncryptedTextField(_("pseudonym map"), blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(_("signed off at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]

    def clean(self) -> None:
        if self.status == self.Status.SIGNED_OFF and not (
            self.signed_off_by_id and self.signed_off_at
        ):
            raise ValidationError(_("A signed-off redaction review needs who and when"))


class Finding(TimeStampedModel):
    """One identifier the scanner found in one document."""

    redaction_review = models.ForeignKey(
        RedactionReview, on_delete=models.CASCADE, related_name="findings"
    )
    document_label = models.CharField(_("document"), max_length=200)
    kind = models.CharField(_("type of identifier"), max_length=32)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    matched_text = EncryptedTextField(_("text found"))
    # The finding in its sentence, "before[[match]]after", as the reviewer sees it.
    context = EncryptedTextField(_("context"))
    reason = models.CharField(_("why it was found"), max_length=300)
    suggested_replacement = models.CharField(_("suggested replacement"), max_length=200)
    source = models.CharField(_("found by"), max_length=64)

    class Meta:
        ordering = ["document_label", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="finding_span_not_empty"
            ),
            models.UniqueConstraint(
                fields=["redaction_review", "document_label", "start", "end"],
                name="finding_unique_span_per_document",
            ),
        ]


class RedactionDecision(TimeStampedModel):
    """What the reviewer decided for a finding. A later decision supersedes an earlier one."""

    class Action(models.TextChoices):
        PSEUDONYM = "pseudonym", _("Replace with the pseudonym")
        GENERIC = "generic", _("Replace with a general description")
        KEEP = "keep", _("Keep it, with a reason")

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("decision"), max_length=16, choices=Action.choices)
    replacement = models.CharField(_("replacement"), max_length=200, blank=True)
    reason = models.TextField(_("reason for keeping it"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]
        get_latest_by = "created_at"

    def clean(self) -> None:
        if self.action == self.Action.KEEP and not self.reason.strip():
            raise ValidationError(
                {"reason": _("Say why this identifier can stay in the published report")}
            )
        if self.action != self.Action.KEEP and not self.replacement.strip():
            raise ValidationError({"replacement": _("Enter what replaces it")})
