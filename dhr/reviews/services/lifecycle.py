"""Taking a lifecycle transition: permission, precondition, state change and timeline, at once."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_fsm import can_proceed

from dhr.audit.services import event_record
from dhr.reviews.lifecycle import MANUAL_BY_SLUG
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add


@transaction.atomic
def review_advance(*, actor: Any, review: Review, slug: str) -> Review:
    """Take the manual transition `slug`, or raise ValidationError/PermissionDenied."""
    step = MANUAL_BY_SLUG.get(slug)
    if step is None:
        raise ValidationError("Unknown step.")
    if not actor.has_perm(step.permission, review):
        raise PermissionDenied(step.permission)
    review = Review.objects.select_for_update().get(pk=review.pk)
    method = getattr(review, step.method)
    if not can_proceed(method):
        raise ValidationError(str(step.label) + ": not possible at this stage.")
    problem = step.precondition(review)
    if problem:
        raise ValidationError(problem)
    before = review.state
    method()
    review.save()
    timeline_add(review=review, kind="lifecycle", summary=str(step.label), actor=actor)
    event_record(
        action="review.transition",
        actor=actor,
        review_id=review.pk,
        detail={"from": before, "to": review.state},
    )
    return review
