"""The panel rules (R29-R31), enforced by the services whoever calls them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dhr.audit.models import Event
from dhr.panel.models import AgencyConsidered, MeetingStatus, PanelMeeting, TermsVersion
from dhr.panel.services.meetings import action_add, action_complete, meeting_create, meeting_record
from dhr.panel.services.members import agency_consider, panel_member_add, panel_member_declare
from dhr.panel.services.terms import terms_version_create
from dhr.reviews.models import AgencyInScope, TimelineEvent
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _member(actor: Any, review: Any, **overrides: Any) -> Any:
    data: dict[str, Any] = {
        "name": "Dr Jo Lead",
        "role": "agency_representative",
        "seniority": "Named GP for safeguarding",
        "agency": None,
        "declared_independent": True,
        "declared_on": TODAY(),
    }
    data.update(overrides)
    return panel_member_add(actor=actor, review=review, **data)


# --- R29: the roster ---------------------------------------------------------------------


def test_an_agency_representative_needs_an_agency(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _member(coordinator, review)
    assert "agency" in error.value.message_dict


def test_a_member_is_added_with_agency_role_seniority_and_declaration(
    coordinator: Any, review: Any, agency_b: Any
) -> None:
    member = _member(coordinator, review, agency=agency_b)
    assert (member.agency, member.declared_independent) == (agency_b, True)
    summary = TimelineEvent.objects.get(review=review, kind="panel").summary
    assert "Dr Jo Lead" not in summary
    event = Event.objects.get(action="panel.member_added")
    assert "Dr Jo Lead" not in str(event.detail)


def test_a_declaration_needs_a_date_that_is_not_in_the_future(
    coordinator: Any, review: Any, agency_b: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        _member(coordinator, review, agency=agency_b, declared_on=None)
    assert "declared_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _member(coordinator, review, agency=agency_b, declared_on=TODAY() + dt.timedelta(days=1))
    assert "declared_on" in error.value.message_dict


def test_an_outstanding_declaration_can_be_recorded_once(
    independent_chair: Any, review: Any, agency_b: Any
) -> None:
    member = _member(
        independent_chair, review, agency=agency_b, declared_independent=False, declared_on=None
    )
    assert not member.declared_independent
    panel_member_declare(actor=independent_chair, review=review, member=member, declared_on=TODAY())
    member.refresh_from_db()
    assert member.declared_on == TODAY()
    with pytest.raises(ValidationError):
        panel_member_declare(
            actor=independent_chair, review=review, member=member, declared_on=TODAY()
        )


def test_only_people_in_the_review_can_be_linked_to_a_seat(
    coordinator: Any, review: Any, outsider: Any, contributor_a: Any, agency_a: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        _member(coordinator, review, agency=agency_a, user=outsider)
    assert "user" in error.value.message_dict
    assert _member(coordinator, review, agency=agency_a, user=contributor_a).user == contributor_a


@pytest.mark.parametrize("persona", ["csp_chair", "panel_member", "contributor_a", "oversight"])
def test_only_the_coordinator_and_independent_chair_manage_the_panel(
    request: pytest.FixtureRequest, persona: str, review: Any, agency_b: Any
) -> None:
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        _member(actor, review, agency=agency_b)


# --- R30: agencies considered --------------------------------------------------------------


def test_an_excluded_agency_needs_a_reason(coordinator: Any, review: Any, agency_a: Any) -> None:
    with pytest.raises(ValidationError) as error:
        agency_consider(
            actor=coordinator, review=review, agency=agency_a, included=False, reason=" "
        )
    assert "reason" in error.value.message_dict
    assert not AgencyConsidered.objects.exists()


def test_an_included_agency_goes_in_scope_with_its_reason(
    coordinator: Any, review: Any, agency_a: Any
) -> None:
    agency_consider(
        actor=coordinator, review=review, agency=agency_a, included=True, reason="Five call-outs"
    )
    assert AgencyInScope.objects.get(review=review, agency=agency_a).reason == "Five call-outs"


def test_an_agency_in_scope_cannot_be_excluded_here(
    coordinator: Any, review: Any, in_scope: Any, agency_a: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        agency_consider(
            actor=coordinator, review=review, agency=agency_a, included=False, reason="No contact"
        )
    assert "included" in error.value.message_dict


def test_a_partnership_is_not_an_agency(coordinator: Any, review: Any, other_csp: Any) -> None:
    with pytest.raises(ValidationError):
        agency_consider(
            actor=coordinator, review=review, agency=other_csp, included=True, reason=""
        )


def test_reconsidering_an_agency_updates_the_one_record(
    coordinator: Any, review: Any, agency_a: Any
) -> None:
    agency_consider(
        actor=coordinator, review=review, agency=agency_a, included=False, reason="No contact"
    )
    agency_consider(
        actor=coordinator, review=review, agency=agency_a, included=True, reason="Contact found"
    )
    assert AgencyConsidered.objects.get(review=review, agency=agency_a).included is True
    assert AgencyConsidered.history.filter(agency_id=agency_a.pk).count() == 2


# --- Meetings -------------------------------------------------------------------------------


def test_a_meeting_in_person_needs_a_location(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        meeting_create(
            actor=coordinator,
            review=review,
            starts_at=timezone.now() + dt.timedelta(days=7),
            duration_minutes=90,
            online=False,
            location="",
            agenda="",
        )
    assert "location" in error.value.message_dict


def test_a_meeting_cannot_be_recorded_as_held_before_it_starts(
    coordinator: Any, review: Any, chair_seat: Any
) -> None:
    meeting = meeting_create(
        actor=coordinator,
        review=review,
        starts_at=timezone.now() + dt.timedelta(days=7),
        duration_minutes=90,
        online=True,
        location="ignored",
        agenda="Scope",
    )
    assert meeting.location == ""
    with pytest.raises(ValidationError):
        meeting_record(
            actor=coordinator,
            review=review,
            meeting=meeting,
            attendance={chair_seat: "attended"},
            minutes="Minutes",
            decisions="",
        )


def test_minutes_are_versioned_and_attendance_recorded(
    coordinator: Any, review: Any, past_meeting: Any, chair_seat: Any, police_seat: Any
) -> None:
    meeting_record(
        actor=coordinator,
        review=review,
        meeting=past_meeting,
        attendance={chair_seat: "attended", police_seat: "apologies"},
        minutes="First wording",
        decisions="Agree scope",
    )
    meeting_record(
        actor=coordinator,
        review=review,
        meeting=past_meeting,
        attendance={chair_seat: "attended", police_seat: "absent"},
        minutes="Corrected wording",
        decisions="Agree scope",
    )
    past_meeting.refresh_from_db()
    assert past_meeting.status == MeetingStatus.HELD
    wordings = set(
        PanelMeeting.history.filter(id=past_meeting.pk).values_list("minutes", flat=True)
    )
    assert {"First wording", "Corrected wording"} <= wordings
    assert dict(past_meeting.attendance.values_list("member__name", "status")) == {
        "Indira Chair": "attended",
        "DCI Sam Senior": "absent",
    }


def test_attendance_of_another_reviews_member_is_refused(
    coordinator: Any, review: Any, past_meeting: Any, csp: Any
) -> None:
    other = f.ReviewFactory(lead_csp=csp)
    stranger = _member(coordinator, other, role="other", seniority="x")
    with pytest.raises(ValidationError):
        meeting_record(
            actor=coordinator,
            review=review,
            meeting=past_meeting,
            attendance={stranger: "attended"},
            minutes="m",
            decisions="",
        )


def test_an_action_has_an_owner_on_this_panel_and_a_due_date_after_the_meeting(
    coordinator: Any, review: Any, past_meeting: Any, chair_seat: Any, csp: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        action_add(
            actor=coordinator,
            review=review,
            meeting=past_meeting,
            description="Chase IMRs",
            owner=chair_seat,
            due_on=TODAY() - dt.timedelta(days=30),
        )
    assert "due_on" in error.value.message_dict
    other_seat = _member(coordinator, f.ReviewFactory(lead_csp=csp), role="other", seniority="x")
    with pytest.raises(ValidationError) as error:
        action_add(
            actor=coordinator,
            review=review,
            meeting=past_meeting,
            description="Chase IMRs",
            owner=other_seat,
            due_on=TODAY(),
        )
    assert "owner" in error.value.message_dict
    action = action_add(
        actor=coordinator,
        review=review,
        meeting=past_meeting,
        description="Chase IMRs",
        owner=chair_seat,
        due_on=TODAY() + dt.timedelta(days=14),
    )
    action_complete(actor=coordinator, review=review, action=action)
    action.refresh_from_db()
    assert action.status == "done"
    with pytest.raises(ValidationError):
        action_complete(actor=coordinator, review=review, action=action)


# --- R31: terms of reference ---------------------------------------------------------------


def _terms(actor: Any, review: Any, **overrides: Any) -> TermsVersion:
    data: dict[str, Any] = {
        "period_start": dt.date(2019, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "lines_of_enquiry": ["Was coercive control recognised?", " "],
        "questions": {},
        "family_consulted": False,
        "family_consulted_on": None,
        "agreed_on": None,
    }
    data.update(overrides)
    return terms_version_create(actor=actor, review=review, **data)


def test_the_period_must_not_end_before_it_starts(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _terms(
            coordinator, review, period_start=dt.date(2025, 1, 2), period_end=dt.date(2025, 1, 1)
        )
    assert "period_end" in error.value.message_dict


def test_a_period_years_before_the_death_is_allowed(coordinator: Any, review: Any) -> None:
    version = _terms(coordinator, review, period_start=dt.date(2010, 1, 1))
    assert version.lines_of_enquiry == ["Was coercive control recognised?"]


def test_at_least_one_line_of_enquiry(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _terms(coordinator, review, lines_of_enquiry=["  "])
    assert "lines_of_enquiry" in error.value.message_dict


def test_family_consultation_needs_a_past_date(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _terms(coordinator, review, family_consulted=True)
    assert "family_consulted_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _terms(
            coordinator,
            review,
            family_consulted=True,
            family_consulted_on=TODAY() + dt.timedelta(days=1),
        )
    assert "family_consulted_on" in error.value.message_dict


@time_machine.travel(dt.datetime(2026, 3, 10, 12, 0, tzinfo=dt.UTC))
def test_the_agreed_date_cannot_be_in_the_future(coordinator: Any, review: Any) -> None:
    with pytest.raises(ValidationError) as error:
        _terms(coordinator, review, agreed_on=dt.date(2026, 3, 11))
    assert "agreed_on" in error.value.message_dict
    assert _terms(coordinator, review, agreed_on=dt.date(2026, 3, 10)).is_agreed


def test_a_change_after_agreement_is_a_new_version_and_the_agreed_one_is_unchanged(
    independent_chair: Any, review: Any, in_scope: Any, agency_a: Any
) -> None:
    first = _terms(
        independent_chair,
        review,
        agreed_on=TODAY(),
        questions={agency_a: ["Why was no DASH completed?"]},
    )
    second = _terms(independent_chair, review, lines_of_enquiry=["A new line"])
    first.refresh_from_db()
    assert (first.number, second.number) == (1, 2)
    assert first.lines_of_enquiry == ["Was coercive control recognised?"]
    assert first.is_agreed and not second.is_agreed
    assert [q.text for q in first.questions.all()] == ["Why was no DASH completed?"]
    assert {row["agency"] for row in first.agencies} == {"Westshire Police", "Westshire NHS Trust"}


def test_questions_only_for_agencies_in_scope(coordinator: Any, review: Any, agency_a: Any) -> None:
    with pytest.raises(ValidationError):
        _terms(coordinator, review, questions={agency_a: ["Any contact?"]})


def test_the_panel_member_cannot_write_the_terms(panel_member: Any, review: Any) -> None:
    with pytest.raises(PermissionDenied):
        _terms(panel_member, review)
