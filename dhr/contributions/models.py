"""Agency information requests (scoping and IMR), escalation steps, IMRs and their versions.

Rules (domain.md 2.6, 4.3, section 7.4): R32 requests with deadlines and tracked receipt,
nil returns; R33 the IMR follows the national outline and carries the author's independence
declaration and a senior manager's sign-off; R35 non-engaging agencies are recorded and
escalated. IMR text and the names of authors are held encrypted.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.accounts.models import Organisation
from dhr.contributions.choices import IMRState, RequestKind, RequestStatus
from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.reviews.models import Review


class InformationRequest(TimeStampedModel):
    """A request to one agency: the scoping question, or an IMR (R32)."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="information_requests"
    )
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("type of request"), max_length=16, choices=RequestKind.choices)
    sent_on = models.DateField(_("date sent"))
    due_on = models.DateField(_("date due"), null=True, blank=True)
    status = models.CharField(
        max_length=24, choices=RequestStatus.choices, default=RequestStatus.SENT
    )
    response_notes = EncryptedTextField(_("summary of contact"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField(_("date answered"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["agency__name", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "agency", "kind"], name="information_request_unique_kind"
            )
        ]

    def __str__(self) -> str:
        return f"{self.review} {self.kind}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        if self.agency_id and self.agency.is_csp:
            errors["agency"] = _("Choose an agency, not a Community Safety Partnership")
        if self.due_on and self.sent_on and self.due_on < self.sent_on:
            errors["due_on"] = _("The date due must be the same as or after the date sent")
        if self.kind == RequestKind.IMR and self.due_on is None:
            errors["due_on"] = _("Enter the date the IMR is due")
        if self.status == RequestStatus.CONTACT_CONFIRMED and not self.response_notes.strip():
            errors["response_notes"] = _("Summarise the contact your agency had")
        if errors:
            raise ValidationError(errors)


class EscalationStep(TimeStampedModel):
    """One step taken to secure an agency's engagement (R35), e.g. a letter to its director."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="escalation_steps"
    )
    taken_on = models.DateField(_("date of the step"))
    step = models.TextField(_("what was done"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["taken_on", "created_at"]


class RequestReminderSent(models.Model):
    """One reminder e-mail per request, recipient, kind and due date: running twice sends once."""

    request = models.ForeignKey(
        InformationRequest, on_delete=models.CASCADE, related_name="reminders"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=16)
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["request", "recipient", "kind", "due_on"],
                name="request_reminder_sent_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on}"


class IMRContent(models.Model):
    """The IMR as written: the outline sections, the author's declaration and the sign-off."""

    involvement_summary = EncryptedTextField(_("Summary of the agency's involvement"), blank=True)
    analysis = EncryptedTextField(
        _("Analysis of involvement against policy and practice"), blank=True
    )
    good_practice = EncryptedTextField(_("Good practice"), blank=True)
    lessons_learned = EncryptedTextField(_("Lessons learned"), blank=True)
    recommendations = EncryptedTextField(_("Recommendations for the agency"), blank=True)
    author_name = EncryptedTextField(_("Author's name"), blank=True)
    author_role = models.CharField(_("Author's role"), max_length=200, blank=True)
    independence_declared = models.BooleanField(default=False)
    sign_off_name = EncryptedTextField(_("Senior manager's name"), blank=True)
    sign_off_role = models.CharField(_("Senior manager's role"), max_length=200, blank=True)
    signed_off_on = models.DateField(_("Date signed off"), null=True, blank=True)
    # Instead of (or as well as) the sections: the agency's own IMR as an uploaded DOCX or PDF,
    # stored and downloaded only through dhr.documents.
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        abstract = True


class IMR(TimeStampedModel, IMRContent):
    """An agency's individual management review (R33): draft, submitted, returned, accepted."""

    request = models.OneToOneField(InformationRequest, on_delete=models.PROTECT, related_name="imr")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="imrs")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=24, choices=IMRState.choices, default=IMRState.DRAFT)
    # The chair's comments when it was last returned for revision.
    chair_comments = models.TextField(_("comments for the agency"), blank=True)
    shared_with_panel = models.BooleanField(_("shared with the review panel"), default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["agency__name"]

    def __str__(self) -> str:
        return f"IMR {self.review}"


class IMRVersion(TimeStampedModel, IMRContent):
    """What was submitted each time, so the chair can compare submissions (R33)."""

    imr = models.ForeignKey(IMR, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # Filled when the chair returns this submission.
    return_comments = models.TextField(blank=True)

    class Meta:
        ordering = ["imr", "number"]
        constraints = [
            models.UniqueConstraint(fields=["imr", "number"], name="imr_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.imr} v{self.number}"
