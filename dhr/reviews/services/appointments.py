"""Appointing the independent chair and the report writer, with the independence check.

Rules (domain.md 2.4 D3-D7, section 7.3):

- R25: every review has an independent chair, who may be supported by a separate report
  writer but keeps final responsibility for the overview report (Home Office report guide).
- R26: the independence statement records career history, relevant experience, a statement
  of independence and any previous connection to agencies involved, with the time elapsed
  since leaving (2016 statutory guidance, quoted by J H Rowlands).
- R27: a chair "directly associated" with any agency involved is not appointed; a previous
  connection is flagged and must be considered explicitly.
- R28: record whether the Home Office training for chairs (Module 2) has been completed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_fsm import can_proceed

from dhr.accounts.models import Organisation, Role
from dhr.audit.services import event_record
from dhr.clock.arithmetic import add_months
from dhr.reviews.choices import AppointmentRole, ReviewState
from dhr.reviews.lifecycle import stage_index
from dhr.reviews.models import (
    AgencyInScope,
    Appointment,
    PastAgencyLink,
    Review,
)
from dhr.reviews.services.membership import membership_grant
from dhr.reviews.services.timeline import timeline_add

S = ReviewState

# The statutory guidance asks how much time has elapsed since the person left an agency but
# sets no number of years. Five is DHR Manager's local default for "recent": a connection that
# ended within it is flagged for the appointing officer to consider, never silently allowed.
RECENT_CONNECTION_YEARS = 5

APPOINTMENT_ROLE_TO_REVIEW_ROLE = {
    AppointmentRole.INDEPENDENT_CHAIR: Role.INDEPENDENT_CHAIR,
    AppointmentRole.REPORT_WRITER: Role.REPORT_WRITER,
}


@dataclass(frozen=True)
class PastLinkInput:
    agency: Organisation
    role_held: str
    ended_on: dt.date | None


@dataclass(frozen=True)
class Conflict:
    """One reason to look again at an appointment; `blocking` means it cannot go ahead."""

    agency_name: str
    reason: str
    blocking: bool


def involved_agency_ids(review: Review) -> set[Any]:
    """Agencies in scope, plus any agency that notified the death."""
    ids = set(AgencyInScope.objects.filter(review=review).values_list("agency_id", flat=True))
    ids |= {
        agency_id
        for agency_id in review.notifications.values_list("notifying_agency_id", flat=True)
        if agency_id is not None
    }
    return ids


def appointment_conflicts(
    *, review: Review, links: Sequence[PastLinkInput], today: dt.date | None = None
) -> list[Conflict]:
    """R27: flag involved agencies and recent connections; refuse a current involved link."""
    today = today or timezone.localdate()
    involved = involved_agency_ids(review)
    recent_after = add_months(today, -12 * RECENT_CONNECTION_YEARS)
    conflicts: list[Conflict] = []
    for link in links:
        name = link.agency.name
        is_involved = link.agency.pk in involved
        if link.ended_on is None and is_involved:
            conflicts.append(
                Conflict(
                    name,
                    _(
                        "Directly associated: a current connection with an agency involved in "
                        "this review. This person cannot be appointed."
                    ),
                    blocking=True,
                )
            )
        elif link.ended_on is None:
            conflicts.append(Conflict(name, _("A current connection with this agency."), False))
        elif is_involved:
            conflicts.append(
                Conflict(
                    name,
                    _("Agency involved in this review; the connection ended on %(date)s.")
                    % {"date": f"{link.ended_on:%d/%m/%Y}"},
                    blocking=False,
                )
            )
        elif link.ended_on > recent_after:
            conflicts.append(
                Conflict(
                    name,
                    _("The connection ended less than %(years)s years ago, on %(date)s.")
                    % {"years": RECENT_CONNECTION_YEARS, "date": f"{link.ended_on:%d/%m/%Y}"},
                    blocking=False,
                )
            )
    return conflicts


def can_appoint(review: Review) -> bool:
    """Once a review is to be held and until it closes (a chair may be replaced midway)."""
    if review.state in (S.DECIDED_NO_REVIEW, S.CLOSED):
        return False
    return stage_index(review.state) >= stage_index(S.DECIDED_REVIEW)


@transaction.atomic
def appointment_create(
    *,
    actor: Any,
    review: Review,
    role: str,
    name: str,
    appointed_on: dt.date,
    career_history: str,
    relevant_experience: str,
    independence_statement: str,
    home_office_training_completed: bool,
    past_links: Sequence[PastLinkInput] = (),
    conflict_acknowledged: bool = False,
    user: Any = None,
) -> Appointment:
    if not actor.has_perm("reviews.appoint_chair", review):
        raise PermissionDenied("reviews.appoint_chair")
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not can_appoint(review):
        raise ValidationError(
            _("A chair or writer can be appointed only once a review is decided.")
        )
    if role not in APPOINTMENT_ROLE_TO_REVIEW_ROLE:
        raise ValidationError({"role": _("Choose the role")})
    if appointed_on > timezone.localdate():
        raise ValidationError(
            {"appointed_on": _("The date appointed must be today or in the past")}
        )
    if user is not None and not user.is_active:
        raise ValidationError({"user": _("Choose an active account")})

    conflicts = appointment_conflicts(review=review, links=past_links)
    blocking = [c for c in conflicts if c.blocking]
    if blocking:
        raise ValidationError(
            _("%(agency)s: %(reason)s")
            % {"agency": blocking[0].agency_name, "reason": blocking[0].reason},
            code="directly_associated",
        )
    if conflicts and not conflict_acknowledged:
        raise ValidationError(
            {"conflict_acknowledged": _("Confirm that you have considered the conflicts listed")},
            code="conflict_unacknowledged",
        )

    appointment = Appointment(
        review=review,
        role=role,
        user=user,
        name=name.strip(),
        appointed_on=appointed_on,
        career_history=career_history.strip(),
        relevant_experience=relevant_experience.strip(),
        independence_statement=independence_statement.strip(),
        home_office_training_completed=home_office_training_completed,
        conflict_acknowledged=bool(conflicts) and conflict_acknowledged,
    )
    appointment.full_clean()
    appointment.save()
    for link in past_links:
        row = PastAgencyLink(
            appointment=appointment,
            agency=link.agency,
            role_held=link.role_held.strip(),
            ended_on=link.ended_on,
        )
        row.full_clean()
        row.save()

    if user is not None:
        membership_grant(
            actor=actor,
            review=review,
            user=user,
            role=APPOINTMENT_ROLE_TO_REVIEW_ROLE[AppointmentRole(role)],
        )

    before = review.state
    if role == AppointmentRole.INDEPENDENT_CHAIR and can_proceed(review.complete_set_up):
        review.complete_set_up()
        review.save()

    timeline_add(
        review=review,
        kind="appointment",
        summary=_("%(role)s appointed") % {"role": appointment.get_role_display()},
        actor=actor,
    )
    event_record(
        action="review.appointment_made",
        actor=actor,
        review_id=review.pk,
        obj=appointment,
        detail={
            "role": role,
            "conflicts": len(conflicts),
            "linked_account": user is not None,
            "from": before,
            "to": review.state,
        },
    )
    return appointment
