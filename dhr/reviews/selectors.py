"""Every read of review data, scoped to what the user may see."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from dhr.reviews.access import reviews_visible_to
from dhr.reviews.models import Review, TimelineEvent


def review_list_for(*, user: Any) -> QuerySet[Review]:
    return reviews_visible_to(user).select_related("lead_csp").order_by("-created_at")


def review_get_for(*, user: Any, review_id: uuid.UUID | str) -> Review:
    """The review if the user holds any role in it; otherwise Http404 (no existence leak)."""
    try:
        return review_list_for(user=user).get(pk=review_id)
    except (Review.DoesNotExist, ValueError) as error:
        raise Http404("No review found") from error


def timeline_events_for(
    *,
    review: Review,
    kinds: list[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[TimelineEvent]:
    """The review's timeline, newest first, narrowed to `kinds` and a date range if given."""
    events = review.timeline.select_related("actor")
    if kinds:
        events = events.filter(kind__in=kinds)
    if since:
        events = events.filter(occurred_at__date__gte=since)
    if until:
        events = events.filter(occurred_at__date__lte=until)
    return events
