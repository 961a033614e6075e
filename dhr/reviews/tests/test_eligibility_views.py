"""The guided eligibility check: prefilled answers, recommendations, flags, state and access."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from dhr.audit.models import Event
from dhr.reviews.models import EligibilityAssessment, Review
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

ASSESS = "reviews:eligibility-assess"


def answers(**overrides: Any) -> dict[str, Any]:
    data = {
        "victim_age_at_death": "34",
        "cause": "violence",
        "relationship": "current_partner",
        "suspect_age": "40",
        "suspected_suicide": "no",
        "suspect_charged": "yes",
        "suspect_deceased": "no",
        "victim_has_care_and_support_needs": "no",
        "number_of_victims": "1",
    }
    data.update(overrides)
    return data


def run_check(client: Any, review: Any, **overrides: Any) -> tuple[EligibilityAssessment, str]:
    response = client.post(reverse(ASSESS, args=[review.pk]), answers(**overrides))
    assert response.status_code == 302, response.content.decode()[:1500]
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    return EligibilityAssessment.objects.latest("created_at"), detail.content.decode()


def test_form_is_prefilled_from_the_record(login: Any, review: Any, coordinator: Any) -> None:
    f.ReviewPersonFactory(
        review=review,
        role="suspect",
        full_name="S",
        age_at_death=41,
        relationship_to_victim="spouse",
    )
    body = login(coordinator).get(reverse(ASSESS, args=[review.pk])).content.decode()
    assert 'value="34"' in body  # the victim's age from the notification
    assert 'value="41"' in body
    assert 'value="current_partner" checked' in body


def test_recommendation_is_recorded_and_moves_the_review_on(
    login: Any, review: Any, coordinator: Any
) -> None:
    assessment, body = run_check(login(coordinator), review)
    assert assessment.recommendation == "recommend_review"
    assert assessment.ruleset_code
    assert assessment.answers["cause"] == "violence"
    assert all(r["rule_id"] and r["source"] and r["text"] for r in assessment.reasons)
    assert "This is a recommendation. The CSP chair makes the decision." in body
    assert "A review can be held" in body
    for reason in assessment.reasons:
        assert reason["rule_id"] in body
    # A protected FSM field cannot be refreshed in place: read the review again.
    review = Review.objects.get(pk=review.pk)
    assert review.state == "eligibility_assessed"
    assert Event.objects.filter(action="review.eligibility_assessed", review_id=review.pk).exists()
    assert review.timeline.filter(kind="eligibility").exists()


def test_age_15_routes_to_a_child_review(login: Any, review: Any, coordinator: Any) -> None:
    assessment, body = run_check(login(coordinator), review, victim_age_at_death="15")
    assert assessment.recommendation == "route_to_child_review"
    assert "Refer for a child safeguarding review" in body
    assert "child safeguarding review" in body


def test_age_17_flags_a_joint_decision(login: Any, review: Any, coordinator: Any) -> None:
    assessment, body = run_check(login(coordinator), review, victim_age_at_death="17")
    assert "joint_review_children" in assessment.flags
    assert "Safeguarding Children Partnership" in body


def test_wales_flags_susr(login: Any, coordinator: Any) -> None:
    welsh = f.CSPFactory(name="Gwentshire CSP", code="GWS", jurisdiction="wales")
    f.MembershipFactory(user=coordinator, organisation=welsh, role="csp_coordinator")
    review = f.ReviewFactory(lead_csp=welsh)
    f.NotificationFactory(review=review, recorded_by=coordinator)
    assessment, body = run_check(login(coordinator), review)
    assert "wales_susr" in assessment.flags
    assert "Single Unified Safeguarding Review" in body


def test_not_known_gives_insufficient_information(
    login: Any, review: Any, coordinator: Any
) -> None:
    assessment, body = run_check(
        login(coordinator), review, cause="unknown", relationship="unknown"
    )
    assert assessment.recommendation == "insufficient_information"
    assert "More information is needed" in body
    assert "Answers still needed" in body


def test_check_can_be_rerun_while_undecided_but_not_after(
    login: Any, review: Any, coordinator: Any
) -> None:
    client = login(coordinator)
    run_check(client, review)
    run_check(client, review, victim_age_at_death="17")
    assert review.assessments.count() == 2
    review = Review.objects.get(pk=review.pk)
    review.decide_review()
    review.save()
    response = client.post(reverse(ASSESS, args=[review.pk]), answers())
    assert response.status_code == 200
    assert "already decided" in response.content.decode()
    assert review.assessments.count() == 2


def test_dardr_rule_set_applies_once_commenced(
    login: Any, review: Any, coordinator: Any, settings: Any
) -> None:
    settings.DARDR_COMMENCEMENT_DATE = "2025-01-01"
    assessment, _body = run_check(login(coordinator), review)
    assert assessment.ruleset_code != "" and "dardr" in assessment.ruleset_code.lower()
    settings.DARDR_COMMENCEMENT_DATE = ""
    assessment, _body = run_check(login(coordinator), review)
    assert "dardr" not in assessment.ruleset_code.lower()


def test_bad_answers_show_the_error_summary(login: Any, review: Any, coordinator: Any) -> None:
    response = login(coordinator).post(
        reverse(ASSESS, args=[review.pk]),
        answers(cause="", suspect_charged="no", suspect_acquitted="yes", victim_age_at_death="x"),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "Select whether the death resulted from violence, abuse or neglect" in body
    assert "acquitted if nobody was charged" in body
    assert not EligibilityAssessment.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404(login: Any, review: Any, persona: str, request: Any) -> None:
    assessment = EligibilityAssessment.objects.create(
        review=review,
        ruleset_code="x",
        ruleset_version="1",
        recommendation="recommend_review",
        assessed_by=request.getfixturevalue("coordinator"),
    )
    client = login(request.getfixturevalue(persona))
    assert client.get(reverse(ASSESS, args=[review.pk])).status_code == 404
    assert client.post(reverse(ASSESS, args=[review.pk]), answers()).status_code == 404
    detail = reverse("reviews:eligibility-detail", args=[review.pk, assessment.pk])
    assert client.get(detail).status_code == 404


def test_contributor_cannot_run_or_read_the_check(
    login: Any, review: Any, contributor_a: Any
) -> None:
    client = login(contributor_a)
    assert client.get(reverse(ASSESS, args=[review.pk])).status_code == 403
    assert client.post(reverse(ASSESS, args=[review.pk]), answers()).status_code == 403
    assert not EligibilityAssessment.objects.exists()


def test_chair_can_run_the_check(login: Any, review: Any, csp_chair: Any) -> None:
    assessment, _body = run_check(login(csp_chair), review)
    assert assessment.assessed_by == csp_chair


def test_assessment_of_another_review_is_404(login: Any, review: Any, coordinator: Any) -> None:
    client = login(coordinator)
    assessment, _body = run_check(client, review)
    other = Review.objects.create(
        reference="DHR-WSF-2026-0999",
        lead_csp=review.lead_csp,
        came_to_attention_on=review.came_to_attention_on,
    )
    detail = reverse("reviews:eligibility-detail", args=[other.pk, assessment.pk])
    assert client.get(detail).status_code == 404


def test_detail_is_get_only(login: Any, review: Any, coordinator: Any) -> None:
    client = login(coordinator)
    assessment, _body = run_check(client, review)
    detail = reverse("reviews:eligibility-detail", args=[review.pk, assessment.pk])
    assert client.post(detail).status_code == 405
