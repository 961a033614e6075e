"""The panel pages as a coordinator or chair uses them: forms, errors and the ToR DOCX."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from dhr.panel.models import (
    AgencyConsidered,
    MeetingAction,
    PanelMeeting,
    PanelMember,
    TermsVersion,
)
from dhr.panel.services.terms import terms_version_create

pytestmark = pytest.mark.django_db


def _url(name: str, review: Any, **kwargs: Any) -> str:
    return reverse(f"panel:{name}", kwargs={"review_id": review.pk, **kwargs})


def _date(prefix: str, value: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


def test_adding_a_member_without_an_agency_shows_the_error(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        _url("member-add", review),
        {
            "name": "Dr Jo Lead",
            "role": "agency_representative",
            "seniority": "Named GP",
            "declared_independent": "no",
        },
    )
    assert response.status_code == 200
    assert "Choose the agency this person represents" in response.content.decode()
    assert not PanelMember.objects.exists()


def test_adding_a_member_then_recording_the_declaration(
    login: Any, review: Any, independent_chair: Any, agency_b: Any
) -> None:
    client = login(independent_chair)
    response = client.post(
        _url("member-add", review),
        {
            "name": "Dr Jo Lead",
            "role": "agency_representative",
            "agency": str(agency_b.pk),
            "seniority": "Named GP",
            "declared_independent": "no",
        },
    )
    assert response.status_code == 302
    member = PanelMember.objects.get()
    page = client.get(_url("member-list", review)).content.decode()
    assert "Outstanding" in page
    response = client.post(
        _url("member-declaration", review, member_id=member.pk),
        _date("declared_on", timezone.localdate()),
    )
    assert response.status_code == 302
    assert "Outstanding" not in client.get(_url("member-list", review)).content.decode()


def test_excluding_an_agency_without_a_reason_is_refused_on_the_page(
    login: Any, review: Any, coordinator: Any, agency_a: Any
) -> None:
    client = login(coordinator)
    response = client.post(
        _url("agency-add", review), {"agency": str(agency_a.pk), "included": "no", "reason": ""}
    )
    assert "Enter the reason this agency is not included" in response.content.decode()
    client.post(
        _url("agency-add", review),
        {"agency": str(agency_a.pk), "included": "no", "reason": "No record of contact"},
    )
    assert AgencyConsidered.objects.get().reason == "No record of contact"
    page = client.get(_url("agency-list", review)).content.decode()
    assert "No record of contact" in page


def test_planning_recording_and_actions_of_a_meeting(
    login: Any, review: Any, coordinator: Any, chair_seat: Any
) -> None:
    client = login(coordinator)
    when = timezone.localdate() - dt.timedelta(days=1)
    response = client.post(
        _url("meeting-create", review),
        {**_date("date", when), "time": "10:00", "duration_minutes": "90", "online": "yes"},
    )
    assert response.status_code == 302
    meeting = PanelMeeting.objects.get()
    response = client.post(
        _url("meeting-record", review, meeting_id=meeting.pk),
        {
            f"attendance_{chair_seat.pk}": "attended",
            "minutes": "Scope agreed.",
            "decisions": "Request IMRs",
        },
    )
    assert response.status_code == 302
    response = client.post(
        _url("action-add", review, meeting_id=meeting.pk),
        {
            "description": "Send IMR requests",
            "owner": str(chair_seat.pk),
            **_date("due_on", timezone.localdate() + dt.timedelta(days=7)),
        },
    )
    assert response.status_code == 302
    action = MeetingAction.objects.get()
    client.post(_url("action-done", review, meeting_id=meeting.pk, action_id=action.pk))
    action.refresh_from_db()
    assert action.status == "done"
    page = client.get(_url("meeting-detail", review, meeting_id=meeting.pk)).content.decode()
    assert "Scope agreed." in page and "Send IMR requests" in page and "Attended" in page


def test_an_in_person_meeting_without_a_location_shows_the_error(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        _url("meeting-create", review),
        {
            **_date("date", timezone.localdate()),
            "time": "10:00",
            "duration_minutes": "90",
            "online": "no",
        },
    )
    assert "Enter where the meeting is, or choose online" in response.content.decode()
    assert not PanelMeeting.objects.exists()


def test_recording_needs_attendance_for_every_member(
    login: Any, review: Any, coordinator: Any, past_meeting: Any, chair_seat: Any
) -> None:
    response = login(coordinator).post(
        _url("meeting-record", review, meeting_id=past_meeting.pk), {"minutes": "m"}
    )
    assert "Choose attended, apologies or absent" in response.content.decode()


def test_terms_form_refuses_an_end_before_the_start(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        _url("tor-create", review),
        {
            **_date("period_start", dt.date(2024, 5, 1)),
            **_date("period_end", dt.date(2024, 4, 30)),
            "lines_of_enquiry": "Coercive control",
            "family_consulted": "no",
        },
    )
    assert "must be the same as or after its start" in response.content.decode()
    assert not TermsVersion.objects.exists()


def test_a_new_version_starts_from_the_previous_one(
    login: Any, review: Any, independent_chair: Any, agreed_terms: Any
) -> None:
    page = login(independent_chair).get(_url("tor-create", review)).content.decode()
    assert "Was coercive control recognised?" in page
    assert 'value="2020"' in page


def test_writing_terms_with_questions_for_an_agency_in_scope(
    login: Any, review: Any, coordinator: Any, in_scope: Any, agency_a: Any
) -> None:
    client = login(coordinator)
    response = client.post(
        _url("tor-create", review),
        {
            **_date("period_start", dt.date(2021, 1, 1)),
            **_date("period_end", dt.date(2025, 1, 1)),
            "lines_of_enquiry": "Coercive control\nEconomic abuse",
            f"questions_{agency_a.pk}": "Why was no DASH completed?",
            "family_consulted": "yes",
            **_date("family_consulted_on", timezone.localdate()),
        },
    )
    assert response.status_code == 302
    version = TermsVersion.objects.get()
    assert version.lines_of_enquiry == ["Coercive control", "Economic abuse"]
    page = client.get(_url("tor-detail", review)).content.decode()
    assert "Why was no DASH completed?" in page and "Draft" in page


def test_the_terms_download_as_docx_with_marking_and_reference(
    login: Any, review: Any, panel_member: Any, agreed_terms: Any
) -> None:
    response = login(panel_member).get(_url("tor-docx", review))
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="DHR-WSF-2026-0001-terms-of-reference-v1.docx"'
    )
    assert "no-store" in response["Cache-Control"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Key lines of enquiry" in text and "Was coercive control recognised?" in text
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "DHR-WSF-2026-0001" in cells
    assert "Alex Example" not in text


def test_no_terms_means_no_download(login: Any, review: Any, coordinator: Any) -> None:
    assert login(coordinator).get(_url("tor-docx", review)).status_code == 404


def test_every_version_stays_readable(
    login: Any, review: Any, oversight: Any, coordinator: Any, agreed_terms: Any
) -> None:
    terms_version_create(
        actor=coordinator,
        review=review,
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2025, 6, 30),
        lines_of_enquiry=["A revised line"],
        questions={},
        family_consulted=False,
        family_consulted_on=None,
        agreed_on=None,
    )
    client = login(oversight)
    listing = client.get(_url("tor-versions", review)).content.decode()
    assert "Version 2" in listing and "Agreed on 10 September 2025" in listing
    old = client.get(_url("tor-version", review, version_id=agreed_terms.pk)).content.decode()
    assert "Was coercive control recognised?" in old
    assert "This is not the current version. The current version is 2." in old
