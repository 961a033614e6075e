"""Reads of family involvement, and the facts derived from the recorded steps.

Derived, never typed: the five national library tags (R40), where the draft's reading period
stands (R41), and when the family's next update is due (the cadence agreed with them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Min, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from dhr.clock.arithmetic import ENGLAND_AND_WALES_BANK_HOLIDAYS, add_working_days
from dhr.family.choices import AdvocacyOutcome, StepKind
from dhr.family.models import (
    DEFAULT_UPDATE_CADENCE_DAYS,
    MIN_READING_WORKING_DAYS,
    Contact,
    FamilyArrangement,
    InvolvementStep,
)
from dhr.reviews.models import Review

# R40: the five family-process indicators of the Home Office DHR Library, in its order.
LIBRARY_TAGS = (
    "family_contributed",
    "consulted_on_terms_of_reference",
    "supported_by_advocate",
    "received_draft_report",
    "attended_panel",
)
TAG_LABELS = {
    "family_contributed": _("Family contributed to the review"),
    "consulted_on_terms_of_reference": _("Family consulted on the terms of reference"),
    "supported_by_advocate": _("Family supported by a specialist advocate"),
    "received_draft_report": _("Family received the draft report"),
    "attended_panel": _("Family attended the review panel"),
}
ADVOCATE_OUTCOMES = frozenset({AdvocacyOutcome.AAFDA, AdvocacyOutcome.OTHER_SPECIALIST})


def tags_from_steps(steps: list[InvolvementStep]) -> dict[str, bool]:
    kinds = {step.kind for step in steps}
    return {
        "family_contributed": StepKind.CONTRIBUTION in kinds,
        "consulted_on_terms_of_reference": StepKind.TOR_CONSULTED in kinds,
        "supported_by_advocate": any(
            step.kind == StepKind.ADVOCACY_OFFERED and step.advocacy_outcome in ADVOCATE_OUTCOMES
            for step in steps
        ),
        "received_draft_report": StepKind.DRAFT_SHARED in kinds,
        "attended_panel": StepKind.MET_PANEL in kinds,
    }


def library_tags(review: Review) -> dict[str, bool]:
    """R40: the five library tags, derived from the recorded steps (an advocate counts only
    when the family chose AAFDA or another specialist, not when the offer was made)."""
    return tags_from_steps(list(InvolvementStep.objects.filter(review=review)))


def minimum_reading_end(shared_on: dt.date) -> dt.date:
    """The earliest end of the draft's reading period: 10 working days after it is shared."""
    return add_working_days(shared_on, MIN_READING_WORKING_DAYS, ENGLAND_AND_WALES_BANK_HOLIDAYS)


@dataclass(frozen=True, slots=True)
class ReadingPeriodStatus:
    """`state` is "not_shared", "running" (until `ends_on`, inclusive), "ended" or "waived".

    "waived": a period shorter than the minimum, agreed with a recorded reason, that is over.
    """

    state: str
    shared_on: dt.date | None = None
    ends_on: dt.date | None = None
    shortened: bool = False
    reason: str = ""

    @property
    def may_proceed(self) -> bool:
        return self.state in ("ended", "waived")


def reading_period_status(review: Review, *, today: dt.date) -> ReadingPeriodStatus:
    """R41: where the reading period of the most recently shared draft stands on `today`."""
    step = (
        InvolvementStep.objects.filter(review=review, kind=StepKind.DRAFT_SHARED)
        .order_by("-occurred_on", "-created_at")
        .first()
    )
    if step is None or step.reading_ends_on is None:
        return ReadingPeriodStatus(state="not_shared")
    shortened = step.reading_ends_on < minimum_reading_end(step.occurred_on)
    state = "running" if today <= step.reading_ends_on else ("waived" if shortened else "ended")
    return ReadingPeriodStatus(
        state=state,
        shared_on=step.occurred_on,
        ends_on=step.reading_ends_on,
        shortened=shortened,
        reason=step.shorter_reading_reason,
    )


def cadence_days(review: Review) -> int:
    arrangement = FamilyArrangement.objects.filter(review=review).first()
    return arrangement.update_cadence_days if arrangement else DEFAULT_UPDATE_CADENCE_DAYS


def update_due_on(
    *, last_update_on: dt.date | None, first_step_on: dt.date | None, cadence: int | None
) -> dt.date | None:
    """The next update is due `cadence` days after the last one; before any update, after
    the first recorded contact. With nothing recorded yet, no update is due."""
    anchor = last_update_on or first_step_on
    if anchor is None:
        return None
    return anchor + dt.timedelta(days=cadence or DEFAULT_UPDATE_CADENCE_DAYS)


def with_family_updates(reviews: QuerySet[Review]) -> QuerySet[Review]:
    """Annotate each review with what `next_update_from_annotations` needs, in the same query
    (so the dashboard's query count does not grow with the number of reviews)."""
    steps = InvolvementStep.objects.filter(review=OuterRef("pk"))
    return reviews.annotate(
        family_last_update_on=Subquery(
            steps.filter(kind=StepKind.UPDATE_GIVEN)
            .values("review")
            .annotate(last=Max("occurred_on"))
            .values("last")[:1]
        ),
        family_first_step_on=Subquery(
            steps.values("review").annotate(first=Min("occurred_on")).values("first")[:1]
        ),
        family_cadence_days=Subquery(
            FamilyArrangement.objects.filter(review=OuterRef("pk")).values("update_cadence_days")[
                :1
            ]
        ),
    )


def next_update_from_annotations(review: Any) -> dt.date | None:
    return update_due_on(
        last_update_on=getattr(review, "family_last_update_on", None),
        first_step_on=getattr(review, "family_first_step_on", None),
        cadence=getattr(review, "family_cadence_days", None),
    )


def next_update_due(review: Review) -> dt.date | None:
    annotated = with_family_updates(Review.objects.filter(pk=review.pk)).get()
    return next_update_from_annotations(annotated)


def contacts_for(review: Review) -> list[Contact]:
    """Every person recorded for the review (for the coordinator and the chair only)."""
    return list(Contact.objects.filter(review=review))


def sendable_contacts_for(review: Review) -> list[Contact]:
    """R78: anyone linked to the perpetrator is left out of every list used for sending."""
    return list(Contact.objects.filter(review=review, never_share_with=False))


def steps_for(review: Review) -> list[InvolvementStep]:
    return list(InvolvementStep.objects.filter(review=review).select_related("contact"))


def homicide_suspected(review: Review) -> bool:
    """R38: murder or manslaughter suspected (a notification not of a suspected suicide),
    so advocacy referrals go through the National Homicide Service."""
    return review.notifications.filter(suspected_suicide=False).exists()
