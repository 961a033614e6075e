"""Every read of a review's proceedings. Callers have already scoped the review to the user."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from dhr.proceedings.models import (
    DisclosureDecision,
    PauseProposal,
    Proceeding,
    ProceedingEvent,
    ProposalStatus,
)
from dhr.proceedings.proposals import proposal_blocker
from dhr.reviews.models import Review


def proceeding_list_for(*, review: Review) -> QuerySet[Proceeding]:
    return review.proceedings.prefetch_related(
        Prefetch("events", queryset=ProceedingEvent.objects.order_by("occurred_on", "created_at"))
    )


def disclosure_list_for(*, review: Review) -> QuerySet[DisclosureDecision]:
    return review.disclosure_decisions.select_related("proceeding")


@dataclass(frozen=True, slots=True)
class ProposalRow:
    proposal: PauseProposal
    # Why it cannot be approved now ('' when it can).
    blocker: str


def proposal_list_for(*, review: Review) -> list[ProposalRow]:
    proposals = review.pause_proposals.select_related(
        "event__proceeding", "decided_by", "review"
    ).order_by("-created_at")
    return [ProposalRow(p, proposal_blocker(p)) for p in proposals]


def pending_proposal_get(*, review: Review, proposal_id: uuid.UUID) -> PauseProposal:
    """A proposal of ``review`` still waiting for the chair (DoesNotExist otherwise)."""
    return review.pause_proposals.select_related("event__proceeding", "review").get(
        pk=proposal_id, status=ProposalStatus.PROPOSED
    )
