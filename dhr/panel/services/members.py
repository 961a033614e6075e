"""The panel roster (R29) and the agencies considered for the review (R30).

- R29: each member's agency, role and seniority are recorded, with their declaration that they
  were not involved with the case and do not line-manage staff who were (2016 statutory
  guidance, Section 4). A missing declaration is shown as outstanding, never assumed.
- R30: every agency considered is recorded; an excluded agency needs a reason (the Home Office
  Quality Assurance Panel looks for it). An included agency is put in scope
  (`reviews.AgencyInScope`), which the conflict check for chairs and the information requests
  read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.panel.models import AgencyConsidered, PanelMember, PanelRole
from dhr.panel.services._common import not_in_future, require
from dhr.reviews.models import AgencyInScope, Review, ReviewMembership
from dhr.reviews.services.timeline import timeline_add


def linkable_accounts(review: Review) -> Any:
    """Accounts that may be linked to a seat: people who already hold a role in this review.

    Linking never grants access by itself, and the list never shows the whole user directory.
    """
    from django.contrib.auth import get_user_model

    user_ids = ReviewMembership.objects.filter(review=review).values("user_id")
    return get_user_model().objects.filter(id__in=user_ids, is_active=True).order_by("full_name")


@transaction.atomic
def panel_member_add(
    *,
    actor: Any,
    review: Review,
    name: str,
    role: str,
    seniority: str,
    agency: Organisation | None,
    declared_independent: bool,
    declared_on: dt.date | None,
    user: Any = None,
) -> PanelMember:
    require(actor, "panel.manage_panel", review)
    not_in_future(
        declared_on, "declared_on", _("The date of the declaration must be today or in the past")
    )
    if user is not None and not linkable_accounts(review).filter(pk=user.pk).exists():
        raise ValidationError({"user": _("Choose a person who holds a role in this review")})
    member = PanelMember(
        review=review,
        user=user,
        name=name.strip(),
        role=role,
        seniority=seniority.strip(),
        agency=agency,
        declared_independent=declared_independent,
        declared_on=declared_on if declared_independent else None,
    )
    member.full_clean()
    member.save()
    timeline_add(
        review=review,
        kind="panel",
        summary=_("Panel member added: %(role)s") % {"role": member.get_role_display()},
        actor=actor,
    )
    event_record(
        action="panel.member_added",
        actor=actor,
        review_id=review.pk,
        obj=member,
        detail={"role": role, "declared": declared_independent, "linked_account": user is not None},
    )
    return member


@transaction.atomic
def panel_member_declare(
    *, actor: Any, review: Review, member: PanelMember, declared_on: dt.date
) -> PanelMember:
    """Record a member's independence declaration after they joined the panel."""
    require(actor, "panel.manage_panel", review)
    member = PanelMember.objects.select_for_update().get(pk=member.pk, review=review)
    if member.declared_independent:
        raise ValidationError(_("This member's declaration is already recorded."))
    not_in_future(
        declared_on, "declared_on", _("The date of the declaration must be today or in the past")
    )
    member.declared_independent = True
    member.declared_on = declared_on
    member.full_clean()
    member.save()
    timeline_add(
        review=review, kind="panel", summary=_("Panel member's declaration recorded"), actor=actor
    )
    event_record(
        action="panel.member_declared", actor=actor, review_id=review.pk, obj=member, detail={}
    )
    return member


@transaction.atomic
def agency_consider(
    *, actor: Any, review: Review, agency: Organisation, included: bool, reason: str
) -> AgencyConsidered:
    """Record (or change) the panel's view of one agency; included agencies go in scope."""
    require(actor, "panel.manage_panel", review)
    if agency.is_csp:
        raise ValidationError({"agency": _("Choose an agency, not a partnership")})
    reason = reason.strip()
    in_scope = AgencyInScope.objects.filter(review=review, agency=agency).first()
    if not included and in_scope is not None:
        # Information requests and the chair's conflict check rely on the scope; taking an
        # agency out is a decision for the review's own records, not a side effect here.
        raise ValidationError(
            {
                "included": _(
                    "This agency is already in scope for the review and cannot be excluded here"
                )
            }
        )
    considered = AgencyConsidered.objects.filter(review=review, agency=agency).first()
    if considered is None:
        considered = AgencyConsidered(review=review, agency=agency, included=included)
    considered.included = included
    considered.reason = reason
    considered.full_clean()
    considered.save()
    if included:
        if in_scope is None:
            AgencyInScope.objects.create(review=review, agency=agency, reason=reason)
        elif reason and not in_scope.reason:
            in_scope.reason = reason
            in_scope.save(update_fields=["reason", "updated_at"])
    timeline_add(
        review=review,
        kind="panel",
        summary=(
            _("Agency included in the review") if included else _("Agency considered and excluded")
        ),
        actor=actor,
    )
    event_record(
        action="panel.agency_considered",
        actor=actor,
        review_id=review.pk,
        obj=considered,
        detail={"agency_id": str(agency.pk), "included": included},
    )
    return considered


def agencies_overview(review: Review) -> dict[str, list[Any]]:
    """Agencies in scope (with why) and agencies considered and excluded (with the reason)."""
    in_scope = list(
        AgencyInScope.objects.filter(review=review)
        .select_related("agency")
        .order_by("agency__name")
    )
    excluded = list(
        AgencyConsidered.objects.filter(review=review, included=False)
        .select_related("agency")
        .order_by("agency__name")
    )
    return {"in_scope": in_scope, "excluded": excluded}


def roster_summary(review: Review) -> dict[str, Any]:
    members = list(review.panel_members.select_related("agency", "user"))
    return {
        "members": members,
        "outstanding_declarations": sum(1 for m in members if not m.declared_independent),
        "has_specialist": any(m.role == PanelRole.DOMESTIC_ABUSE_SPECIALIST for m in members),
        "has_chair": any(m.role == PanelRole.INDEPENDENT_CHAIR for m in members),
    }
