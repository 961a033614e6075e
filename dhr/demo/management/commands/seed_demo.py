"""`manage.py seed_demo`: fictional partnerships, people and reviews for trying the service.

Idempotent: organisations and accounts are found by name and e-mail, reviews by their stable
reference (DHR-WSF-2024-001, ...). Anything that already exists is left exactly as it is, so
running the command twice creates nothing new and changes nothing. A review is created whole
(notification, people, decision, clocks, timeline) in one transaction or not at all.

Rows are written directly rather than through the services: the services enforce the order of a
live case (a decision today, an appointment after it), whereas the demo needs reviews that are
already months into their lifecycle, with dates in the past.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from dhr.accounts.models import Membership, Organisation, Role, User
from dhr.clock.models import Deadline, Pause
from dhr.clock.statutory import rule_for
from dhr.core.crypto import blind_index
from dhr.demo import data
from dhr.reviews.choices import (
    AppointmentRole,
    DecisionForum,
    DecisionOutcome,
    HomeOfficeResponse,
    PersonRole,
    ReviewState,
    Sex,
)
from dhr.reviews.lifecycle import stage_index
from dhr.reviews.models import (
    Appointment,
    Decision,
    EligibilityAssessment,
    HomeOfficeNotification,
    Notification,
    Review,
    ReviewMembership,
    ReviewPerson,
    TimelineEvent,
)

S = ReviewState


def _app_demo_hooks() -> list[Any]:
    """`seed(*, stdout)` from every installed `dhr.<app>.demo` module, in INSTALLED_APPS order."""
    import importlib

    from django.apps import apps

    hooks = []
    for config in apps.get_app_configs():
        if not config.name.startswith("dhr.") or config.name == "dhr.demo":
            continue
        try:
            module = importlib.import_module(f"{config.name}.demo")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.demo":
                raise
            continue
        hooks.append(module.seed)
    return hooks


class Command(BaseCommand):
    help = "Create fictional demo partnerships, accounts and reviews (safe to run again)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not getattr(settings, "DHR_ALLOW_DEMO_SEED", False):
            # Demo accounts share a published password: never on a real server by accident.
            raise CommandError("seed_demo runs only with DEBUG on (local demo settings).")
        with transaction.atomic():
            organisations = {spec.key: _organisation(spec) for spec in data.ORGANISATIONS}
            users = {spec.key: _user(spec, organisations) for spec in data.USERS}
            created = [
                spec.reference
                for spec in data.REVIEWS
                if _review(spec, organisations=organisations, users=users)
            ]
            # Each feature app may add its own demo records to these reviews, idempotently.
            for hook in _app_demo_hooks():
                hook(stdout=self.stdout)
        self.stdout.write(
            f"Demo reviews: {len(created)} created, {len(data.REVIEWS) - len(created)} "
            "already present."
        )
        self._print_sign_ins()

    def _print_sign_ins(self) -> None:
        names = {spec.key: spec.name for spec in data.ORGANISATIONS}
        rows = [("E-mail", "Name", "Roles")]
        for spec in data.USERS:
            roles = [f"{Role(role).label}, {names[org]}" for org, role in spec.memberships]
            if spec.key == "independent-chair":
                roles.append("Independent chair (set-up onwards)")
            elif spec.key == "writer":
                roles.append("Report writer (set-up onwards)")
            rows.append((spec.email, spec.full_name, "; ".join(str(r) for r in roles)))
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        for index, row in enumerate(rows):
            self.stdout.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
            if index == 0:
                self.stdout.write("  ".join("-" * width for width in widths))
        self.stdout.write("")
        self.stdout.write(f"Demo password: {data.DEMO_PASSWORD}")


def _organisation(spec: data.OrganisationSpec) -> Organisation:
    organisation, _created = Organisation.objects.get_or_create(
        name=spec.name,
        defaults={
            "kind": spec.kind,
            "code": spec.code,
            "jurisdiction": spec.jurisdiction,
            "joint_decision_forum": spec.joint_decision_forum,
        },
    )
    return organisation


def _user(spec: data.UserSpec, organisations: dict[str, Organisation]) -> User:
    user = User.objects.filter(email=spec.email).first()
    if user is None:
        user = User.objects.create_user(
            spec.email,
            data.DEMO_PASSWORD,
            full_name=spec.full_name,
            job_title=spec.job_title,
            is_staff=spec.superuser,
            is_superuser=spec.superuser,
        )
    for org_key, role in spec.memberships:
        Membership.objects.get_or_create(user=user, organisation=organisations[org_key], role=role)
    return user


def _days_ago(days: int | None) -> dt.date | None:
    return None if days is None else timezone.localdate() - dt.timedelta(days=days)


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def _deadline(review: Review, rule_code: str, starts_on: dt.date, met_on: dt.date | None) -> None:
    rule = rule_for(rule_code, overrides=dict(getattr(settings, "DHR_CLOCK_OVERRIDES", {})))
    Deadline.objects.create(
        review=review,
        rule_code=rule_code,
        starts_on=starts_on,
        period_value=rule.period.amount,
        period_unit=str(rule.period.unit),
        pausable=rule.pausable,
        met_on=met_on,
    )


def _review(
    spec: data.ReviewSpec, *, organisations: dict[str, Organisation], users: dict[str, User]
) -> bool:
    """Create the review `spec` describes; False if its reference already exists."""
    if Review.objects.filter(reference=spec.reference).exists():
        return False
    csp = organisations[spec.csp]
    coordinator, chair = users["coordinator"], users["chair"]
    came_on = _days_ago(spec.came_days_ago)
    assert came_on is not None
    # The FSM field is protected: the state can be given only when the row is created.
    review = Review.objects.create(
        reference=spec.reference,
        lead_csp=csp,
        state=spec.state,
        came_to_attention_on=came_on,
        pseudonym=spec.pseudonym,
    )
    events: list[TimelineEvent] = []

    def event(day: dt.date, kind: str, summary: str, actor: User | None) -> None:
        events.append(
            TimelineEvent(
                review=review, occurred_at=_at(day), kind=kind, summary=summary, actor=actor
            )
        )

    welsh = csp.jurisdiction == "wales"
    Notification.objects.create(
        review=review,
        notifying_agency=None if welsh else organisations["police"],
        notifying_agency_name="South Wales Police (demo)" if welsh else "Westshire Police",
        notifying_officer="DS Demo Officer",
        notifying_officer_contact="demo.officer@police.demo.dhr.test",
        notified_at=_at(came_on, 9),
        date_of_death=came_on - dt.timedelta(days=2),
        place_of_death_type="residential",
        place_of_death="1 Example Street, Demo Town (fictional)",
        police_force_area="South Wales" if welsh else "Thames Valley",
        circumstances="Fictional circumstances for demonstration only.",
        suspect_arrested=True,
        suspect_charged=spec.state != S.NOTIFIED,
        children_in_household=spec.reference.endswith("5"),
        recorded_by=coordinator,
    )
    event(came_on, "notification", "Notification of a death recorded", coordinator)
    ReviewPerson.objects.create(
        review=review,
        role=PersonRole.VICTIM,
        full_name=spec.victim,
        name_index=blind_index(spec.victim),
        age_at_death=34 + len(spec.victim) % 30,
        sex=Sex.FEMALE,
        pseudonym=spec.pseudonym,
    )
    ReviewPerson.objects.create(
        review=review,
        role=PersonRole.SUSPECT,
        full_name=spec.suspect,
        name_index=blind_index(spec.suspect),
        sex=Sex.MALE,
        relationship_to_victim=spec.relationship,
    )
    _deadline(review, "decision", came_on, _days_ago(spec.decided_days_ago))

    if spec.state != S.NOTIFIED:
        assessed_on = came_on + dt.timedelta(days=3)
        EligibilityAssessment.objects.create(
            review=review,
            ruleset_code="dhr-s9-dvcva-2004",
            ruleset_version="2016.1",
            answers={"demo": True},
            recommendation="recommend_review",
            assessed_by=coordinator,
        )
        event(assessed_on, "eligibility", "Eligibility check recorded", coordinator)

    decided_on = _days_ago(spec.decided_days_ago)
    if decided_on is not None:
        _decision(spec, review, decided_on, users=users, event=event)

    if stage_index(spec.state) >= stage_index(S.SET_UP):
        _set_up(spec, review, organisations=organisations, users=users, event=event)
    for stage in (
        S.INFORMATION_GATHERING,
        S.ANALYSIS_DRAFTING,
        S.LOCAL_SIGN_OFF,
        S.SUBMITTED_QA,
        S.APPROVED_FOR_PUBLICATION,
        S.PUBLISHED,
        S.MONITORING,
        S.CLOSED,
    ):
        if stage_index(spec.state) >= stage_index(stage):
            day = _stage_day(spec, stage)
            event(day, "lifecycle", f"Moved to: {S(stage).label}", coordinator)

    for pause in spec.pauses:
        started = _days_ago(pause.started_days_ago)
        ended = _days_ago(pause.ended_days_ago)
        assert started is not None
        Pause.objects.create(
            review=review,
            reason=pause.reason,
            explanation=pause.explanation,
            started_on=started,
            ended_on=ended,
            approved_by=users["independent-chair"] if decided_on else chair,
        )
        event(started, "pause", "Completion clock paused", chair)
        if ended is not None:
            event(ended, "pause", "Completion clock restarted", chair)

    TimelineEvent.objects.bulk_create(events)
    return True


def _decision(
    spec: data.ReviewSpec,
    review: Review,
    decided_on: dt.date,
    *,
    users: dict[str, User],
    event: Any,
) -> None:
    decider = users["panel"] if spec.forum == DecisionForum.JOINT_PANEL else users["chair"]
    decision = Decision.objects.create(
        review=review,
        outcome=spec.outcome,
        forum=spec.forum,
        decided_on=decided_on,
        rationale=(
            "The death does not meet the criteria in s.9(1): no relationship of the kind "
            "required (fictional)."
            if spec.outcome == DecisionOutcome.NO_REVIEW
            else "The criteria in s.9(1) are met (fictional)."
        ),
        joint_with=spec.joint_with,
        decided_by=decider,
    )
    event(decided_on, "decision", f"Decision recorded: {decision.get_outcome_display()}", decider)
    sent_on = _days_ago(spec.home_office_sent_days_ago)
    responded_on = _days_ago(spec.home_office_response_days_ago)
    HomeOfficeNotification.objects.create(
        review=review,
        decision=decision,
        sent_on=sent_on,
        sent_by=users["coordinator"] if sent_on else None,
        response=spec.home_office_response,
        response_on=responded_on,
    )
    if sent_on:
        event(sent_on, "home_office", "Home Office told of the decision", users["coordinator"])
    if responded_on and spec.home_office_response != HomeOfficeResponse.AWAITING:
        event(responded_on, "home_office", "Home Office response recorded", users["coordinator"])
    _deadline(review, "home_office_notified", decided_on, sent_on)
    if spec.outcome != DecisionOutcome.NO_REVIEW:
        _deadline(review, "completion", decided_on, _days_ago(spec.submitted_days_ago))


def _set_up(
    spec: data.ReviewSpec,
    review: Review,
    *,
    organisations: dict[str, Organisation],
    users: dict[str, User],
    event: Any,
) -> None:
    appointed_on = _days_ago(spec.appointed_days_ago)
    assert appointed_on is not None
    for role, key in (
        (AppointmentRole.INDEPENDENT_CHAIR, "independent-chair"),
        (AppointmentRole.REPORT_WRITER, "writer"),
    ):
        user = users[key]
        Appointment.objects.create(
            review=review,
            role=role,
            user=user,
            name=user.full_name,
            appointed_on=appointed_on,
            career_history="Twenty years in adult safeguarding (fictional).",
            relevant_experience="Has chaired several reviews (fictional).",
            independence_statement="No connection with any agency in this review (fictional).",
            home_office_training_completed=True,
            conflict_acknowledged=True,
        )
        ReviewMembership.objects.create(review=review, user=user, role=role)
        event(appointed_on, "appointment", f"Appointed: {role.label}", users["coordinator"])
    if stage_index(spec.state) < stage_index(S.INFORMATION_GATHERING) or spec.csp != "wsf":
        return
    for key, member_role, agency in (
        ("police", Role.AGENCY_CONTRIBUTOR, "police"),
        ("health", Role.AGENCY_CONTRIBUTOR, "nhs"),
        ("review-panel", Role.REVIEW_PANEL_MEMBER, "council"),
    ):
        ReviewMembership.objects.create(
            review=review, user=users[key], role=member_role, agency=organisations[agency]
        )


def _stage_day(spec: data.ReviewSpec, stage: str) -> dt.date:
    """A plausible day the review reached `stage`, spread between set-up and today."""
    appointed = spec.appointed_days_ago or 0
    submitted = spec.submitted_days_ago
    offsets: dict[str, int] = {
        S.INFORMATION_GATHERING: appointed - 10,
        S.ANALYSIS_DRAFTING: appointed - 60,
        S.LOCAL_SIGN_OFF: (submitted + 20) if submitted else appointed - 100,
        S.SUBMITTED_QA: submitted or 0,
        S.APPROVED_FOR_PUBLICATION: (submitted or 0) - 60,
        S.PUBLISHED: (submitted or 0) - 90,
        S.MONITORING: (submitted or 0) - 100,
        S.CLOSED: (submitted or 0) - 300,
    }
    return _days_ago(max(offsets[stage], 1)) or timezone.localdate()
