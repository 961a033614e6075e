"""seed_demo builds every lifecycle stage, the clock scenarios, and is safe to run twice."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dhr.accounts.models import Membership, Organisation, User
from dhr.audit.models import Event
from dhr.clock.models import Deadline, Pause
from dhr.clock.statutory import rule_for
from dhr.core.crypto import blind_index
from dhr.demo import data
from dhr.reviews.choices import ReviewState
from dhr.reviews.models import (
    Appointment,
    Decision,
    HomeOfficeNotification,
    Notification,
    Review,
    ReviewMembership,
    ReviewPerson,
    TimelineEvent,
)

COUNTED = (
    Organisation, User, Membership, Review, ReviewMembership, Notification, ReviewPerson,
    Decision, HomeOfficeNotification, Appointment, TimelineEvent, Deadline, Pause,
    Review.history.model,
)  # fmt: skip


@pytest.fixture
def seed(settings: Any, db: Any) -> Any:
    settings.DHR_ALLOW_DEMO_SEED = True

    def _seed() -> str:
        out = StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return _seed


def _snapshot() -> dict[str, Any]:
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["review_rows"] = sorted(
        Review.objects.values_list("reference", "state", "updated_at", "came_to_attention_on")
    )
    return counts


def test_second_run_creates_and_changes_nothing(seed: Any) -> None:
    seed()
    first = _snapshot()
    output = seed()
    assert _snapshot() == first
    assert f"0 created, {len(data.REVIEWS)} already present" in output


def test_every_lifecycle_stage_has_a_review(seed: Any) -> None:
    seed()
    assert set(Review.objects.values_list("state", flat=True)) == set(ReviewState.values)


def test_each_review_has_notification_victim_suspect_and_timeline(seed: Any) -> None:
    seed()
    for review in Review.objects.all():
        assert review.notifications.count() == 1
        assert {p.role for p in review.people.all()} == {"victim", "suspect"}
        assert review.timeline.exists()
    victim = ReviewPerson.objects.get(review__reference="DHR-WSF-2024-001", role="victim")
    assert victim.name_index == blind_index("Fiona Fictitious")


def test_clock_scenarios_are_present(seed: Any) -> None:
    seed()
    today = timezone.localdate()
    live = Deadline.objects.filter(cancelled=False, met_on__isnull=True)

    def due(deadline: Deadline) -> dt.date:
        return rule_for(deadline.rule_code).due_on(deadline.starts_on)

    decisions = [due(d) for d in live.filter(rule_code="decision")]
    assert any(d < today for d in decisions), "an overdue decision clock"
    assert any(today <= d <= today + dt.timedelta(days=14) for d in decisions), "one due soon"
    assert Pause.objects.filter(reason="criminal_proceedings", ended_on__isnull=True).exists()
    assert Pause.objects.filter(ended_on__isnull=False).exists()
    overdue = Deadline.objects.get(review__reference="DHR-WSF-2024-007", rule_code="completion")
    paused = sum(
        (p.ended_on - p.started_on).days for p in overdue.review.pauses.all() if p.ended_on
    )
    assert due(overdue) + dt.timedelta(days=paused) < today
    assert overdue.period_value == 6 and overdue.period_unit == "months"


def test_decided_reviews_have_decision_and_home_office_notice(seed: Any) -> None:
    seed()
    for review in Review.objects.exclude(state__in=["notified", "eligibility_assessed"]):
        assert review.decisions.count() == 1, review.reference
        assert review.home_office_notifications.count() == 1, review.reference
    susr = Decision.objects.get(review__reference="DHR-CTD-2024-001")
    assert susr.outcome == "susr" and susr.review.lead_csp.jurisdiction == "wales"


def test_demo_accounts_sign_in_with_the_printed_password(seed: Any) -> None:
    output = seed()
    assert f"Demo password: {data.DEMO_PASSWORD}" in output
    assert "independent-chair@demo.dhr.test" in output
    admin = User.objects.get(email="admin@demo.dhr.test")
    assert admin.is_superuser and admin.is_staff
    assert admin.memberships.filter(role="administrator").exists()
    assert all(u.check_password(data.DEMO_PASSWORD) for u in User.objects.all())


def test_police_contributor_sees_a_review_they_contribute_to(seed: Any, settings: Any) -> None:
    settings.DHR_REQUIRE_MFA = False
    seed()
    client = Client()
    client.force_login(User.objects.get(email="police@demo.dhr.test"))
    review = Review.objects.get(reference="DHR-WSF-2024-006")
    response = client.get(reverse("reviews:review-detail", kwargs={"review_id": review.pk}))
    assert response.status_code == 200
    assert b"DHR-WSF-2024-006" in response.content
    early = Review.objects.get(reference="DHR-WSF-2024-001")
    response = client.get(reverse("reviews:review-detail", kwargs={"review_id": early.pk}))
    assert response.status_code == 404
    assert Event.objects.filter(action="review.view").count() == 1


def test_refuses_to_run_without_debug_or_opt_in(settings: Any, db: Any) -> None:
    from django.core.management.base import CommandError

    settings.DEBUG = False
    settings.DHR_ALLOW_DEMO_SEED = False
    with pytest.raises(CommandError):
        call_command("seed_demo", stdout=StringIO())
    assert not Review.objects.exists()
