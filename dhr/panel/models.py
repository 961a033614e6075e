"""The review panel, its meetings, and the versioned terms of reference.

Rules (domain.md 2.4, 2.5, 2.9 and section 7.3):

- R29: the panel roster records each member's agency, role and seniority, and their declaration
  that they were not involved with the case and do not line-manage staff who were (2016
  statutory guidance, Section 4 "Establishing a Review Panel").
- R30: every agency considered is recorded, and an excluded agency carries the reason (the Home
  Office Quality Assurance Panel looks for it: Safer Devon case 17 feedback letter).
- R31: the terms of reference are a versioned document with the review period, the agencies in
  scope, the key lines of enquiry and whether the family was consulted on them (2016 guidance,
  Section 4 "Determining the Scope of the Review"; Home Office library tag "family consulted
  about terms of reference"). A version agreed by the panel is never changed: a change is a
  new version.

Panel members are professionals acting in a work capacity, so their names are ordinary fields;
nothing here holds the name of a victim, a family member or a suspect.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from dhr.accounts.models import Organisation
from dhr.core.models import TimeStampedModel


class PanelRole(models.TextChoices):
    AGENCY_REPRESENTATIVE = "agency_representative", _("Agency representative")
    DOMESTIC_ABUSE_SPECIALIST = "domestic_abuse_specialist", _("Domestic abuse specialist")
    INDEPENDENT_CHAIR = "independent_chair", _("Independent chair")
    OTHER = "other", _("Other")


class PanelMember(TimeStampedModel):
    """A seat on the review panel (R29)."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="panel_members"
    )
    # Optional: a member with an account in this review (for example the independent chair)
    # is linked so the service knows they sit on the panel and may read its minutes.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="panel_seats",
    )
    name = models.CharField(_("name"), max_length=150)
    agency = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role on the panel"), max_length=32, choices=PanelRole.choices)
    seniority = models.CharField(_("job title and seniority"), max_length=200)
    declared_independent = models.BooleanField(_("independence declared"), default=False)
    declared_on = models.DateField(_("date of the declaration"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["role", "name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.role == PanelRole.AGENCY_REPRESENTATIVE and self.agency_id is None:
            raise ValidationError({"agency": _("Choose the agency this person represents")})
        if self.declared_independent and self.declared_on is None:
            raise ValidationError({"declared_on": _("Enter the date of the declaration")})
        if not self.declared_independent and self.declared_on is not None:
            raise ValidationError(
                {"declared_on": _("A date is given only when the declaration has been made")}
            )


class AgencyConsidered(TimeStampedModel):
    """An agency the panel considered for the review, included or not (R30)."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="agencies_considered"
    )
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    included = models.BooleanField(_("included in the review"))
    reason = models.TextField(_("reason"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-included", "agency__name"]
        constraints = [
            models.UniqueConstraint(fields=["review", "agency"], name="agency_considered_unique")
        ]

    def clean(self) -> None:
        if not self.included and not self.reason.strip():
            raise ValidationError(
                {"reason": _("Enter the reason this agency is not included in the review")}
            )


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")


class PanelMeeting(TimeStampedModel):
    """A meeting of the review panel (domain.md 2.9). Minutes are versioned."""

    review = models.ForeignKey(
        "reviews.Review", on_delete=models.CASCADE, related_name="panel_meetings"
    )
    starts_at = models.DateTimeField(_("date and time"))
    duration_minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=120)
    online = models.BooleanField(_("held online"), default=False)
    location = models.CharField(_("location"), max_length=200, blank=True)
    agenda = models.TextField(_("agenda"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self) -> None:
        if not self.online and not self.location.strip():
            raise ValidationError({"location": _("Enter where the meeting is, or choose online")})
        if not 1 <= self.duration_minutes <= 600:
            raise ValidationError(
                {"duration_minutes": _("The length must be between 1 and 600 minutes")}
            )

    @property
    def place(self) -> str:
        return str(_("Online")) if self.online else self.location


class Attendance(models.TextChoices):
    ATTENDED = "attended", _("Attended")
    APOLOGIES = "apologies", _("Apologies")
    ABSENT = "absent", _("Absent")


class MeetingAttendance(TimeStampedModel):
    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(_("attendance"), max_length=16, choices=Attendance.choices)

    class Meta:
        ordering = ["member__name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "member"], name="attendance_once")
        ]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")


class MeetingAction(TimeStampedModel):
    """An action agreed at a panel meeting, with an owner on the panel and a due date."""

    meeting = models.ForeignKey(PanelMeeting, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"))
    owner = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="actions")
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=8, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["due_on", "created_at"]

    def clean(self) -> None:
        meeting = self.meeting
        if self.owner_id and self.owner.review_id != meeting.review_id:
            raise ValidationError({"owner": _("Choose a member of this review's panel")})


class TermsOfReference(TimeStampedModel):
    """The terms of reference of one review; its content lives in numbered versions (R31)."""

    review = models.OneToOneField(
        "reviews.Review", on_delete=models.CASCADE, related_name="terms_of_reference"
    )

    def current(self) -> TermsVersion | None:
        return self.versions.order_by("-number").first()


class TermsVersion(TimeStampedModel):
    """One version of the terms of reference. Once `agreed_on` is set it is never changed."""

    terms = models.ForeignKey(TermsOfReference, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    period_start = models.DateField(_("review period starts"))
    period_end = models.DateField(_("review period ends"))
    # A snapshot of the agencies in scope and why, as they stood when this version was made,
    # so an agreed version keeps saying what the panel agreed: [{"agency": name, "reason": ...}]
    agencies = models.JSONField(default=list, blank=True)
    lines_of_enquiry = models.JSONField(_("key lines of enquiry"), default=list)
    family_consulted = models.BooleanField(_("family consulted"))
    family_consulted_on = models.DateField(
        _("date the family was consulted"), null=True, blank=True
    )
    agreed_on = models.DateField(_("agreed by the panel on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["terms", "number"], name="terms_version_number_unique")
        ]

    @property
    def is_agreed(self) -> bool:
        return self.agreed_on is not None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = str(
                _("The end of the review period must be the same as or after its start")
            )
        if self.family_consulted and self.family_consulted_on is None:
            errors["family_consulted_on"] = str(_("Enter the date the family was consulted"))
        if not self.family_consulted and self.family_consulted_on is not None:
            errors["family_consulted_on"] = str(
                _("A date is given only when the family was consulted")
            )
        if not [line for line in self.lines_of_enquiry if str(line).strip()]:
            errors["lines_of_enquiry"] = str(_("Enter at least one key line of enquiry"))
        if errors:
            raise ValidationError(errors)


class TermsQuestion(models.Model):
    """A specific question the terms of reference put to one agency."""

    version = models.ForeignKey(TermsVersion, on_delete=models.CASCADE, related_name="questions")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("question"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["agency__name", "position"]

    def __str__(self) -> str:
        return self.text[:50]
