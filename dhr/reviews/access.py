"""Who holds which role in which review: the one place that answers it.

Used by the permission predicates (rules.py) and by every selector that scopes a query, so
the rule "a person with no role in a review sees nothing of it" has exactly one definition.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from dhr.accounts.models import CSP_WIDE_ROLES, Membership, Role
from dhr.reviews.models import Review, ReviewMembership


def csp_roles(user: Any, csp_id: Any) -> frozenset[str]:
    """The roles `user` holds in the CSP `csp_id` (cached per request on the user object)."""
    cache: dict[Any, frozenset[str]] = user.__dict__.setdefault("_dhr_csp_roles", {})
    if csp_id not in cache:
        cache[csp_id] = frozenset(
            Membership.objects.filter(user=user, organisation_id=csp_id).values_list(
                "role", flat=True
            )
        )
    return cache[csp_id]


def review_roles(user: Any, review: Review) -> frozenset[str]:
    """Every role `user` holds for `review`: CSP-wide roles of its lead CSP plus review roles."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cache: dict[Any, frozenset[str]] = user.__dict__.setdefault("_dhr_review_roles", {})
    if review.pk not in cache:
        own = set(
            ReviewMembership.objects.filter(user=user, review=review).values_list("role", flat=True)
        )
        own |= set(csp_roles(user, review.lead_csp_id)) & CSP_WIDE_ROLES
        cache[review.pk] = frozenset(own)
    return cache[review.pk]


def contributor_agency_ids(user: Any, review: Review) -> frozenset[Any]:
    """The agencies `user` speaks for in `review` as an agency contributor."""
    return frozenset(
        ReviewMembership.objects.filter(
            user=user, review=review, role=Role.AGENCY_CONTRIBUTOR
        ).values_list("agency_id", flat=True)
    )


def reviews_visible_to(user: Any) -> QuerySet[Review]:
    """Every review the user holds any role in. Outsiders get an empty queryset."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Review.objects.none()
    csp_ids = Membership.objects.filter(user=user, role__in=CSP_WIDE_ROLES).values(
        "organisation_id"
    )
    member_review_ids = ReviewMembership.objects.filter(user=user).values("review_id")
    return Review.objects.filter(Q(lead_csp_id__in=csp_ids) | Q(id__in=member_review_ids))


def csps_where(user: Any, *roles: str) -> QuerySet[Any]:
    """The CSPs in which `user` holds one of `roles` (for example, where they may notify)."""
    from dhr.accounts.models import Organisation

    return Organisation.objects.filter(
        memberships__user=user, memberships__role__in=roles, kind="csp"
    ).distinct()
