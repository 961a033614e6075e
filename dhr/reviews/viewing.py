"""The one way a view obtains a review: scoped, permission-checked and audited.

Outsiders get 404 (they cannot tell whether the review exists); members whose role does not
allow the action get 403, which is logged as an authorisation denial; every successful read is
written to the audit log (we log every read of review data, beyond ASVS L2).
"""

from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from dhr.audit.services import event_record
from dhr.reviews.models import Review
from dhr.reviews.selectors import review_get_for


def review_for_request(
    request: HttpRequest,
    review_id: uuid.UUID,
    *,
    permission: str = "reviews.view_review",
    audit_action: str | None = "review.view",
) -> Review:
    review = review_get_for(user=request.user, review_id=review_id)
    if not request.user.has_perm(permission, review):
        event_record(
            action="authz.denied",
            actor=request.user,
            request=request,
            review_id=review.pk,
            detail={"permission": permission},
        )
        raise PermissionDenied(permission)
    if audit_action:
        event_record(
            action=audit_action,
            actor=request.user,
            request=request,
            review_id=review.pk,
            detail={"method": request.method or ""},
        )
    return review
