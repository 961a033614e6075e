"""The Review aggregate: notification, people, eligibility, decision, Home Office, appointments.

Names of real people are held only in encrypted fields (`EncryptedTextField`); everything that
appears in URLs, e-mails or logs is the review's reference or its UUID.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from dhr.accounts.models import Organisation, Role
from dhr.core.fields import EncryptedTextField
from dhr.core.models import TimeStampedModel
from dhr.reviews.choices import (
    POLICE_FORCE_AREAS,
    AppointmentRole,
    DecisionForum,
    DecisionOutcome,
    HomeOfficeResponse,
    PersonRole,
    PlaceOfDeathType,
    Relationship,
    ReviewState,
    Sex,
)

S = ReviewState


class Review(TimeStampedModel):
    """One case, from the first notification of a death to closure."""

    reference = models.CharField(_("reference"), max_length=32, unique=True)
    lead_csp = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="led_reviews")
    # Cross-border cases: other CSPs that co-operate (the lead is normally the CSP where the
    # victim normally lived; domain.md 2.1 A4, R23).
    cooperating_csps = models.ManyToManyField(
        Organisation, blank=True, related_name="cooperating_reviews"
    )
    state = FSMField(default=S.NOTIFIED, choices=S.choices, protected=True)
    came_to_attention_on = models.DateField(_("date the death came to the CSP's attention"))
    # The pseudonym the family chose, used everywhere inside the service (R42).
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.reference

    @property
    def jurisdiction(self) -> str:
        return self.lead_csp.jurisdiction

    # --- lifecycle ---------------------------------------------------------------------------
    # Transitions are taken only through dhr.reviews.lifecycle, which checks who may take them.

    @transition(field=state, source=S.NOTIFIED, target=S.ELIGIBILITY_ASSESSED)
    def mark_eligibility_assessed(self) -> None:
        """The eligibility check has been run (it may be re-run while still undecided)."""

    @transition(field=state, source=[S.NOTIFIED, S.ELIGIBILITY_ASSESSED], target=S.DECIDED_REVIEW)
    def decide_review(self) -> None:
        """The CSP decided to hold a review (review, joint review or SUSR)."""

    @transition(
        field=state, source=[S.NOTIFIED, S.ELIGIBILITY_ASSESSED], target=S.DECIDED_NO_REVIEW
    )
    def decide_no_review(self) -> None:
        """Provisional until the Home Office responds (R21)."""

    @transition(field=state, source=S.DECIDED_NO_REVIEW, target=S.DECIDED_REVIEW)
    def reopen_on_direction(self) -> None:
        """The Secretary of State directed a review under s.9(2) DVCVA 2004 (R22)."""

    @transition(field=state, source=S.DECIDED_NO_REVIEW, target=S.CLOSED)
    def close_no_review_accepted(self) -> None:
        """The Home Office accepted the decision not to hold a review."""

    @transition(field=state, source=S.DECIDED_REVIEW, target=S.SET_UP)
    def complete_set_up(self) -> None:
        """An independent chair is appointed."""

    @transition(field=state, source=S.SET_UP, target=S.INFORMATION_GATHERING)
    def start_information_gathering(self) -> None:
        pass

    @transition(field=state, source=S.INFORMATION_GATHERING, target=S.ANALYSIS_DRAFTING)
    def start_analysis(self) -> None:
        pass

    @transition(field=state, source=S.ANALYSIS_DRAFTING, target=S.LOCAL_SIGN_OFF)
    def start_local_sign_off(self) -> None:
        pass

    @transition(field=state, source=[S.LOCAL_SIGN_OFF, S.SUBMITTED_QA], target=S.SUBMITTED_QA)
    def submit_to_home_office(self) -> None:
        pass

    @transition(field=state, source=S.SUBMITTED_QA, target=S.LOCAL_SIGN_OFF)
    def return_for_resubmission(self) -> None:
        pass

    @transition(field=state, source=S.SUBMITTED_QA, target=S.APPROVED_FOR_PUBLICATION)
    def approve_for_publication(self) -> None:
        pass

    @transition(field=state, source=S.APPROVED_FOR_PUBLICATION, target=S.PUBLISHED)
    def publish(self) -> None:
        pass

    @transition(field=state, source=S.PUBLISHED, target=S.MONITORING)
    def start_monitoring(self) -> None:
        pass

    @transition(field=state, source=S.MONITORING, target=S.CLOSED)
    def close(self) -> None:
        pass


class ReviewMembership(TimeStampedModel):
    """A person's role in one review (chair, writer, agency contributor, panel member)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_memberships"
    )
    role = models.CharField(max_length=32, choices=Role.choices)
    # For agency contributors and panel members: the agency they speak for.
    agency = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["review", "user", "role"], name="review_membership_unique_role"
            )
        ]


