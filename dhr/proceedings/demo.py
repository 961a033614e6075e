"""Demo proceedings for `seed_demo` (fictional): a criminal case and an inquest on DHR-WSF-2024-006.

That review's completion clock is already paused for criminal proceedings (dhr/demo/data.py,
150 days ago), so the charge and trial date here explain the pause rather than propose another.
Idempotent: nothing is added when the review already has proceedings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from dhr.proceedings.models import (
    DisclosureDecision,
    EventKind,
    LiaisedWith,
    Proceeding,
    ProceedingEvent,
    ProceedingKind,
)
from dhr.reviews.models import Review, TimelineEvent

REFERENCE = "DHR-WSF-2024-006"


def _day(days_ago: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days_ago)


def _event(proceeding: Proceeding, kind: str, day: dt.date, actor: Any, summary: str) -> None:
    ProceedingEvent.objects.create(
        proceeding=proceeding,
        kind=kind,
        occurred_on=day,
        scheduled=day > timezone.localdate(),
        recorded_by=actor,
    )
    TimelineEvent.objects.create(
        review=proceeding.review,
        kind="proceedings.event",
        summary=summary,
        actor=actor,
        occurred_at=timezone.make_aware(
            dt.datetime.combine(min(day, timezone.localdate()), dt.time(11))
        ),
    )


def seed(*, stdout: Any) -> None:
    from dhr.accounts.models import User

    review = Review.objects.filter(reference=REFERENCE).first()
    actor = User.objects.filter(email__startswith="coordinator@").first()
    if review is None or actor is None or review.proceedings.exists():
        return
    criminal = Proceeding.objects.create(
        review=review,
        kind=ProceedingKind.CRIMINAL,
        body="Westshire Crown Court (fictional)",
        liaison_name="DI Example (fictional)",
        liaison_role="Senior investigating officer",
        recorded_by=actor,
    )
    _event(criminal, EventKind.ARREST, _day(190), actor, "Criminal proceedings: arrest")
    _event(criminal, EventKind.CHARGE, _day(152), actor, "Criminal proceedings: charge")
    trial_on = _day(-45)
    _event(criminal, EventKind.TRIAL, trial_on, actor, "Criminal proceedings: trial scheduled")
    DisclosureDecision.objects.create(
        review=review,
        proceeding=criminal,
        liaised_with=LiaisedWith.SIO_AND_CPS,
        decided_on=_day(148),
        may_proceed_with="Agency chronologies and IMRs for the panel only.",
        must_wait="Interviews with witnesses in the trial, and the family's account of the day.",
        wait_until=trial_on + dt.timedelta(days=21),
        recorded_by=actor,
    )
    inquest = Proceeding.objects.create(
        review=review,
        kind=ProceedingKind.INQUEST,
        body="HM Coroner for Westshire (fictional)",
        liaison_role="Coroner's officer",
        recorded_by=actor,
    )
    _event(inquest, EventKind.OPENED, _day(185), actor, "Inquest: opened")
    _event(inquest, EventKind.ADJOURNED, _day(185), actor, "Inquest: adjourned")
    stdout.write(f"Proceedings: criminal case and inquest added to {REFERENCE}.")
