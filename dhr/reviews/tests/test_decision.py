"""The CSP's decision (R18, R19): who may record it, what it requires, what it starts."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.clock.models import Deadline
from dhr.clock.services import deadline_start
from dhr.reviews.choices import DecisionOutcome, HomeOfficeResponse, ReviewState
from dhr.reviews.models import Decision, EligibilityAssessment, HomeOfficeNotification, Review
from dhr.reviews.services import decision as decision_service
from dhr.reviews.services.decision import decision_record

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _date(prefix: str, value: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


def _post(outcome: str, decided_on: dt.date | None = None, **extra: str) -> dict[str, str]:
    return {"outcome": outcome, **_date("decided_on", decided_on or TODAY()), **extra}


def _state(review: Any) -> str:
    # The state field is protected (only transitions change it), so read a fresh copy.
    return Review.objects.get(pk=review.pk).state


def _url(review: Any) -> str:
    return reverse("reviews:decision-create", args=[review.pk])


def _assess(review: Any, user: Any, recommendation: str) -> EligibilityAssessment:
    return EligibilityAssessment.objects.create(
        review=review,
        ruleset_code="dhr_s9",
        ruleset_version="1",
        recommendation=recommendation,
        reasons=[{"rule_id": "R1", "source": "s.9(1)", "text": "The victim was aged 16 or over"}],
        assessed_by=user,
    )


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404(login: Any, review: Any, persona: str, request: Any) -> None:
    user = request.getfixturevalue(persona)
    assert login(user).get(_url(review)).status_code == 404
    assert login(user).post(_url(review), _post("review")).status_code == 404
    assert not Decision.objects.exists()


@pytest.mark.parametrize("persona", ["contributor_a", "coordinator", "independent_chair"])
def test_members_without_the_power_to_decide_get_403(
    login: Any, review: Any, persona: str, request: Any
) -> None:
    user = request.getfixturevalue(persona)
    assert login(user).post(_url(review), _post("review")).status_code == 403
    assert Event.objects.filter(action="authz.denied", actor=user).exists()
    assert not Decision.objects.exists()


def test_chair_sees_recommendation_and_reasons(login: Any, review: Any, csp_chair: Any) -> None:
    _assess(review, csp_chair, "not_eligible")
    page = login(csp_chair).get(_url(review)).content.decode()
    assert "Not eligible for a review" in page
    assert "The victim was aged 16 or over" in page
    # Not in Wales: SUSR is not offered.
    assert 'value="susr"' not in page


def test_warning_when_the_one_month_deadline_has_passed(
    login: Any, review: Any, csp_chair: Any
) -> None:
    Review.objects.filter(pk=review.pk).update(came_to_attention_on=TODAY() - dt.timedelta(days=40))
    deadline_start(review=review, rule_code="decision", starts_on=TODAY() - dt.timedelta(days=40))
    page = login(csp_chair).get(_url(review)).content.decode()
    assert "govuk-warning-text" in page
    assert "was due by" in page


def test_no_warning_within_the_month(login: Any, review: Any, csp_chair: Any) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=review.came_to_attention_on)
    page = login(csp_chair).get(_url(review)).content.decode()
    assert "was due by" not in page
    assert "is due by" in page


def test_susr_is_offered_in_wales_and_recorded_as_a_review(
    login: Any, review: Any, csp_chair: Any
) -> None:
    review.lead_csp.jurisdiction = "wales"
    review.lead_csp.save()
    client = login(csp_chair)
    assert 'value="susr"' in client.get(_url(review)).content.decode()
    client.post(_url(review), _post("susr"))
    assert _state(review) == ReviewState.DECIDED_REVIEW
    assert Deadline.objects.filter(review=review, rule_code="completion").exists()


def test_susr_refused_in_england(login: Any, review: Any, csp_chair: Any) -> None:
    response = login(csp_chair).post(_url(review), _post("susr"))
    assert response.status_code == 200
    assert not Decision.objects.exists()


def test_joint_forum_offered_only_when_the_csp_has_one(
    login: Any, review: Any, csp_chair: Any
) -> None:
    assert "One Panel" not in login(csp_chair).get(_url(review)).content.decode()
    review.lead_csp.joint_decision_forum = "One Panel"
    review.lead_csp.save()
    client = login(csp_chair)
    assert "One Panel" in client.get(_url(review)).content.decode()
    client.post(_url(review), _post("review", forum="joint_panel"))
    assert Decision.objects.get().forum == "joint_panel"
    assert "One Panel" in review.timeline.first().summary


def test_decision_to_review_starts_and_meets_the_clocks(
    login: Any, review: Any, csp_chair: Any
) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=review.came_to_attention_on)
    decided_on = TODAY() - dt.timedelta(days=1)
    response = login(csp_chair).post(_url(review), _post("review", decided_on))
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:home-office-response", args=[review.pk])

    assert _state(review) == ReviewState.DECIDED_REVIEW
    decision = Decision.objects.get(review=review)
    assert decision.decided_by == csp_chair
    assert decision.forum == "csp_chair"
    notice = HomeOfficeNotification.objects.get(review=review)
    assert notice.decision == decision
    assert notice.response == HomeOfficeResponse.AWAITING
    assert notice.sent_on is None

    live = {d.rule_code: d for d in Deadline.objects.filter(review=review, cancelled=False)}
    assert live["decision"].met_on == decided_on
    assert live["home_office_notified"].starts_on == decided_on
    assert live["home_office_notified"].met_on is None
    assert live["completion"].starts_on == decided_on
    assert live["completion"].period_value == 6

    assert Event.objects.filter(action="review.decision_recorded", review_id=review.pk).exists()
    summaries = " ".join(review.timeline.values_list("summary", flat=True))
    assert "Hold a Domestic Homicide Review" in summaries
    assert "Alex Example" not in summaries


def test_decision_panel_member_can_decide(login: Any, review: Any, decision_panel: Any) -> None:
    login(decision_panel).post(_url(review), _post("review"))
    assert Decision.objects.get().decided_by == decision_panel


def test_no_review_needs_a_rationale(login: Any, review: Any, csp_chair: Any) -> None:
    response = login(csp_chair).post(_url(review), _post("no_review"))
    assert response.status_code == 200
    assert "Enter the rationale for deciding not to hold a review" in response.content.decode()
    assert _state(review) == ReviewState.NOTIFIED
    assert not Decision.objects.exists()
    assert not HomeOfficeNotification.objects.exists()


def test_no_review_stays_open_and_starts_no_completion_clock(
    login: Any, review: Any, csp_chair: Any
) -> None:
    login(csp_chair).post(
        _url(review), _post("no_review", rationale="No qualifying relationship was found.")
    )
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW
    assert Decision.objects.get().outcome == DecisionOutcome.NO_REVIEW
    assert Deadline.objects.filter(review=review, rule_code="home_office_notified").exists()
    assert not Deadline.objects.filter(review=review, rule_code="completion").exists()


def test_review_against_a_negative_recommendation_needs_a_rationale(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _assess(review, csp_chair, "not_eligible")
    client = login(csp_chair)
    response = client.post(_url(review), _post("review"))
    assert "explain why one will be held" in response.content.decode()
    assert not Decision.objects.exists()
    client.post(_url(review), _post("review", rationale="Coercive control was reported."))
    assert Decision.objects.exists()


def test_review_following_a_positive_recommendation_needs_no_rationale(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _assess(review, csp_chair, "recommend_review")
    login(csp_chair).post(_url(review), _post("review"))
    assert Decision.objects.exists()


def test_joint_review_must_say_joint_with_what(login: Any, review: Any, csp_chair: Any) -> None:
    client = login(csp_chair)
    client.post(_url(review), _post("joint_review"))
    assert not Decision.objects.exists()
    client.post(_url(review), _post("joint_review", joint_with="cspr"))
    assert Decision.objects.get().joint_with == "cspr"


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (-1, "must be today or in the past"),
        (10, "came to the CSP"),
    ],
)
def test_bad_dates_are_refused(
    login: Any, review: Any, csp_chair: Any, days: int, message: str
) -> None:
    # days < 0: tomorrow; days > 0: before the death came to the CSP's attention (3 days ago).
    decided_on = TODAY() - dt.timedelta(days=days)
    response = login(csp_chair).post(_url(review), _post("review", decided_on))
    assert message in response.content.decode()
    assert not Decision.objects.exists()


def test_not_a_real_date(login: Any, review: Any, csp_chair: Any) -> None:
    data = {"outcome": "review", "decided_on_0": "31", "decided_on_1": "2", "decided_on_2": "2026"}
    response = login(csp_chair).post(_url(review), data)
    assert "The date must be a real date" in response.content.decode()


def test_a_second_decision_is_refused(login: Any, review: Any, csp_chair: Any) -> None:
    client = login(csp_chair)
    client.post(_url(review), _post("review"))
    response = client.post(_url(review), _post("no_review", rationale="Changed my mind"))
    assert response.status_code == 409
    assert Decision.objects.count() == 1
    assert "already been recorded" in response.content.decode()
    with pytest.raises(ValidationError):
        decision_record(
            actor=csp_chair,
            review=review,
            outcome="no_review",
            forum="csp_chair",
            decided_on=TODAY(),
            rationale="Again",
        )


def test_failure_half_way_leaves_nothing_saved(
    review: Any, csp_chair: Any, monkeypatch: Any
) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=review.came_to_attention_on)

    def broken(**kwargs: Any) -> Any:
        if kwargs["rule_code"] == "completion":
            raise RuntimeError("clock unavailable")
        return deadline_start(**kwargs)

    monkeypatch.setattr(decision_service, "deadline_start", broken)
    with pytest.raises(RuntimeError):
        decision_record(
            actor=csp_chair, review=review, outcome="review", forum="csp_chair", decided_on=TODAY()
        )
    assert _state(review) == ReviewState.NOTIFIED
    assert not Decision.objects.exists()
    assert not HomeOfficeNotification.objects.exists()
    assert Deadline.objects.get(rule_code="decision").met_on is None
    assert not Deadline.objects.filter(rule_code="home_office_notified").exists()
    assert not review.timeline.filter(kind="decision").exists()
