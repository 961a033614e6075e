"""The review lifecycle as data: each transition, who may take it, and what must be true first.

The state machine itself is the protected FSMField on Review (django-fsm-2); this module adds
the preconditions and the task list that shows progress. Transitions that belong to a recorded
act (a decision, a Home Office response, an appointment) are taken by that act's service, not
from the generic "advance" button.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from dhr.reviews.choices import AppointmentRole, ReviewState
from dhr.reviews.models import Review

S = ReviewState


@dataclass(frozen=True)
class ManualTransition:
    """A transition a person takes with a button on the review page."""

    slug: str
    method: str
    label: str
    permission: str
    precondition: Callable[[Review], str | None]


def _has_chair(review: Review) -> str | None:
    if not review.appointments.filter(role=AppointmentRole.INDEPENDENT_CHAIR).exists():
        return str(_("Appoint an independent chair first."))
    return None


def _always(review: Review) -> str | None:
    return None


MANUAL_TRANSITIONS: tuple[ManualTransition, ...] = (
    ManualTransition(
        "complete-set-up",
        "complete_set_up",
        _("Mark set-up complete"),
        "reviews.advance_lifecycle",
        _has_chair,
    ),
    ManualTransition(
        "start-information-gathering",
        "start_information_gathering",
        _("Start information gathering"),
        "reviews.advance_lifecycle",
        _always,
    ),
    ManualTransition(
        "start-analysis",
        "start_analysis",
        _("Start analysis and drafting"),
        "reviews.advance_lifecycle",
        _always,
    ),
    ManualTransition(
        "start-local-sign-off",
        "start_local_sign_off",
        _("Send for local sign-off"),
        "reviews.advance_lifecycle",
        _always,
    ),
)
MANUAL_BY_SLUG = {t.slug: t for t in MANUAL_TRANSITIONS}


def available_manual_transitions(review: Review) -> list[ManualTransition]:
    return [t for t in MANUAL_TRANSITIONS if can_proceed(getattr(review, t.method))]


# The order of stages for the task list; each stage is "done" once the review has passed it.
STAGE_ORDER: tuple[str, ...] = (
    S.NOTIFIED,
    S.ELIGIBILITY_ASSESSED,
    S.DECIDED_REVIEW,
    S.SET_UP,
    S.INFORMATION_GATHERING,
    S.ANALYSIS_DRAFTING,
    S.LOCAL_SIGN_OFF,
    S.SUBMITTED_QA,
    S.APPROVED_FOR_PUBLICATION,
    S.PUBLISHED,
    S.MONITORING,
    S.CLOSED,
)


def stage_index(state: str) -> int:
    if state == S.DECIDED_NO_REVIEW:
        return STAGE_ORDER.index(S.DECIDED_REVIEW)
    return STAGE_ORDER.index(state)
