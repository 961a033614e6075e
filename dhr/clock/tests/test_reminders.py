"""`send_due_reminders`: who is told, what the e-mail says (and does not), and idempotence."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from dhr.clock.models import Pause, ReminderSent
from dhr.clock.reminders import REMINDER_WINDOW_DAYS
from dhr.clock.services import deadline_start

pytestmark = pytest.mark.django_db

DECISION_STARTS = dt.date(2026, 2, 2)  # decision clock due 2 March 2026
DECISION_DUE = dt.date(2026, 3, 2)
COMPLETION_STARTS = dt.date(2026, 3, 2)  # completion clock due 2 September 2026


def _run(today: dt.date) -> str:
    out = StringIO()
    call_command("send_due_reminders", "--today", today.isoformat(), stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def decision_clock(review: Any, coordinator: Any) -> Any:
    return deadline_start(review=review, rule_code="decision", starts_on=DECISION_STARTS)


def test_window_is_seven_days() -> None:
    assert REMINDER_WINDOW_DAYS == 7


def test_first_run_sends_and_second_run_sends_nothing(
    decision_clock: Any, coordinator: Any
) -> None:
    assert _run(DECISION_DUE - dt.timedelta(days=3)) == "sent 1 reminders"
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert ReminderSent.objects.get().kind == "due_soon"

    assert _run(DECISION_DUE - dt.timedelta(days=2)) == "sent 0 reminders"
    assert len(mail.outbox) == 1


def test_nothing_is_sent_outside_the_window(decision_clock: Any) -> None:
    assert _run(DECISION_DUE - dt.timedelta(days=REMINDER_WINDOW_DAYS + 1)) == "sent 0 reminders"
    assert _run(DECISION_DUE - dt.timedelta(days=REMINDER_WINDOW_DAYS)) == "sent 1 reminders"


@override_settings(SERVICE_BASE_URL="https://dhr.example.gov.uk/")
def test_email_carries_only_the_reference_and_a_sign_in_link(
    review: Any, decision_clock: Any, csp: Any
) -> None:
    _run(DECISION_DUE - dt.timedelta(days=1))

    (message,) = mail.outbox
    html = str(message.alternatives[0][0])  # type: ignore[union-attr]
    for text in (str(message.subject), str(message.body), html):
        assert "Alex Example" not in text
        assert csp.name not in text
        assert "Westshire" not in text
        assert "Casey" not in text
    assert "A deadline on a review you work on is due soon." in message.body
    assert (
        f"Sign in to see it: https://dhr.example.gov.uk/reviews/{review.pk}/clock/" in message.body
    )
    assert "DHR-WSF-2026-0001" in message.body
    assert "due soon" in message.subject


def test_overdue_is_a_different_reminder_from_due_soon(decision_clock: Any) -> None:
    _run(DECISION_DUE - dt.timedelta(days=1))
    assert _run(DECISION_DUE + dt.timedelta(days=1)) == "sent 1 reminders"

    assert [message.subject for message in mail.outbox] == [
        "DHR Manager: a deadline is due soon",
        "DHR Manager: a deadline is overdue",
    ]
    assert "is overdue." in mail.outbox[1].body
    assert set(ReminderSent.objects.values_list("kind", flat=True)) == {"due_soon", "overdue"}
    assert _run(DECISION_DUE + dt.timedelta(days=5)) == "sent 0 reminders"


def test_due_today_is_due_soon_not_overdue(decision_clock: Any) -> None:
    _run(DECISION_DUE)
    assert ReminderSent.objects.get().kind == "due_soon"


def test_completion_clock_also_tells_the_independent_chair(
    review: Any,
    coordinator: Any,
    independent_chair: Any,
    other_csp_coordinator: Any,
    contributor_a: Any,
) -> None:
    deadline_start(review=review, rule_code="completion", starts_on=COMPLETION_STARTS)

    assert _run(dt.date(2026, 9, 1)) == "sent 2 reminders"

    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [coordinator.email, independent_chair.email]
    )


def test_decision_clock_does_not_tell_the_chair(
    decision_clock: Any, coordinator: Any, independent_chair: Any
) -> None:
    _run(DECISION_DUE)
    assert [m.to for m in mail.outbox] == [[coordinator.email]]


def test_met_and_cancelled_deadlines_send_nothing(review: Any, coordinator: Any) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 1, 1))
    deadline_start(
        review=review, rule_code="decision", starts_on=DECISION_STARTS
    )  # cancels the first
    deadline_start(review=review, rule_code="completion", starts_on=dt.date(2025, 6, 1))
    review.deadlines.filter(rule_code="completion").update(met_on=dt.date(2025, 11, 1))

    assert _run(dt.date(2026, 2, 10)) == "sent 0 reminders"


def test_a_pause_moves_the_due_date_and_a_new_reminder_may_go(
    review: Any, coordinator: Any, independent_chair: Any
) -> None:
    deadline_start(review=review, rule_code="completion", starts_on=COMPLETION_STARTS)
    assert _run(dt.date(2026, 8, 30)) == "sent 2 reminders"  # due 2 September

    Pause.objects.create(
        review=review,
        reason="criminal_proceedings",
        explanation="Trial",
        started_on=dt.date(2026, 4, 1),
        ended_on=dt.date(2026, 5, 1),  # 30 days: now due 2 October
        approved_by=independent_chair,
    )
    assert _run(dt.date(2026, 9, 3)) == "sent 0 reminders"  # not overdue: the date moved
    assert _run(dt.date(2026, 9, 30)) == "sent 2 reminders"
    assert set(ReminderSent.objects.values_list("due_on", flat=True)) == {
        dt.date(2026, 9, 2),
        dt.date(2026, 10, 2),
    }


def test_a_failed_send_is_not_recorded(decision_clock: Any, monkeypatch: Any) -> None:
    def broken_send(self: Any, fail_silently: bool = False) -> int:
        raise ConnectionError("mail server down")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", broken_send)
    with pytest.raises(ConnectionError):
        _run(DECISION_DUE)
    assert not ReminderSent.objects.exists()

    monkeypatch.undo()
    assert _run(DECISION_DUE) == "sent 1 reminders"


def test_bad_date_is_refused() -> None:
    with pytest.raises(CommandError):
        call_command("send_due_reminders", "--today", "02/03/2026")
