"""Reading the clock from the database: snapshot periods, pauses, and the deadline dashboard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from dhr.clock.arithmetic import Rag
from dhr.clock.models import Deadline, Pause
from dhr.clock.selectors import clock_readings_for, dashboard_for
from dhr.clock.services import deadline_meet, deadline_start
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
TODAY = dt.date(2026, 3, 2)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[Any]:
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


def _pause(review: Any, approver: Any, started_on: dt.date, ended_on: dt.date | None) -> Pause:
    return Pause.objects.create(
        review=review,
        reason="criminal_proceedings",
        explanation="Awaiting trial",
        started_on=started_on,
        ended_on=ended_on,
        approved_by=approver,
    )


def test_pauses_move_only_pausable_clocks(review: Any, independent_chair: Any) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 20))
    deadline_start(review=review, rule_code="completion", starts_on=dt.date(2026, 1, 5))
    _pause(review, independent_chair, dt.date(2026, 2, 1), dt.date(2026, 2, 11))

    readings = {
        row.deadline.rule_code: row for row in clock_readings_for(review=review, today=TODAY)
    }

    assert readings["decision"].reading.net_due == dt.date(2026, 3, 20)
    assert readings["decision"].reading.paused_days == 0
    completion = readings["completion"].reading
    assert completion.gross_due == dt.date(2026, 7, 5)
    assert completion.paused_days == 10
    assert completion.net_due == dt.date(2026, 7, 15)
    assert readings["completion"].rule.title.startswith("Review completed")


def test_cancelled_deadlines_are_not_read(review: Any) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 1))
    deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 20))

    rows = clock_readings_for(review=review, today=TODAY)

    assert [row.deadline.starts_on for row in rows] == [dt.date(2026, 2, 20)]
    assert Deadline.objects.filter(review=review, cancelled=True).count() == 1


def test_a_running_clock_keeps_the_period_it_started_with(review: Any) -> None:
    deadline_start(review=review, rule_code="completion", starts_on=dt.date(2026, 1, 5))

    with override_settings(DHR_CLOCK_OVERRIDES={"COMPLETION_MONTHS": 12}):
        (row,) = clock_readings_for(review=review, today=TODAY)

    assert row.reading.gross_due == dt.date(2026, 7, 5)
    assert str(row.rule.period) == "6 months"


def test_pause_from_before_a_restarted_clock_counts_only_after_the_restart(
    review: Any, independent_chair: Any
) -> None:
    deadline_start(review=review, rule_code="completion", starts_on=dt.date(2026, 2, 1))
    _pause(review, independent_chair, dt.date(2026, 1, 20), dt.date(2026, 2, 11))

    (row,) = clock_readings_for(review=review, today=TODAY)

    assert row.reading.paused_days == 10


def _review_with_clock(csp: Any, reference: str, starts_on: dt.date, rule: str = "decision") -> Any:
    review = f.ReviewFactory(lead_csp=csp, reference=reference)
    deadline_start(review=review, rule_code=rule, starts_on=starts_on)
    return review


def test_dashboard_puts_overdue_first_then_by_due_date(csp: Any, coordinator: Any) -> None:
    _review_with_clock(csp, "DHR-WSF-2026-0010", dt.date(2026, 2, 10))  # due 10 March: soon
    _review_with_clock(csp, "DHR-WSF-2026-0011", dt.date(2026, 1, 20))  # due 20 Feb: overdue
    _review_with_clock(csp, "DHR-WSF-2026-0012", dt.date(2026, 1, 5), rule="completion")
    f.ReviewFactory(lead_csp=csp, reference="DHR-WSF-2026-0013")  # no clock yet
    met = _review_with_clock(csp, "DHR-WSF-2026-0014", dt.date(2026, 1, 1))
    deadline_meet(review=met, rule_code="decision", met_on=dt.date(2026, 1, 20))

    board = dashboard_for(user=coordinator, today=TODAY)

    assert [row.review.reference for row in board.rows] == [
        "DHR-WSF-2026-0011",
        "DHR-WSF-2026-0010",
        "DHR-WSF-2026-0012",
        "DHR-WSF-2026-0013",
        "DHR-WSF-2026-0014",
    ]
    first = board.rows[0]
    assert first.next_deadline is not None
    assert first.next_deadline.reading.rag is Rag.RED
    assert first.tag is not None and str(first.tag.label) == "Overdue"
    assert str(board.rows[1].tag.label) == "Due soon"  # type: ignore[union-attr]
    assert str(board.rows[2].tag.label) == "On track"  # type: ignore[union-attr]
    assert board.rows[4].next_deadline is None  # its only clock is met
    assert (board.overdue_count, board.due_soon_count, board.paused_count) == (1, 1, 0)


def test_dashboard_counts_paused_reviews(
    review: Any, coordinator: Any, independent_chair: Any
) -> None:
    deadline_start(review=review, rule_code="completion", starts_on=dt.date(2026, 1, 5))
    _pause(review, independent_chair, dt.date(2026, 2, 1), None)

    board = dashboard_for(user=coordinator, today=TODAY)

    assert board.paused_count == 1
    assert str(board.rows[0].tag.label) == "Paused"  # type: ignore[union-attr]


def test_dashboard_shows_only_visible_reviews(
    review: Any, other_csp: Any, outsider: Any, other_csp_coordinator: Any
) -> None:
    _review_with_clock(other_csp, "DHR-ESF-2026-0001", dt.date(2026, 2, 1))

    assert dashboard_for(user=outsider, today=TODAY).rows == []
    assert [
        row.review.reference for row in dashboard_for(user=other_csp_coordinator, today=TODAY).rows
    ] == ["DHR-ESF-2026-0001"]


def _make_reviews(csp: Any, approver: Any, first: int, count: int) -> None:
    for number in range(first, first + count):
        review = _review_with_clock(
            csp, f"DHR-WSF-2025-{number:04d}", dt.date(2026, 1, 5), "completion"
        )
        deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 1))
        _pause(review, approver, dt.date(2026, 2, 1), dt.date(2026, 2, 5))


def _count_dashboard_queries(user: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        dashboard_for(user=user, today=TODAY)
    return len(captured.captured_queries)


def test_dashboard_uses_the_same_queries_for_3_reviews_and_30(
    csp: Any, coordinator: Any, django_assert_max_num_queries: Any
) -> None:
    _make_reviews(csp, coordinator, 0, 3)
    with django_assert_max_num_queries(3):
        small = dashboard_for(user=coordinator, today=TODAY)
    assert len(small.rows) == 3
    at_three = _count_dashboard_queries(coordinator)

    _make_reviews(csp, coordinator, 3, 27)
    with django_assert_max_num_queries(3):
        large = dashboard_for(user=coordinator, today=TODAY)
    assert len(large.rows) == 30
    assert _count_dashboard_queries(coordinator) == at_three == 3
