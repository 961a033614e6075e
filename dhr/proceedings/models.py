"""Proceedings running beside a review, disclosure liaison, and the clock pauses they propose.

Rules (domain.md 1.10, 1.11, 2.8; section 7):

- R45: record parallel processes (criminal investigation and trial, inquest, IOPC, disciplinary,
  SAR, CSPR, MHHR, OWHR, SUSR) with their status and liaison contacts (2016 statutory guidance
  Section 9).
- R46: a pause of the completion clock is recorded, explained and approved by the chair; here a
  charge, trial date, inquest or IOPC investigation only *proposes* it.
- R47: SIO/CPS liaison decisions are recorded: what the review may proceed with, what must wait.
- R48: agency disciplinary processes run separately from the review: recorded, never run here.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.core.models import TimeStampedModel


class ProceedingKind(models.TextChoices):
    CRIMINAL = "criminal", _("Criminal proceedings")
    INQUEST = "inquest", _("Inquest")
    IOPC = "iopc", _("IOPC investigation")
    DISCIPLINARY = "disciplinary", _("Agency disciplinary process")
    SAR = "sar", _("Safeguarding Adults Review")
    CSPR = "cspr", _("Child Safeguarding Practice Review")
    MHHR = "mhhr", _("Mental Health Homicide Review")
    OWHR = "owhr", _("Offensive Weapons Homicide Review")
    SUSR = "susr", _("Single Unified Safeguarding Review")


# The other statutory reviews that may be linked to this one under a shared reference (R45, H7).
LINKED_REVIEW_KINDS = frozenset(
    {
        ProceedingKind.SAR,
        ProceedingKind.CSPR,
        ProceedingKind.MHHR,
        ProceedingKind.OWHR,
        ProceedingKind.SUSR,
    }
)


class ProceedingStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    CONCLUDED = "concluded", _("Concluded")


class EventKind(models.TextChoices):
    ARREST = "arrest", _("Arrest")
    CHARGE = "charge", _("Charge")
    HEARING = "hearing", _("Hearing")
    TRIAL = "trial", _("Trial start")
    VERDICT = "verdict", _("Verdict")
    SENTENCE = "sentence", _("Sentence")
    OPENED = "opened", _("Inquest opened")
    ADJOURNED = "adjourned", _("Inquest adjourned")
    RESUMED = "resumed", _("Inquest resumed")
    CONCLUSION = "conclusion", _("Inquest conclusion")
    STARTED = "started", _("Started")
    CONCLUDED = "concluded", _("Concluded")


_START_AND_END = (EventKind.STARTED, EventKind.CONCLUDED)

# Which dated events each kind of proceeding has.
EVENTS_FOR_KIND: dict[str, tuple[str, ...]] = {
    ProceedingKind.CRIMINAL: (
        EventKind.ARREST,
        EventKind.CHARGE,
        EventKind.HEARING,
        EventKind.TRIAL,
        EventKind.VERDICT,
        EventKind.SENTENCE,
    ),
    ProceedingKind.INQUEST: (
        EventKind.OPENED,
        EventKind.ADJOURNED,
        EventKind.RESUMED,
        EventKind.CONCLUSION,
    ),
    **{kind: _START_AND_END for kind in ProceedingKind if kind not in ("criminal", "inquest")},
}

# Events that may be dated ahead: they are listed by the court and shown as scheduled.
SCHEDULABLE_EVENTS = frozenset({EventKind.HEARING, EventKind.TRIAL})
# Events that end the proceeding.
CONCLUDING_EVENTS = frozenset({EventKind.VERDICT, EventKind.CONCLUSION, EventKind.CONCLUDED})


class Verdict(models.TextChoices):
    """The Home Office DHR Library "Court verdict" labels (domain.md 4.9)."""

    MURDER = "murder", _("Murder")
    MANSLAUGHTER = "manslaughter", _("Manslaughter")
    MANSLAUGHTER_DR = "manslaughter_dr", _("Manslaughter – diminished responsibility")
    UNFIT_TO_PLEAD = "unfit_to_plead", _("Unfit to plead")
    NOT_GUILTY = "not_guilty", _("Not guilty")
    OTHER = "other", _("Other")


class Proceeding(TimeStampedModel):
    """One process running beside the review (R45). Disciplinary ones stay separate (R48)."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="proceedings"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=ProceedingKind.choices)
    body = models.CharField(
        _("court, coroner or body running it"), max_length=200, blank=True, default=""
    )
    shared_reference = models.CharField(
        _("shared reference"), max_length=60, blank=True, default=""
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ProceedingStatus.choices,
        default=ProceedingStatus.ONGOING,
    )
    # A professional contact (an SIO, a coroner's officer): not personal data of the family.
    liaison_name = models.CharField(_("liaison contact"), max_length=120, blank=True, default="")
    liaison_role = models.CharField(_("liaison role"), max_length=120, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def is_disciplinary(self) -> bool:
        return self.kind == ProceedingKind.DISCIPLINARY

    @property
    def is_linked_review(self) -> bool:
        return self.kind in LINKED_REVIEW_KINDS


class ProceedingEvent(TimeStampedModel):
    """A dated step of a proceeding: a charge, a trial date, an inquest opened, a verdict."""

    proceeding = models.ForeignKey(Proceeding, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=16, choices=EventKind.choices)
    occurred_on = models.DateField(_("date"))
    # A hearing or trial listed for a date still ahead.
    scheduled = models.BooleanField(default=False)
    verdict = models.CharField(
        _("verdict"), max_length=20, choices=Verdict.choices, blank=True, default=""
    )
    note = models.CharField(_("note"), max_length=300, blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["occurred_on", "created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%Y-%m-%d}"


class LiaisedWith(models.TextChoices):
    SIO = "sio", _("Senior investigating officer (SIO)")
    CPS = "cps", _("Crown Prosecution Service (CPS)")
    SIO_AND_CPS = "sio_and_cps", _("SIO and CPS")


class DisclosureDecision(TimeStampedModel):
    """What the SIO or CPS agreed the review may do while proceedings run (R47)."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="disclosure_decisions"
    )
    proceeding = models.ForeignKey(
        Proceeding, on_delete=models.CASCADE, related_name="disclosure_decisions"
    )
    liaised_with = models.CharField(_("agreed with"), max_length=16, choices=LiaisedWith.choices)
    decided_on = models.DateField(_("date agreed"))
    may_proceed_with = models.TextField(_("what the review may proceed with"))
    must_wait = models.TextField(_("what must wait"), blank=True, default="")
    wait_until = models.DateField(_("wait until"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-decided_on", "-created_at"]


class ProposalKind(models.TextChoices):
    PAUSE = "pause", _("Pause the clock")
    RESUME = "resume", _("Restart the clock")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Waiting for the chair")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class PauseProposal(TimeStampedModel):
    """A pause or restart of the completion clock that a proceeding event suggests (R46).

    Nothing happens to the clock until the chair approves it; approving calls the clock's own
    services, so the pause ledger stays the one record of pauses.
    """

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="pause_proposals"
    )
    event = models.ForeignKey(
        ProceedingEvent, on_delete=models.CASCADE, related_name="pause_proposals"
    )
    kind = models.CharField(max_length=8, choices=ProposalKind.choices)
    reason = models.CharField(max_length=32)  # a dhr.clock PauseReason value
    proposed_on = models.DateField(_("proposed date"))
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(blank=True, default="")
    pause = models.ForeignKey(
        "clock.Pause", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]
