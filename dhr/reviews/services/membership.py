"""Giving people a role in one review."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.accounts.models import REVIEW_ROLES, Organisation, Role
from dhr.audit.services import event_record
from dhr.reviews.models import Review, ReviewMembership
from dhr.reviews.services.timeline import timeline_add


@transaction.atomic
def review_member_add(
    *, actor: Any, review: Review, user: Any, role: str, agency: Organisation | None = None
) -> ReviewMembership:
    if not actor.has_perm("reviews.manage_members", review):
        raise PermissionDenied("reviews.manage_members")
    if role not in REVIEW_ROLES:
        raise ValidationError({"role": _("Choose a role in the review")})
    if role == Role.AGENCY_CONTRIBUTOR and agency is None:
        raise ValidationError({"agency": _("Choose the agency this person contributes for")})
    if ReviewMembership.objects.filter(review=review, user=user, role=role).exists():
        raise ValidationError({"user": _("This person already has this role in the review")})
    return membership_grant(actor=actor, review=review, user=user, role=role, agency=agency)


def membership_grant(
    *, actor: Any, review: Review, user: Any, role: str, agency: Organisation | None = None
) -> ReviewMembership:
    """Give `user` the review role `role`, once; the timeline and audit say so.

    No permission check: callers decide who may grant (the coordinator through
    `review_member_add`, the chair's appointment through `appointment_create`).
    """
    existing = ReviewMembership.objects.filter(review=review, user=user, role=role).first()
    if existing is not None:
        return existing
    membership = ReviewMembership(review=review, user=user, role=role, agency=agency)
    membership.full_clean()
    membership.save()
    timeline_add(
        review=review,
        kind="membership",
        summary=_("%(role)s added to the review") % {"role": membership.get_role_display()},
        actor=actor,
    )
    event_record(
        action="review.member_added",
        actor=actor,
        review_id=review.pk,
        obj=membership,
        detail={"role": role},
    )
    return membership
