"""Every read of review data, scoped to what the user may see."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from dhr.reviews.access import reviews_visible_to
from dhr.reviews.models import Review


def review_list_for(*, user: Any) -> QuerySet[Review]:
    return reviews_visible_to(user).select_related("lead_csp").order_by("-created_at")


def review_get_for(*, user: Any, review_id: uuid.UUID | str) -> Review:
    """The review if the user holds any role in it; otherwise Http404 (no existence leak)."""
    try:
        return review_list_for(user=user).get(pk=review_id)
    except (Review.DoesNotExist, ValueError) as error:
        raise Http404("No review found") from error