class Notification(TimeStampedModel):
    """A written notification or referral of a death to the CSP (R16, R17; domain.md 4.1)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="notifications")
    notifying_agency = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    notifying_agency_name = models.CharField(_("notifying agency"), max_length=200, blank=True)
    notifying_officer = EncryptedTextField(_("notifying officer"), blank=True)
    notifying_officer_contact = EncryptedTextField(_("officer's contact details"), blank=True)
    notified_at = models.DateTimeField(_("date and time notified"))
    date_of_death = models.DateField(_("date of death"))
    place_of_death_type = models.CharField(
        _("place of death"), max_length=16, choices=PlaceOfDeathType.choices
    )
    place_of_death = EncryptedTextField(_("place of death (address)"), blank=True)
    police_force_area = models.CharField(
        _("police force area"), max_length=40, choices=POLICE_FORCE_AREAS
    )
    circumstances = EncryptedTextField(_("summary of circumstances"), blank=True)
    suspect_arrested = models.BooleanField(_("suspect arrested"), default=False)
    suspect_charged = models.BooleanField(_("suspect charged"), default=False)
    suspect_deceased = models.BooleanField(_("suspect deceased"), default=False)
    suspected_suicide = models.BooleanField(_("suspected suicide"), default=False)
    children_in_household = models.BooleanField(_("children in the household"), default=False)
    children_present = models.BooleanField(_("children present"), default=False)
    known_agency_contact = models.TextField(_("known agency contact"), blank=True)
    other_reviews = models.JSONField(_("other reviews triggered"), default=list, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["notified_at"]

    def clean(self) -> None:
        today = timezone.localdate()
        errors: dict[str, str] = {}
        if self.date_of_death and self.date_of_death > today:
            errors["date_of_death"] = _("Date of death must be today or in the past")
        if self.notified_at and self.notified_at > timezone.now():
            errors["notified_at"] = _("The date notified must be today or in the past")
        if (
            self.date_of_death
            and self.notified_at
            and timezone.localtime(self.notified_at).date() < self.date_of_death
        ):
            errors["notified_at"] = _(
                "The date notified must be the same as or after the date of death"
            )
        if errors:
            raise ValidationError(errors)


class ReviewPerson(TimeStampedModel):
    """The victim or a suspect. Identities are encrypted; the blind index finds duplicates."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="people")
    role = models.CharField(max_length=16, choices=PersonRole.choices)
    full_name = EncryptedTextField(_("full name"), blank=True)
    name_index = models.CharField(max_length=64, blank=True, db_index=True)
    date_of_birth = EncryptedTextField(_("date of birth"), blank=True)
    age_at_death = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex.choices, default=Sex.UNKNOWN)
    address = EncryptedTextField(_("address"), blank=True)
    ethnicity = models.CharField(_("ethnicity"), max_length=100, blank=True)
    relationship_to_victim = models.CharField(
        _("relationship to the victim"), max_length=24, choices=Relationship.choices, blank=True
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=100, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "name_index"])

    class Meta:
        ordering = ["role", "created_at"]


