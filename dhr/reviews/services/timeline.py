"""Writing to a review's timeline (what happened on the case, in the order it happened)."""

from __future__ import annotations

from typing import Any

from dhr.reviews.models import Review, TimelineEvent


def timeline_add(*, review: Review, kind: str, summary: str, actor: Any = None) -> TimelineEvent:
    """`summary` is shown to members of the review: no names of victims, families or suspects."""
    return TimelineEvent.objects.create(
        review=review,
        kind=kind,
        summary=summary[:300],
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
