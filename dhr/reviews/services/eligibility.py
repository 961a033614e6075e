"""Running the guided eligibility check (R1-R15) and recording its recommendation.

The rules are the plain-Python engine in dhr.reviews.eligibility; this module picks the rule set
in force (settings.DARDR_COMMENCEMENT_DATE, R8), builds the engine's facts from the stored answers
and the review, and writes the assessment, the state change, the timeline and the audit event.
The result is a recommendation: the CSP chair makes the decision (R19).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.reviews.choices import PersonRole, ReviewState
from dhr.reviews.choices import Relationship as NotifiedRelationship
from dhr.reviews.eligibility import (
    AbusePattern,
    AbuseType,
    Cause,
    EligibilityFacts,
    EligibilityResult,
    Jurisdiction,
    PersonalConnection,
    Relationship,
    assess,
    get_ruleset,
    ruleset_for,
)
from dhr.reviews.models import EligibilityAssessment, Review
from dhr.reviews.services.timeline import timeline_add

# The notification records relationships as the national library does; s.9(1) sorts them into
# relative, intimate partner or household member (R3).
RELATIONSHIP_FROM_NOTIFICATION: dict[str, Relationship] = {
    NotifiedRelationship.CURRENT_PARTNER: Relationship.CURRENT_INTIMATE_PARTNER,
    NotifiedRelationship.FORMER_PARTNER: Relationship.FORMER_INTIMATE_PARTNER,
    NotifiedRelationship.SPOUSE: Relationship.CURRENT_INTIMATE_PARTNER,
    NotifiedRelationship.PARENT: Relationship.RELATIVE,
    NotifiedRelationship.CHILD: Relationship.RELATIVE,
    NotifiedRelationship.SIBLING: Relationship.RELATIVE,
    NotifiedRelationship.OTHER_RELATIVE: Relationship.RELATIVE,
    NotifiedRelationship.HOUSEHOLD_MEMBER: Relationship.HOUSEHOLD_MEMBER,
    NotifiedRelationship.FREQUENT_VISITOR: Relationship.FREQUENT_VISITOR,
    NotifiedRelationship.OTHER: Relationship.OTHER_OR_NONE,
    NotifiedRelationship.UNKNOWN: Relationship.UNKNOWN,
}

STATES_OPEN_TO_CHECK = frozenset({ReviewState.NOTIFIED, ReviewState.ELIGIBILITY_ASSESSED})


def dardr_commencement() -> dt.date | None:
    """VPA 2024 s.19 commencement from settings: empty means not commenced (R8)."""
    raw = (getattr(settings, "DARDR_COMMENCEMENT_DATE", "") or "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError as error:
        raise ImproperlyConfigured(
            "DARDR_COMMENCEMENT_DATE must be an ISO date (YYYY-MM-DD) or empty."
        ) from error


def eligibility_initial_answers(*, review: Review) -> dict[str, Any]:
    """What the record already says, to prefill the check (each can still be changed).

    A re-run starts from the answers given last time.
    """
    latest = review.assessments.order_by("-created_at").first()
    if latest is not None:
        previous = dict(latest.answers)
        for key, flag in (
            ("personal_connection", "personally_connected"),
            ("abuse_types", "abusive_behaviour"),
        ):
            value = previous.get(key)
            previous[flag] = None if value is None else bool(value)
        return previous
    victim = review.people.filter(role=PersonRole.VICTIM).first()
    suspect = review.people.filter(role=PersonRole.SUSPECT).first()
    notification = review.notifications.order_by("notified_at").first()
    answers: dict[str, Any] = {"number_of_victims": 1}
    if victim is not None:
        answers["victim_age_at_death"] = victim.age_at_death
        answers["victim_has_care_and_support_needs"] = None
    if suspect is not None:
        answers["suspect_age"] = suspect.age_at_death
        answers["relationship"] = RELATIONSHIP_FROM_NOTIFICATION.get(
            suspect.relationship_to_victim, Relationship.UNKNOWN
        ).value
    if notification is not None:
        answers["suspected_suicide"] = notification.suspected_suicide
        answers["suspect_charged"] = notification.suspect_charged
        answers["suspect_deceased"] = notification.suspect_deceased
    return answers


def _frozen(values: list[str] | None, kind: Callable[[str], Any]) -> frozenset[Any] | None:
    return None if values is None else frozenset(kind(v) for v in values)


def eligibility_facts(*, review: Review, answers: dict[str, Any]) -> EligibilityFacts:
    """The engine's facts from stored answers, plus what the review itself fixes.

    Jurisdiction comes from the lead CSP and the date of death from the notification; neither is
    asked again. Raises ValueError for answers that contradict each other.
    """
    notification = review.notifications.order_by("notified_at").first()
    pattern = answers.get("abuse_pattern")
    return EligibilityFacts(
        jurisdiction=Jurisdiction(review.lead_csp.jurisdiction),
        date_of_death=notification.date_of_death if notification is not None else None,
        victim_age_at_death=answers.get("victim_age_at_death"),
        suspect_age=answers.get("suspect_age"),
        relationship=Relationship(answers.get("relationship") or Relationship.UNKNOWN),
        personal_connection=_frozen(answers.get("personal_connection"), PersonalConnection),
        cause=Cause(answers.get("cause") or Cause.UNKNOWN),
        suspected_suicide=answers.get("suspected_suicide"),
        abuse_concern_for_suicide=answers.get("abuse_concern_for_suicide"),
        suspect_charged=answers.get("suspect_charged"),
        suspect_acquitted=answers.get("suspect_acquitted"),
        suspect_deceased=answers.get("suspect_deceased"),
        victim_has_care_and_support_needs=answers.get("victim_has_care_and_support_needs"),
        abuse_types=_frozen(answers.get("abuse_types"), AbuseType),
        abuse_pattern=AbusePattern(pattern) if pattern else None,
        number_of_victims=answers.get("number_of_victims"),
    )


@transaction.atomic
def eligibility_assess(
    *, actor: Any, review: Review, answers: dict[str, Any], on: dt.date | None = None
) -> EligibilityAssessment:
    """Run the rule set in force on `on` (today) and record the recommendation.

    The check may be re-run while the review is undecided; once the CSP has decided it is refused.
    """
    if not actor.has_perm("reviews.assess_eligibility", review):
        raise PermissionDenied("reviews.assess_eligibility")
    review = Review.objects.select_for_update().select_related("lead_csp").get(pk=review.pk)
    if review.state not in STATES_OPEN_TO_CHECK:
        raise ValidationError(
            _(
                "The CSP has already decided about this review, so the eligibility check "
                "cannot be run again."
            )
        )
    try:
        facts = eligibility_facts(review=review, answers=answers)
    except ValueError as error:
        raise ValidationError(_("Some answers contradict each other. Check them again.")) from error
    ruleset = ruleset_for(on or timezone.localdate(), dardr_commencement=dardr_commencement())
    result = assess(facts, ruleset=ruleset)
    assessment = EligibilityAssessment(
        review=review,
        ruleset_code=ruleset.code,
        ruleset_version=ruleset.version,
        answers=answers,
        recommendation=result.recommendation.value,
        flags=sorted(flag.value for flag in result.flags),
        reasons=[
            {"rule_id": r.rule_id, "source": r.source, "text": r.render(gettext)}
            for r in result.reasons
        ],
        assessed_by=actor,
    )
    # An empty flag list is a valid answer, but JSONField treats [] as blank.
    assessment.full_clean()
    assessment.save()
    if review.state == ReviewState.NOTIFIED:
        review.mark_eligibility_assessed()
        review.save()
    timeline_add(
        review=review,
        kind="eligibility",
        summary=_("Eligibility check run: %(recommendation)s")
        % {"recommendation": recommendation_label(result.recommendation.value)},
        actor=actor,
    )
    event_record(
        action="review.eligibility_assessed",
        actor=actor,
        review_id=review.pk,
        obj=assessment,
        detail={
            "ruleset": ruleset.code,
            "recommendation": result.recommendation.value,
            "flags": assessment.flags,
        },
    )
    return assessment


@dataclass(frozen=True)
class ShownReason:
    rule_id: str
    source: str
    text: str


def eligibility_replay(assessment: EligibilityAssessment) -> EligibilityResult | None:
    """The stored answers run again under the stored rule set, or None if that is not possible."""
    try:
        facts = eligibility_facts(review=assessment.review, answers=assessment.answers)
        return assess(facts, ruleset=get_ruleset(assessment.ruleset_code))
    except (KeyError, ValueError):
        return None


def eligibility_reasons_for_display(
    assessment: EligibilityAssessment, replay: EligibilityResult | None
) -> list[ShownReason]:
    """Reasons in the reader's language when the engine still gives the same reasons.

    The stored text is the record; it is translated afresh (through gettext) only if replaying
    the stored answers produces exactly the same rules, so the page never shows other reasons.
    """
    stored = [
        ShownReason(r.get("rule_id", ""), r.get("source", ""), r.get("text", ""))
        for r in assessment.reasons
    ]
    if replay is None or [r.rule_id for r in replay.reasons] != [s.rule_id for s in stored]:
        return stored
    return [ShownReason(r.rule_id, r.source, r.render(gettext)) for r in replay.reasons]


def recommendation_label(value: str) -> str:
    labels = {
        "recommend_review": _("A review can be held"),
        "not_eligible": _("The criteria for a review are not met"),
        "route_to_child_review": _("Refer for a child safeguarding review"),
        "insufficient_information": _("More information is needed"),
    }
    return labels.get(value, value)


def flag_label(value: str) -> str:
    labels = {
        "joint_review_children": _(
            "Joint decision with the Safeguarding Children Partnership (deceased aged 16 or 17)"
        ),
        "joint_review_adults": _("Consider a joint review with the Safeguarding Adults Board"),
        "wales_susr": _("Wales: Single Unified Safeguarding Review (SUSR)"),
        "perpetrator_deceased": _("The suspect has died"),
        "suicide_review": _("Suspected suicide with cause for concern"),
        "multiple_victims": _("More than one victim"),
        "historic_death": _("Death before 13 April 2011"),
    }
    return labels.get(value, value)


def missing_answer_label(name: str) -> str:
    labels = {
        "victim_age_at_death": _("The deceased's age at death"),
        "suspect_age": _("The suspect's age"),
        "relationship": _("The suspect's relationship to the deceased"),
        "personal_connection": _("Whether they were personally connected, and how"),
        "cause": _("Whether the death resulted from violence, abuse or neglect"),
        "suspected_suicide": _("Whether the death is a suspected suicide"),
        "abuse_concern_for_suicide": _("Whether the suicide gives cause for concern about abuse"),
        "abuse_types": _("What kind of abusive behaviour there was"),
    }
    return labels.get(name, name)
