"""Recording the CSP's decision whether to hold a review, and starting the clocks it sets.

Rules (docs: domain.md 2.2, 2.3, 4.2, section 7.2):

- R18: the CSP decides within one month of the death coming to its attention (2016 statutory
  guidance Section 3, restated by Brighton & Hove CSP).
- R19: the decision maker is the CSP chair, or a delegated joint decision forum; the rationale
  is recorded, and is mandatory for a decision not to hold a review (Croydon CSP).
- R20: the Home Office is told of every decision, so recording one opens the notification.
- R56: the six-month completion clock starts from a decision to hold a review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_fsm import can_proceed

from dhr.accounts.models import Jurisdiction
from dhr.audit.services import event_record
from dhr.clock.arithmetic import add_months
from dhr.clock.models import Deadline
from dhr.clock.services import deadline_meet, deadline_start
from dhr.reviews.choices import DecisionForum, DecisionOutcome, OtherReview
from dhr.reviews.eligibility.engine import Recommendation
from dhr.reviews.models import Decision, EligibilityAssessment, HomeOfficeNotification, Review
from dhr.reviews.services.timeline import timeline_add

# Joint reviews and a Welsh SUSR include the DHR, so they run as a review (domain.md 6.1).
REVIEW_OUTCOMES = frozenset(
    {DecisionOutcome.REVIEW, DecisionOutcome.JOINT_REVIEW, DecisionOutcome.SUSR}
)
# The reviews a DHR can be held jointly with (R11): the letter names which one.
JOINT_WITH_CHOICES = (OtherReview.SAR, OtherReview.CSPR)


RECOMMENDATION_LABELS: dict[str, Any] = {
    Recommendation.RECOMMEND_REVIEW: gettext_lazy("Recommend a review"),
    Recommendation.NOT_ELIGIBLE: gettext_lazy("Not eligible for a review"),
    Recommendation.ROUTE_TO_CHILD_REVIEW: gettext_lazy("Route to a child safeguarding review"),
    Recommendation.INSUFFICIENT_INFORMATION: gettext_lazy("Not enough information yet"),
}


def latest_assessment(review: Review) -> EligibilityAssessment | None:
    return review.assessments.order_by("-created_at").first()


def recommendation_label(assessment: EligibilityAssessment) -> str:
    return str(RECOMMENDATION_LABELS.get(assessment.recommendation, assessment.recommendation))


def assessment_reasons(assessment: EligibilityAssessment) -> list[str]:
    """The stored reasons as text (stored either as strings or as {"text": ...} objects)."""
    texts: list[str] = []
    for reason in assessment.reasons or []:
        text = reason.get("text") or reason.get("message") if isinstance(reason, dict) else reason
        if text:
            texts.append(str(text))
    return texts


def rationale_required(*, outcome: str, assessment: EligibilityAssessment | None) -> bool:
    """R19: always for "no review"; and when the chair departs from a negative recommendation.

    The eligibility check is a recommendation, never the decision, but a decision to hold a
    review against it must say why, so the Home Office and the QA Panel can follow it.
    """
    if outcome == DecisionOutcome.NO_REVIEW:
        return True
    return (
        outcome in REVIEW_OUTCOMES
        and assessment is not None
        and assessment.recommendation != Recommendation.RECOMMEND_REVIEW
    )


def forum_label(review: Review, forum: str) -> str:
    """How the decision maker is named: the CSP chair, or the CSP's own joint forum name."""
    if forum == DecisionForum.JOINT_PANEL and review.lead_csp.joint_decision_forum:
        return review.lead_csp.joint_decision_forum
    return str(DecisionForum(forum).label)


def outcome_choices(review: Review) -> list[tuple[str, Any]]:
    """SUSR is a Welsh process (domain.md 6.1): offered only when the lead CSP is in Wales."""
    return [
        (value, label)
        for value, label in DecisionOutcome.choices
        if value != DecisionOutcome.SUSR or review.jurisdiction == Jurisdiction.WALES
    ]


def decision_due_on(review: Review) -> dt.date:
    """One month from the start of the "decision" clock (R18), or from attention if none runs."""
    deadline = Deadline.objects.filter(review=review, rule_code="decision", cancelled=False).first()
    if deadline is None:
        return add_months(review.came_to_attention_on, 1)
    months = deadline.period_value if deadline.period_unit == "months" else 1
    return add_months(deadline.starts_on, months)


def _validate(
    *,
    review: Review,
    outcome: str,
    forum: str,
    decided_on: dt.date,
    rationale: str,
    joint_with: str,
) -> None:
    errors: dict[str, str] = {}
    if outcome not in dict(outcome_choices(review)):
        errors["outcome"] = _("Choose a decision")
    if forum == DecisionForum.JOINT_PANEL and not review.lead_csp.joint_decision_forum:
        errors["forum"] = _("This CSP has no joint decision forum; the CSP chair decides")
    if decided_on < review.came_to_attention_on:
        errors["decided_on"] = _(
            "The date of decision must be the same as or after the date the death came to the "
            "CSP's attention"
        )
    if rationale_required(outcome=outcome, assessment=latest_assessment(review)) and not (
        rationale.strip()
    ):
        errors["rationale"] = (
            _("Enter the rationale for deciding not to hold a review")
            if outcome == DecisionOutcome.NO_REVIEW
            else _(
                "Enter the rationale: the eligibility check did not recommend a review, so "
                "explain why one will be held"
            )
        )
    if outcome == DecisionOutcome.JOINT_REVIEW and joint_with not in JOINT_WITH_CHOICES:
        errors["joint_with"] = _("Choose the review this review will be held jointly with")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    review: Review,
    outcome: str,
    forum: str,
    decided_on: dt.date,
    rationale: str = "",
    joint_with: str = "",
) -> Decision:
    """Record the decision, take the transition, start and meet the clocks: all or nothing."""
    if not actor.has_perm("reviews.record_decision", review):
        raise PermissionDenied("reviews.record_decision")
    review = Review.objects.select_for_update().select_related("lead_csp").get(pk=review.pk)
    _validate(
        review=review,
        outcome=outcome,
        forum=forum,
        decided_on=decided_on,
        rationale=rationale,
        joint_with=joint_with,
    )
    holds_review = outcome in REVIEW_OUTCOMES
    transition = review.decide_review if holds_review else review.decide_no_review
    if not can_proceed(transition):
        raise ValidationError(_("A decision has already been recorded for this review."))

    decision = Decision(
        review=review,
        outcome=outcome,
        forum=forum,
        decided_on=decided_on,
        rationale=rationale.strip(),
        joint_with=joint_with if outcome == DecisionOutcome.JOINT_REVIEW else "",
        decided_by=actor,
    )
    decision.full_clean()
    decision.save()
    before = review.state
    transition()
    review.save()

    deadline_meet(review=review, rule_code="decision", met_on=decided_on)
    deadline_start(review=review, rule_code="home_office_notified", starts_on=decided_on)
    if holds_review:
        deadline_start(review=review, rule_code="completion", starts_on=decided_on)

    notice = HomeOfficeNotification(review=review, decision=decision)
    notice.full_clean()
    notice.save()

    timeline_add(
        review=review,
        kind="decision",
        summary=_("Decision recorded: %(outcome)s (decided by %(forum)s)")
        % {"outcome": decision.get_outcome_display(), "forum": forum_label(review, forum)},
        actor=actor,
    )
    event_record(
        action="review.decision_recorded",
        actor=actor,
        review_id=review.pk,
        obj=decision,
        detail={"outcome": outcome, "forum": forum, "from": before, "to": review.state},
    )
    return decision
