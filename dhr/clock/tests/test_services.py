"""Recording and ending pauses (R46): who may, which dates, and how the forecast moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from dhr.audit.models import Event
from dhr.clock.models import Pause
from dhr.clock.selectors import clock_readings_for
from dhr.clock.services import deadline_meet, deadline_start, pause_approve, pause_end
from dhr.reviews.models import TimelineEvent

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
CLOCK_STARTS = dt.date(2026, 1, 5)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[Any]:
    with time_machine.travel(_at(dt.date(2026, 1, 10)), tick=False) as traveller:
        yield traveller


@pytest.fixture
def completion(review: Any) -> Any:
    return deadline_start(review=review, rule_code="completion", starts_on=CLOCK_STARTS)


def _approve(actor: Any, review: Any, started_on: dt.date = dt.date(2026, 1, 10)) -> Pause:
    return pause_approve(
        actor=actor,
        review=review,
        reason="criminal_proceedings",
        explanation="Awaiting the criminal trial",
        evidence="Crown Court listing",
        started_on=started_on,
    )


def _completion_reading(review: Any, today: dt.date) -> Any:
    (row,) = [
        r
        for r in clock_readings_for(review=review, today=today)
        if r.deadline.rule_code == "completion"
    ]
    return row.reading


def test_chair_approves_a_pause_recorded_on_timeline_and_audit(
    review: Any, completion: Any, independent_chair: Any
) -> None:
    pause = _approve(independent_chair, review)

    assert pause.approved_by == independent_chair
    assert pause.ended_on is None
    summaries = list(TimelineEvent.objects.filter(review=review).values_list("summary", flat=True))
    assert "Clock paused: criminal proceedings" in summaries
    event = Event.objects.get(action="clock.pause_approved", review_id=review.pk)
    assert event.actor == independent_chair
    assert "Awaiting" not in str(event.detail)  # free text never reaches the audit log


def test_approving_a_90_day_pause_moves_the_forecast_by_90_days(
    review: Any, completion: Any, independent_chair: Any, frozen_today: Any
) -> None:
    before = _completion_reading(review, dt.date(2026, 1, 10))
    assert before.forecast_completion == dt.date(2026, 7, 5)

    pause = _approve(independent_chair, review, started_on=dt.date(2026, 1, 10))
    frozen_today.move_to(_at(dt.date(2026, 4, 10)))
    pause_end(actor=independent_chair, review=review, pause=pause, ended_on=dt.date(2026, 4, 10))

    after = _completion_reading(review, dt.date(2026, 4, 10))
    assert after.paused_days == 90
    assert after.forecast_completion == before.forecast_completion + dt.timedelta(days=90)
    assert after.gross_due == before.gross_due  # both figures are reported (R56)
    assert "Clock restarted after a pause for criminal proceedings (90 days)" in list(
        TimelineEvent.objects.values_list("summary", flat=True)
    )


def test_open_pause_moves_the_forecast_a_day_for_every_day(
    review: Any, completion: Any, independent_chair: Any
) -> None:
    _approve(independent_chair, review, started_on=dt.date(2026, 1, 10))

    reading = _completion_reading(review, dt.date(2026, 1, 20))

    assert reading.is_paused
    assert reading.forecast_completion == dt.date(2026, 7, 15)


@pytest.mark.parametrize("persona", ["coordinator", "contributor_a", "report_writer"])
def test_only_a_chair_may_approve(review: Any, completion: Any, persona: str, request: Any) -> None:
    with pytest.raises(PermissionDenied):
        _approve(request.getfixturevalue(persona), review)
    assert not Pause.objects.exists()


def test_csp_chair_may_approve(review: Any, completion: Any, csp_chair: Any) -> None:
    assert _approve(csp_chair, review).approved_by == csp_chair


@pytest.mark.parametrize(
    ("started_on", "message"),
    [
        (dt.date(2026, 1, 11), "today or in the past"),
        (dt.date(2026, 1, 4), "before the completion clock started"),
    ],
)
def test_pause_start_date_is_checked(
    review: Any, completion: Any, independent_chair: Any, started_on: dt.date, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        _approve(independent_chair, review, started_on=started_on)
    assert message in str(error.value)
    assert not Pause.objects.exists()


def test_no_pause_without_a_running_completion_clock(review: Any, independent_chair: Any) -> None:
    deadline_start(review=review, rule_code="decision", starts_on=CLOCK_STARTS)
    with pytest.raises(ValidationError, match="not running"):
        _approve(independent_chair, review)

    deadline_start(review=review, rule_code="completion", starts_on=CLOCK_STARTS)
    deadline_meet(review=review, rule_code="completion", met_on=dt.date(2026, 1, 9))
    with pytest.raises(ValidationError, match="not running"):
        _approve(independent_chair, review)


def test_a_second_pause_is_refused_while_one_is_open(
    review: Any, completion: Any, independent_chair: Any
) -> None:
    _approve(independent_chair, review, started_on=dt.date(2026, 1, 8))
    with pytest.raises(ValidationError, match="already paused"):
        _approve(independent_chair, review, started_on=dt.date(2026, 1, 10))
    assert Pause.objects.count() == 1


def test_a_pause_cannot_start_inside_an_ended_pause(
    review: Any, completion: Any, independent_chair: Any
) -> None:
    pause = _approve(independent_chair, review, started_on=dt.date(2026, 1, 6))
    pause_end(actor=independent_chair, review=review, pause=pause, ended_on=dt.date(2026, 1, 9))
    with pytest.raises(ValidationError, match="during an earlier"):
        _approve(independent_chair, review, started_on=dt.date(2026, 1, 8))
    assert _approve(independent_chair, review, started_on=dt.date(2026, 1, 9))


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [(dt.date(2026, 1, 7), "cannot end before"), (dt.date(2026, 1, 11), "today or in the past")],
)
def test_pause_end_date_is_checked(
    review: Any,
    completion: Any,
    independent_chair: Any,
    ended_on: dt.date,
    message: str,
) -> None:
    pause = _approve(independent_chair, review, started_on=dt.date(2026, 1, 8))
    with pytest.raises(ValidationError) as error:
        pause_end(actor=independent_chair, review=review, pause=pause, ended_on=ended_on)
    assert message in str(error.value)
    pause.refresh_from_db()
    assert pause.ended_on is None


def test_an_ended_pause_cannot_be_ended_again(
    review: Any, completion: Any, independent_chair: Any
) -> None:
    pause = _approve(independent_chair, review, started_on=dt.date(2026, 1, 8))
    pause_end(actor=independent_chair, review=review, pause=pause, ended_on=dt.date(2026, 1, 9))
    with pytest.raises(ValidationError, match="already ended"):
        pause_end(
            actor=independent_chair, review=review, pause=pause, ended_on=dt.date(2026, 1, 10)
        )
    assert Event.objects.filter(action="clock.pause_ended").count() == 1


def test_coordinator_cannot_end_a_pause(
    review: Any, completion: Any, independent_chair: Any, coordinator: Any
) -> None:
    pause = _approve(independent_chair, review, started_on=dt.date(2026, 1, 8))
    with pytest.raises(PermissionDenied):
        pause_end(actor=coordinator, review=review, pause=pause, ended_on=dt.date(2026, 1, 9))
