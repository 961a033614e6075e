"""Proceedings, event order, disclosure liaison and pause proposals (R45-R48)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from dhr.clock.models import Pause
from dhr.clock.selectors import clock_readings_for
from dhr.proceedings.models import PauseProposal, ProceedingEvent, ProposalStatus
from dhr.proceedings.proposals import proposal_approve, proposal_blocker, proposal_reject
from dhr.proceedings.services import (
    disclosure_decision_record,
    proceeding_create,
    proceeding_event_record,
)
from dhr.proceedings.tests.conftest import TODAY, at

pytestmark = pytest.mark.django_db


def _event(actor: Any, proceeding: Any, kind: str, day: dt.date, **extra: Any) -> Any:
    return proceeding_event_record(
        actor=actor, proceeding=proceeding, kind=kind, occurred_on=day, **extra
    )


def _completion_reading(review: Any, today: dt.date) -> Any:
    (row,) = [
        r
        for r in clock_readings_for(review=review, today=today)
        if r.deadline.rule_code == "completion"
    ]
    return row.reading


def test_a_trial_date_before_the_charge_is_refused(criminal: Any, coordinator: Any) -> None:
    _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))
    with pytest.raises(ValidationError) as error:
        _event(coordinator, criminal, "trial", dt.date(2026, 1, 10))
    assert "before the charge" in str(error.value)
    assert not criminal.events.filter(kind="trial").exists()


def test_a_charge_after_the_recorded_trial_start_is_refused(
    criminal: Any, coordinator: Any
) -> None:
    _event(coordinator, criminal, "trial", dt.date(2026, 1, 10))
    with pytest.raises(ValidationError):
        _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))


def test_a_verdict_before_the_trial_start_is_refused(criminal: Any, coordinator: Any) -> None:
    _event(coordinator, criminal, "trial", dt.date(2026, 1, 25))
    with pytest.raises(ValidationError) as error:
        _event(coordinator, criminal, "verdict", dt.date(2026, 1, 20), verdict="murder")
    assert "before the trial started" in str(error.value)


def test_a_verdict_needs_the_library_label(criminal: Any, coordinator: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _event(coordinator, criminal, "verdict", dt.date(2026, 1, 20))
    assert "verdict" in error.value.error_dict
    with pytest.raises(ValidationError):
        _event(coordinator, criminal, "verdict", dt.date(2026, 1, 20), verdict="guilty-ish")


def test_only_hearings_and_trials_may_be_dated_ahead_and_are_scheduled(
    criminal: Any, coordinator: Any
) -> None:
    ahead = TODAY + dt.timedelta(days=60)
    with pytest.raises(ValidationError) as error:
        _event(coordinator, criminal, "arrest", ahead)
    assert "only hearings and trials" in str(error.value)
    trial = _event(coordinator, criminal, "trial", ahead)
    assert trial.scheduled is True
    assert _event(coordinator, criminal, "arrest", TODAY).scheduled is False


def test_an_event_of_another_kind_of_proceeding_is_refused(
    review: Any, coordinator: Any, traveller: Any
) -> None:
    inquest = proceeding_create(actor=coordinator, review=review, kind="inquest")
    with pytest.raises(ValidationError):
        _event(coordinator, inquest, "charge", TODAY)


def test_agency_contributor_cannot_record(review: Any, contributor_a: Any, criminal: Any) -> None:
    with pytest.raises(PermissionDenied):
        proceeding_create(actor=contributor_a, review=review, kind="inquest")
    with pytest.raises(PermissionDenied):
        _event(contributor_a, criminal, "arrest", TODAY)


def test_the_verdict_concludes_the_proceeding(criminal: Any, coordinator: Any) -> None:
    _event(coordinator, criminal, "verdict", TODAY, verdict="manslaughter_dr")
    criminal.refresh_from_db()
    assert criminal.status == "concluded"


def test_disciplinary_process_proposes_no_pause(
    review: Any, coordinator: Any, completion: Any
) -> None:
    process = proceeding_create(actor=coordinator, review=review, kind="disciplinary")
    _event(coordinator, process, "started", TODAY)
    assert not PauseProposal.objects.exists()


def test_disclosure_wait_until_before_agreed_is_refused(
    review: Any, coordinator: Any, criminal: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        disclosure_decision_record(
            actor=coordinator,
            review=review,
            proceeding=criminal,
            liaised_with="sio",
            decided_on=dt.date(2026, 1, 20),
            may_proceed_with="Agency chronologies",
            must_wait="Interviews with trial witnesses",
            wait_until=dt.date(2026, 1, 10),
        )
    assert "wait_until" in error.value.error_dict
    decision = disclosure_decision_record(
        actor=coordinator,
        review=review,
        proceeding=criminal,
        liaised_with="cps",
        decided_on=dt.date(2026, 1, 20),
        may_proceed_with="Agency chronologies",
        must_wait="Interviews with trial witnesses",
        wait_until=dt.date(2026, 6, 1),
    )
    assert review.timeline.filter(kind="proceedings.disclosure").exists()
    assert decision.wait_until == dt.date(2026, 6, 1)


def test_charge_proposes_a_pause_that_moves_the_forecast_and_verdict_resumes(
    review: Any,
    coordinator: Any,
    independent_chair: Any,
    completion: Any,
    criminal: Any,
    traveller: Any,
) -> None:
    charge = _event(coordinator, criminal, "charge", dt.date(2026, 2, 1))
    proposal = PauseProposal.objects.get(event=charge)
    assert (proposal.kind, proposal.reason) == ("pause", "criminal_proceedings")
    assert proposal.proposed_on == dt.date(2026, 2, 1)
    assert not Pause.objects.exists()  # nothing happens until the chair approves
    before = _completion_reading(review, TODAY).forecast_completion

    proposal_approve(
        actor=independent_chair,
        proposal=proposal,
        effective_on=dt.date(2026, 2, 1),
        explanation="Awaiting trial",
    )
    pause = Pause.objects.get(review=review)
    assert pause.ended_on is None and pause.reason == "criminal_proceedings"
    # A trial date while paused proposes nothing more: the pause in force covers it.
    _event(coordinator, criminal, "trial", dt.date(2026, 5, 1))
    assert review.pause_proposals.count() == 1

    traveller.move_to(at(dt.date(2026, 5, 20)))
    after = _completion_reading(review, dt.date(2026, 5, 20)).forecast_completion
    assert (after - before).days == (dt.date(2026, 5, 20) - TODAY).days + 1

    verdict = _event(coordinator, criminal, "verdict", dt.date(2026, 5, 15), verdict="murder")
    resume = PauseProposal.objects.get(event=verdict)
    assert resume.kind == "resume"
    proposal_approve(actor=independent_chair, proposal=resume, effective_on=dt.date(2026, 5, 15))
    pause.refresh_from_db()
    assert pause.ended_on == dt.date(2026, 5, 15)
    resume.refresh_from_db()
    assert resume.status == ProposalStatus.APPROVED and resume.pause == pause
    kinds = set(review.timeline.values_list("kind", flat=True))
    assert {"proceedings.event", "proceedings.proposal", "clock.pause"} <= kinds


def test_a_resume_before_the_pause_started_is_refused_and_nothing_changes(
    review: Any, coordinator: Any, csp_chair: Any, completion: Any, criminal: Any
) -> None:
    charge = _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))
    proposal_approve(
        actor=csp_chair,
        proposal=charge.pause_proposals.get(),
        effective_on=dt.date(2026, 1, 20),
        explanation="Awaiting trial",
    )
    verdict = _event(coordinator, criminal, "verdict", dt.date(2026, 1, 25), verdict="murder")
    resume = verdict.pause_proposals.get()
    with pytest.raises(ValidationError) as error:
        proposal_approve(actor=csp_chair, proposal=resume, effective_on=dt.date(2026, 1, 10))
    assert "cannot end before it started" in str(error.value)
    resume.refresh_from_db()
    assert resume.status == ProposalStatus.PROPOSED
    assert Pause.objects.get(review=review).ended_on is None


def test_rejecting_leaves_the_clock_untouched(
    review: Any, coordinator: Any, independent_chair: Any, completion: Any, criminal: Any
) -> None:
    charge = _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))
    proposal = charge.pause_proposals.get()
    before = _completion_reading(review, TODAY)
    with pytest.raises(ValidationError):
        proposal_reject(actor=independent_chair, proposal=proposal, reason="  ")
    proposal_reject(actor=independent_chair, proposal=proposal, reason="SIO: review may proceed")
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.REJECTED
    assert not Pause.objects.exists()
    assert _completion_reading(review, TODAY) == before


def test_coordinator_cannot_approve_a_proposal(
    coordinator: Any, completion: Any, criminal: Any
) -> None:
    charge = _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))
    with pytest.raises(PermissionDenied):
        proposal_approve(
            actor=coordinator,
            proposal=charge.pause_proposals.get(),
            effective_on=dt.date(2026, 1, 20),
            explanation="x",
        )


def test_without_a_running_clock_the_proposal_says_so_and_cannot_be_approved(
    review: Any, coordinator: Any, independent_chair: Any, criminal: Any
) -> None:
    charge = _event(coordinator, criminal, "charge", dt.date(2026, 1, 20))
    proposal = charge.pause_proposals.get()
    assert "not running" in proposal_blocker(proposal)
    with pytest.raises(ValidationError):
        proposal_approve(
            actor=independent_chair,
            proposal=proposal,
            effective_on=dt.date(2026, 1, 20),
            explanation="Awaiting trial",
        )
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED


@pytest.mark.parametrize(
    ("kind", "event", "reason"),
    [
        ("inquest", "opened", "inquest"),
        ("inquest", "adjourned", "inquest"),
        ("iopc", "started", "iopc"),
    ],
)
def test_inquest_and_iopc_propose_pauses(
    review: Any, coordinator: Any, completion: Any, kind: str, event: str, reason: str
) -> None:
    proceeding = proceeding_create(actor=coordinator, review=review, kind=kind)
    recorded = _event(coordinator, proceeding, event, TODAY)
    assert isinstance(recorded, ProceedingEvent)
    proposal = recorded.pause_proposals.get()
    assert (proposal.kind, proposal.reason) == ("pause", reason)
