"""Fixtures for proceedings: a running completion clock and a criminal case, on a frozen date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from dhr.clock.services import deadline_start
from dhr.proceedings.services import proceeding_create

LONDON = ZoneInfo("Europe/London")
CLOCK_STARTS = dt.date(2026, 1, 5)
TODAY = dt.date(2026, 2, 2)


def at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 10, tzinfo=LONDON)


@pytest.fixture
def traveller() -> Iterator[Any]:
    with time_machine.travel(at(TODAY), tick=False) as machine:
        yield machine


@pytest.fixture
def completion(review: Any, traveller: Any) -> Any:
    return deadline_start(review=review, rule_code="completion", starts_on=CLOCK_STARTS)


@pytest.fixture
def criminal(review: Any, coordinator: Any, traveller: Any) -> Any:
    return proceeding_create(
        actor=coordinator,
        review=review,
        kind="criminal",
        body="Westshire Crown Court",
        liaison_name="DI Example",
        liaison_role="Senior investigating officer",
    )
