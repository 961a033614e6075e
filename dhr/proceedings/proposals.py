"""Pause and restart proposals: a proceeding event suggests, the chair decides (R46).

A charge or a trial date proposes pausing the completion clock for criminal proceedings; an
inquest opened or adjourned proposes a pause for the inquest; an IOPC investigation starting
proposes a pause for it. A verdict, an inquest conclusion or the end of an IOPC investigation
proposes the restart. Approving calls `dhr.clock.services`, which owns every rule about pauses
(no future start, none before the clock started, no end before the start); their errors reach
the chair unchanged and nothing is half-saved.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.clock.models import PauseReason
from dhr.clock.selectors import live_completion_deadline
from dhr.clock.services import pause_approve, pause_end
from dhr.proceedings.models import (
    EventKind,
    PauseProposal,
    ProceedingEvent,
    ProceedingKind,
    ProposalKind,
    ProposalStatus,
)
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

# (proceeding kind, event kind) -> (proposal kind, pause reason)
PROPOSING_EVENTS: dict[tuple[str, str], tuple[str, str]] = {
    (ProceedingKind.CRIMINAL, EventKind.CHARGE): (
        ProposalKind.PAUSE,
        PauseReason.CRIMINAL_PROCEEDINGS,
    ),
    (ProceedingKind.CRIMINAL, EventKind.TRIAL): (
        ProposalKind.PAUSE,
        PauseReason.CRIMINAL_PROCEEDINGS,
    ),
    (ProceedingKind.CRIMINAL, EventKind.VERDICT): (
        ProposalKind.RESUME,
        PauseReason.CRIMINAL_PROCEEDINGS,
    ),
    (ProceedingKind.INQUEST, EventKind.OPENED): (ProposalKind.PAUSE, PauseReason.INQUEST),
    (ProceedingKind.INQUEST, EventKind.ADJOURNED): (ProposalKind.PAUSE, PauseReason.INQUEST),
    (ProceedingKind.INQUEST, EventKind.CONCLUSION): (ProposalKind.RESUME, PauseReason.INQUEST),
    (ProceedingKind.IOPC, EventKind.STARTED): (ProposalKind.PAUSE, PauseReason.IOPC),
    (ProceedingKind.IOPC, EventKind.CONCLUDED): (ProposalKind.RESUME, PauseReason.IOPC),
}


def _open_pause(review: Review) -> Any:
    return review.pauses.filter(ended_on__isnull=True).order_by("-started_on").first()


def proposal_blocker(proposal: PauseProposal) -> str:
    """Why the proposal cannot be approved now ('' if it can): shown instead of "Approve"."""
    if proposal.status != ProposalStatus.PROPOSED:
        return ""
    if proposal.kind == ProposalKind.PAUSE:
        if live_completion_deadline(review=proposal.review) is None:
            return _("The completion clock is not running for this review, so it cannot be paused.")
        if _open_pause(proposal.review) is not None:
            return _("The clock is already paused.")
        return ""
    if _open_pause(proposal.review) is None:
        return _("The clock is not paused, so there is nothing to restart.")
    return ""


def proposal_for_event(*, event: ProceedingEvent, actor: Any) -> PauseProposal | None:
    """Create the proposal an event suggests, unless one like it is already waiting.

    A pause is not proposed again while the clock is already paused (a trial date after the
    chair approved a pause at charge): the pause in force already covers it.
    """
    proceeding = event.proceeding
    plan = PROPOSING_EVENTS.get((proceeding.kind, event.kind))
    if plan is None:
        return None
    kind, reason = plan
    review = proceeding.review
    waiting = review.pause_proposals.filter(kind=kind, status=ProposalStatus.PROPOSED)
    if waiting.exists():
        return None
    if kind == ProposalKind.PAUSE and _open_pause(review) is not None:
        return None
    # A pause cannot start in the future: a trial listed ahead proposes pausing from today.
    proposed_on = min(event.occurred_on, timezone.localdate())
    proposal = PauseProposal(
        review=review, event=event, kind=kind, reason=reason, proposed_on=proposed_on
    )
    proposal.full_clean()
    proposal.save()
    summary = (
        _("Clock pause proposed after %(event)s (%(proceeding)s)")
        if kind == ProposalKind.PAUSE
        else _("Clock restart proposed after %(event)s (%(proceeding)s)")
    )
    timeline_add(
        review=review,
        kind="proceedings.proposal",
        summary=summary
        % {
            "event": str(event.get_kind_display()).lower(),
            "proceeding": str(proceeding.get_kind_display()).lower(),
        },
        actor=actor,
    )
    return proposal


def _lock(proposal: PauseProposal) -> PauseProposal:
    locked = PauseProposal.objects.select_for_update().get(pk=proposal.pk)
    if locked.status != ProposalStatus.PROPOSED:
        raise ValidationError(_("This proposal has already been decided."))
    return locked


@transaction.atomic
def proposal_approve(
    *,
    actor: Any,
    proposal: PauseProposal,
    effective_on: dt.date,
    explanation: str = "",
    evidence: str = "",
) -> PauseProposal:
    """Approve: pause the completion clock from, or restart it on, ``effective_on``."""
    review = proposal.review
    if not actor.has_perm("clock.approve_pause", review):
        raise PermissionDenied("clock.approve_pause")
    proposal = _lock(proposal)
    if proposal.kind == ProposalKind.PAUSE:
        if not explanation.strip():
            raise ValidationError({"explanation": _("Enter an explanation for the pause")})
        pause = pause_approve(
            actor=actor,
            review=review,
            reason=proposal.reason,
            explanation=explanation.strip(),
            evidence=evidence.strip(),
            started_on=effective_on,
        )
    else:
        open_pause = _open_pause(review)
        if open_pause is None:
            raise ValidationError(_("The clock is not paused, so there is nothing to restart."))
        pause = pause_end(actor=actor, review=review, pause=open_pause, ended_on=effective_on)
    proposal.status = ProposalStatus.APPROVED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.pause = pause
    proposal.full_clean()
    proposal.save()
    timeline_add(
        review=review,
        kind="proceedings.proposal",
        summary=_("%(proposal)s: approved with effect from %(date)s")
        % {
            "proposal": proposal.get_kind_display(),
            "date": date_format(effective_on, "j F Y"),
        },
        actor=actor,
    )
    event_record(
        action="proceedings.proposal_approved",
        actor=actor,
        review_id=review.pk,
        obj=proposal,
        detail={"kind": proposal.kind, "effective_on": effective_on.isoformat()},
    )
    return proposal


@transaction.atomic
def proposal_reject(*, actor: Any, proposal: PauseProposal, reason: str) -> PauseProposal:
    """Reject with a reason; the clock is left exactly as it was."""
    review = proposal.review
    if not actor.has_perm("clock.approve_pause", review):
        raise PermissionDenied("clock.approve_pause")
    if not reason.strip():
        raise ValidationError({"reason": _("Enter why the proposal is rejected")})
    proposal = _lock(proposal)
    proposal.status = ProposalStatus.REJECTED
    proposal.decided_by = actor
    proposal.decided_at = timezone.now()
    proposal.rejection_reason = reason.strip()
    proposal.full_clean()
    proposal.save()
    timeline_add(
        review=review,
        kind="proceedings.proposal",
        summary=_("%(proposal)s: rejected") % {"proposal": proposal.get_kind_display()},
        actor=actor,
    )
    event_record(
        action="proceedings.proposal_rejected",
        actor=actor,
        review_id=review.pk,
        obj=proposal,
        detail={"kind": proposal.kind},
    )
    return proposal
