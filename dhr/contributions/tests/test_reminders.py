"""Request reminders through `send_due_reminders`: who hears, what they read, once only."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from dhr.contributions.models import RequestReminderSent
from dhr.contributions.reminders import request_reminders_send_due
from dhr.contributions.services.requests import request_answer_scoping

pytestmark = pytest.mark.django_db


def _run(today: dt.date) -> str:
    out = StringIO()
    call_command("send_due_reminders", "--today", today.isoformat(), stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def people(coordinator: Any, contributor_a: Any, contributor_b: Any) -> dict[str, Any]:
    return {"coordinator": coordinator, "a": contributor_a, "b": contributor_b}


def test_due_soon_goes_once_to_the_agency_and_the_coordinator(
    people: dict[str, Any], imr_request_a: Any
) -> None:
    due = imr_request_a.due_on
    assert _run(due - dt.timedelta(days=8)) == "sent 0 reminders"
    assert _run(due - dt.timedelta(days=7)) == "sent 2 reminders"
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([people["coordinator"].email, people["a"].email])
    assert people["b"].email not in recipients

    assert _run(due - dt.timedelta(days=3)) == "sent 0 reminders"
    assert len(mail.outbox) == 2
    assert RequestReminderSent.objects.filter(kind="due_soon").count() == 2


def test_overdue_is_a_second_reminder_and_also_once(
    people: dict[str, Any], imr_request_a: Any
) -> None:
    due = imr_request_a.due_on
    _run(due - dt.timedelta(days=1))
    assert _run(due + dt.timedelta(days=1)) == "sent 2 reminders"
    assert _run(due + dt.timedelta(days=2)) == "sent 0 reminders"
    assert "overdue" in mail.outbox[-1].subject


def test_answered_requests_get_no_reminder(
    people: dict[str, Any], review: Any, scoping_a: Any
) -> None:
    request_answer_scoping(actor=people["a"], review=review, request=scoping_a, had_contact=False)
    assert request_reminders_send_due(today=scoping_a.due_on + dt.timedelta(days=3)) == 0


@override_settings(SERVICE_BASE_URL="https://dhr.example.gov.uk/")
def test_the_email_carries_no_names_or_case_detail(
    people: dict[str, Any], review: Any, csp: Any, imr_request_a: Any
) -> None:
    request_reminders_send_due(today=imr_request_a.due_on - dt.timedelta(days=1))
    message = mail.outbox[0]
    html = str(message.alternatives[0][0])  # type: ignore[union-attr]
    for text in (str(message.subject), str(message.body), html):
        for secret in ("Alex Example", "Ann Agency", "Casey", "Westshire", csp.name):
            assert secret not in text
    assert "An information request on a review you contribute to is due soon." in message.body
    assert "DHR-WSF-2026-0001" in message.body
    assert (
        f"https://dhr.example.gov.uk/reviews/{review.pk}/requests/{imr_request_a.pk}/"
        in message.body
    )


def test_a_new_due_date_earns_a_new_reminder(people: dict[str, Any], imr_request_a: Any) -> None:
    due = imr_request_a.due_on
    assert request_reminders_send_due(today=due - dt.timedelta(days=2)) == 2
    imr_request_a.due_on = due + dt.timedelta(days=1)
    imr_request_a.save()
    assert request_reminders_send_due(today=due - dt.timedelta(days=2)) == 2
