"""Sending requests (R32), the IMR due date from the clock rule, answers, escalation (R35)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse

from dhr.audit.models import Event
from dhr.contributions.choices import RequestKind, RequestStatus, ShownStatus
from dhr.contributions.models import InformationRequest
from dhr.contributions.selectors import request_shown_status
from dhr.contributions.services.requests import (
    escalation_step_record,
    request_answer_scoping,
    request_send,
)
from dhr.contributions.tests.conftest import SENT_ON
from dhr.reviews.models import AgencyDecline

pytestmark = pytest.mark.django_db


def _date(prefix: str, value: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
def test_coordinator_sends_imr_requests_to_several_agencies_due_in_six_weeks(
    login: Any,
    review: Any,
    coordinator: Any,
    agency_a: Any,
    agency_b: Any,
    contributor_a: Any,
    contributor_b: Any,
) -> None:
    url = reverse("contributions:request-send", kwargs={"review_id": review.pk})
    page = login(coordinator).get(url)
    assert b"Westshire Police" in page.content and b"Westshire NHS Trust" in page.content

    response = login(coordinator).post(
        url,
        {"kind": "imr", "agencies": [agency_a.pk, agency_b.pk], **_date("sent_on", SENT_ON)},
    )

    assert response.status_code == 302
    requests = InformationRequest.objects.filter(review=review, kind=RequestKind.IMR)
    assert requests.count() == 2
    assert {request.due_on for request in requests} == {dt.date(2026, 4, 13)}
    assert Event.objects.filter(action="contributions.request_sent").exists()


@override_settings(DHR_CLOCK_OVERRIDES={"IMR_DUE_WEEKS": 12})
@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
def test_imr_due_date_follows_the_configured_period(
    review: Any, coordinator: Any, agency_a: Any
) -> None:
    (request,) = request_send(
        actor=coordinator, review=review, agencies=[agency_a], kind="imr", sent_on=SENT_ON
    )
    assert request.due_on == SENT_ON + dt.timedelta(weeks=12)


@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
def test_a_due_date_given_by_the_sender_is_kept(
    review: Any, coordinator: Any, agency_a: Any
) -> None:
    (request,) = request_send(
        actor=coordinator,
        review=review,
        agencies=[agency_a],
        kind="imr",
        sent_on=SENT_ON,
        due_on=dt.date(2026, 5, 1),
    )
    assert request.due_on == dt.date(2026, 5, 1)


@time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC))
def test_the_same_request_is_not_sent_twice_to_an_agency(
    review: Any, coordinator: Any, agency_a: Any, agency_b: Any, scoping_a: Any
) -> None:
    with pytest.raises(ValidationError, match="already been sent to: Westshire Police"):
        request_send(
            actor=coordinator,
            review=review,
            agencies=[agency_a, agency_b],
            kind="scoping",
            sent_on=SENT_ON,
        )
    assert InformationRequest.objects.count() == 1


def test_only_the_coordinator_or_chair_sends(
    review: Any, contributor_a: Any, agency_a: Any
) -> None:
    with pytest.raises(PermissionDenied):
        request_send(
            actor=contributor_a, review=review, agencies=[agency_a], kind="scoping", sent_on=SENT_ON
        )


def test_a_csp_is_not_an_agency(review: Any, coordinator: Any, csp: Any) -> None:
    with pytest.raises(ValidationError):
        request_send(
            actor=coordinator, review=review, agencies=[csp], kind="scoping", sent_on=SENT_ON
        )


def test_contributor_records_a_nil_return(
    login: Any, review: Any, contributor_a: Any, scoping_a: Any
) -> None:
    url = reverse(
        "contributions:request-answer", kwargs={"review_id": review.pk, "request_id": scoping_a.pk}
    )
    response = login(contributor_a).post(url, {"had_contact": "no"})

    assert response.status_code == 302
    scoping_a.refresh_from_db()
    assert scoping_a.status == RequestStatus.NIL_RETURN
    assert scoping_a.answered_by == contributor_a
    detail = login(contributor_a).get(response["Location"])
    assert b"Nil return" in detail.content


def test_contact_confirmed_needs_a_summary(
    login: Any, review: Any, contributor_a: Any, scoping_a: Any
) -> None:
    url = reverse(
        "contributions:request-answer", kwargs={"review_id": review.pk, "request_id": scoping_a.pk}
    )
    response = login(contributor_a).post(url, {"had_contact": "yes", "summary": ""})
    assert response.status_code == 200
    assert b"Summarise the contact your agency had" in response.content
    scoping_a.refresh_from_db()
    assert scoping_a.status == RequestStatus.SENT

    login(contributor_a).post(url, {"had_contact": "yes", "summary": "Three calls in 2025."})
    scoping_a.refresh_from_db()
    assert scoping_a.status == RequestStatus.CONTACT_CONFIRMED
    assert scoping_a.response_notes == "Three calls in 2025."


def test_an_answered_request_cannot_be_answered_again(
    review: Any, contributor_a: Any, scoping_a: Any
) -> None:
    request_answer_scoping(actor=contributor_a, review=review, request=scoping_a, had_contact=False)
    with pytest.raises(ValidationError):
        request_answer_scoping(
            actor=contributor_a, review=review, request=scoping_a, had_contact=True, summary="x"
        )


def test_contributor_cannot_answer_for_another_agency(
    review: Any, contributor_b: Any, scoping_a: Any
) -> None:
    with pytest.raises(PermissionDenied):
        request_answer_scoping(
            actor=contributor_b, review=review, request=scoping_a, had_contact=False
        )


@time_machine.travel(dt.datetime(2026, 4, 20, 12, tzinfo=dt.UTC))
def test_escalation_is_recorded_and_links_to_recording_a_decline(
    login: Any, review: Any, coordinator: Any, imr_request_a: Any
) -> None:
    url = reverse(
        "contributions:request-escalate",
        kwargs={"review_id": review.pk, "request_id": imr_request_a.pk},
    )
    response = login(coordinator).post(
        url, {**_date("taken_on", dt.date(2026, 4, 15)), "step": "Letter to the chief constable"}
    )
    assert response.status_code == 302
    imr_request_a.refresh_from_db()
    assert imr_request_a.status == RequestStatus.ESCALATED
    assert imr_request_a.escalation_steps.get().step == "Letter to the chief constable"

    page = login(coordinator).get(url)
    assert b"Letter to the chief constable" in page.content
    decline_url = reverse("reviews:agency-decline-create", kwargs={"review_id": review.pk})
    assert decline_url.encode() in page.content


def test_escalation_step_cannot_predate_the_request(
    review: Any, coordinator: Any, imr_request_a: Any
) -> None:
    with pytest.raises(ValidationError):
        escalation_step_record(
            actor=coordinator,
            review=review,
            request=imr_request_a,
            taken_on=SENT_ON - dt.timedelta(days=1),
            step="Phoned",
        )


def test_an_answered_request_is_not_escalated(
    review: Any, coordinator: Any, contributor_a: Any, scoping_a: Any
) -> None:
    request_answer_scoping(actor=contributor_a, review=review, request=scoping_a, had_contact=False)
    with pytest.raises(ValidationError):
        escalation_step_record(
            actor=coordinator, review=review, request=scoping_a, taken_on=SENT_ON, step="Phoned"
        )


def test_overdue_and_declined_are_derived(
    review: Any, coordinator: Any, imr_request_a: Any, agency_a: Any
) -> None:
    due = imr_request_a.due_on
    assert request_shown_status(imr_request_a, today=due) is ShownStatus.SENT
    assert request_shown_status(imr_request_a, today=due + dt.timedelta(days=1)) is (
        ShownStatus.OVERDUE
    )
    assert request_shown_status(imr_request_a, today=due, declined=True) is ShownStatus.DECLINED


@time_machine.travel(dt.datetime(2026, 4, 20, 12, tzinfo=dt.UTC))
def test_home_page_says_overdue_in_words_for_the_coordinator(
    login: Any,
    review: Any,
    coordinator: Any,
    imr_request_a: Any,
    imr_request_b: Any,
    agency_b: Any,
) -> None:
    AgencyDecline.objects.create(
        review=review,
        agency=agency_b,
        asked_on=SENT_ON,
        declined_on=dt.date(2026, 4, 1),
        recorded_by=coordinator,
    )
    page = login(coordinator).get(
        reverse("contributions:request-list", kwargs={"review_id": review.pk})
    )
    content = page.content.decode()
    assert "Westshire Police" in content and "Westshire NHS Trust" in content
    assert "Overdue" in content
    assert "7 days overdue" in content
    assert "Declined" in content
    assert "Send requests" in content


def test_home_page_shows_a_contributor_only_their_agency(
    login: Any, review: Any, contributor_b: Any, imr_request_a: Any, imr_request_b: Any
) -> None:
    page = login(contributor_b).get(
        reverse("contributions:request-list", kwargs={"review_id": review.pk})
    )
    assert b"Westshire NHS Trust" in page.content
    assert b"Westshire Police" not in page.content
    assert b"Send requests" not in page.content


def test_coordinator_changes_the_due_date(
    login: Any, review: Any, coordinator: Any, imr_request_a: Any
) -> None:
    url = reverse(
        "contributions:request-due-date",
        kwargs={"review_id": review.pk, "request_id": imr_request_a.pk},
    )
    response = login(coordinator).post(url, _date("due_on", dt.date(2026, 6, 1)))
    assert response.status_code == 302
    imr_request_a.refresh_from_db()
    assert imr_request_a.due_on == dt.date(2026, 6, 1)
    before = login(coordinator).post(url, _date("due_on", SENT_ON - dt.timedelta(days=1)))
    assert b"must be the same as or after the date sent" in before.content