class EligibilityAssessment(TimeStampedModel):
    """A guided check against the rule set in force: a recommendation, never a decision."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="assessments")
    ruleset_code = models.CharField(max_length=40)
    ruleset_version = models.CharField(max_length=20)
    answers = models.JSONField(default=dict)
    recommendation = models.CharField(max_length=40)
    # An assessment may raise no flags; blank=True lets full_clean accept the empty list.
    flags = models.JSONField(default=list, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]


class Decision(TimeStampedModel):
    """The CSP's decision (R19): by the CSP chair or the joint panel, with its rationale."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(_("decision"), max_length=16, choices=DecisionOutcome.choices)
    forum = models.CharField(_("decided by"), max_length=16, choices=DecisionForum.choices)
    decided_on = models.DateField(_("date of decision"))
    rationale = models.TextField(_("rationale"), blank=True)
    joint_with = models.CharField(_("joint with"), max_length=200, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    # A decision following a Secretary of State direction records which direction caused it.
    following_direction = models.BooleanField(default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-decided_on", "-created_at"]

    def clean(self) -> None:
        if self.outcome == DecisionOutcome.NO_REVIEW and not self.rationale.strip():
            raise ValidationError(
                {"rationale": _("Enter the rationale for deciding not to hold a review")}
            )
        if self.decided_on and self.decided_on > timezone.localdate():
            raise ValidationError(
                {"decided_on": _("The date of decision must be today or in the past")}
            )


class HomeOfficeNotification(TimeStampedModel):
    """The letter telling the Home Office of a decision, and the Home Office's answer (R20-R22)."""

    review = models.ForeignKey(
        Review, on_delete=models.CASCADE, related_name="home_office_notifications"
    )
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="+")
    sent_on = models.DateField(_("date sent"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.CharField(
        max_length=24, choices=HomeOfficeResponse.choices, default=HomeOfficeResponse.AWAITING
    )
    response_on = models.DateField(_("date of response"), null=True, blank=True)
    directed_body = models.CharField(_("directed body"), max_length=200, blank=True)
    response_notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at"]


class AgencyDecline(TimeStampedModel):
    """An agency that declined to take part, and whether a direction was asked for (R35, R22)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="agency_declines")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    asked_on = models.DateField(_("date asked"))
    declined_on = models.DateField(_("date declined"))
    reason_given = models.TextField(_("reason given"), blank=True)
    steps_taken = models.TextField(_("steps taken to secure participation"), blank=True)
    direction_requested_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )


class Appointment(TimeStampedModel):
    """The independent chair or the report writer, with the independence statement (R25-R28)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="appointments")
    role = models.CharField(max_length=24, choices=AppointmentRole.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    appointed_on = models.DateField(_("date appointed"))
    career_history = models.TextField(_("career history"))
    relevant_experience = models.TextField(_("relevant experience"))
    independence_statement = models.TextField(_("statement of independence"))
    home_office_training_completed = models.BooleanField(
        _("Home Office DHR training completed"), default=False
    )
    conflict_acknowledged = models.BooleanField(default=False)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["role", "-appointed_on"]


class PastAgencyLink(TimeStampedModel):
    """A past connection of the chair or writer with an agency, and when it ended (R26, R27)."""

    appointment = models.ForeignKey(
        Appointment, on_delete=models.CASCADE, related_name="past_links"
    )
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role_held = models.CharField(_("role held"), max_length=150)
    ended_on = models.DateField(_("date the connection ended"), null=True, blank=True)


class AgencyInScope(TimeStampedModel):
    """An agency the review involves (panel, information requests, conflict checks)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="agencies_in_scope")
    agency = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("why this agency is in scope"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "agency"], name="agency_in_scope_unique")
        ]


class TimelineEvent(models.Model):
    """What happened on a review, in order, shown on its timeline (not the security log)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="timeline")
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=48)
    summary = models.CharField(max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d} {self.kind}"
