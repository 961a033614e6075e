"""Date arithmetic for the statutory clock: periods, pauses, forecasts and RAG status.

Plain Python with no Django import (an import-linter contract holds this), so the rules can be
tested in isolation. Every function is pure: "today" is always an argument, never read from the
system clock.

Rules implemented (docs/statutory-rules/clock.md explains them for coordinators):

- R46: a review may be paused (for example until criminal proceedings conclude) and the pause
  must be visible in timescale reporting. Source: Brighton & Hove, DHR "Mr C" executive summary,
  para 3.2.
- R56: elapsed time is computed net of recorded pauses, but both gross and net figures are
  reported. Source: BBC News, 4 June 2025; 2016 statutory guidance Section 5 (p.16).
- R58/R59: a forecast and a RAG status let the CSP see early that a target will be missed and
  tell the Home Office why.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

BANK_HOLIDAYS_SOURCE_URL = "https://www.gov.uk/bank-holidays"

# England and Wales bank holidays, 2024 to 2028 (Scotland and Northern Ireland differ).
# Source: https://www.gov.uk/bank-holidays (not reachable when this was written, so the dates
# follow the standing pattern: New Year, Good Friday, Easter Monday, early May, spring, summer,
# Christmas and Boxing Day, with weekday substitutes). One-off holidays are added by royal
# proclamation (as in 2022 and 2023), so check this constant against the page every year, and
# extend it before dates fall outside BANK_HOLIDAY_YEARS: past 2028 only weekends are skipped.
BANK_HOLIDAY_YEARS = range(2024, 2029)
ENGLAND_AND_WALES_BANK_HOLIDAYS: frozenset[date] = frozenset(
    {
        date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 5, 6),
        date(2024, 5, 27), date(2024, 8, 26), date(2024, 12, 25), date(2024, 12, 26),
        date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 5, 5),
        date(2025, 5, 26), date(2025, 8, 25), date(2025, 12, 25), date(2025, 12, 26),
        date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 5, 4),
        date(2026, 5, 25), date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28),
        date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 5, 3),
        date(2027, 5, 31), date(2027, 8, 30), date(2027, 12, 27), date(2027, 12, 28),
        date(2028, 1, 3), date(2028, 4, 14), date(2028, 4, 17), date(2028, 5, 1),
        date(2028, 5, 29), date(2028, 8, 28), date(2028, 12, 25), date(2028, 12, 26),
    }
)  # fmt: skip

DEFAULT_AMBER_WINDOW_DAYS = 14
DEFAULT_AMBER_WINDOW_PERCENT = 20


class PeriodUnit(StrEnum):
    MONTHS = "months"
    WEEKS = "weeks"
    DAYS = "days"
    WORKING_DAYS = "working_days"


@dataclass(frozen=True, slots=True)
class Period:
    """A time budget such as "1 month", "6 weeks" or "5 working days"."""

    amount: int
    unit: PeriodUnit

    def __post_init__(self) -> None:
        # bool is an int subclass; True months is a configuration mistake, not 1 month.
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError(f"A period amount must be a whole number, not {self.amount!r}")
        if self.amount < 1:
            raise ValueError(f"A period must be at least 1 {self.unit.value}, not {self.amount}")

    def __str__(self) -> str:
        unit = self.unit.value.replace("_", " ")
        return f"{self.amount} {unit[:-1] if self.amount == 1 else unit}"


def add_months(d: date, months: int) -> date:
    """Add calendar months, clamping to the end of a shorter month.

    "Within one month" of 31 January is 28 February (29 in a leap year): the deadline never
    spills into the following month. Negative ``months`` count backwards the same way.
    """
    month_index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def is_working_day(d: date, holidays: frozenset[date] = frozenset()) -> bool:
    """Monday to Friday and not one of ``holidays``."""
    return d.weekday() < 5 and d not in holidays


def add_working_days(d: date, n: int, holidays: frozenset[date] = frozenset()) -> date:
    """Return the date ``n`` working days after ``d`` (Monday to Friday, skipping ``holidays``).

    Counting starts the day after ``d``, so 1 working day after a Friday is the Monday, and a
    start on a weekend counts from the next working day. ``n == 0`` returns ``d`` unchanged.
    Pass ENGLAND_AND_WALES_BANK_HOLIDAYS for the CSP's bank holidays (source: gov.uk/bank-holidays).
    """
    if n < 0:
        raise ValueError(f"Cannot add a negative number of working days ({n})")
    current = d
    remaining = n
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current, holidays):
            remaining -= 1
    return current


def add_period(
    d: date, period: Period, *, holidays: frozenset[date] = ENGLAND_AND_WALES_BANK_HOLIDAYS
) -> date:
    """Return the date ``period`` after ``d``: the gross due date of a clock started on ``d``."""
    match period.unit:
        case PeriodUnit.MONTHS:
            return add_months(d, period.amount)
        case PeriodUnit.WEEKS:
            return d + timedelta(weeks=period.amount)
        case PeriodUnit.DAYS:
            return d + timedelta(days=period.amount)
        case PeriodUnit.WORKING_DAYS:
            return add_working_days(d, period.amount, holidays)
    raise ValueError(f"Unknown period unit {period.unit!r}")  # pragma: no cover


class PauseReason(StrEnum):
    """Why a review clock stopped (R45/R46). ``Pause.reason`` also accepts free text."""

    CRIMINAL_PROCEEDINGS = "criminal_proceedings"
    INQUEST = "inquest"
    IOPC = "iopc"
    FAMILY_REQUEST = "family_request"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Pause:
    """A documented stop of the clock (R46), for example until criminal proceedings conclude.

    The clock stops on ``started_on`` and runs again on ``ended_on``: a pause from 1 March to
    30 May covers 90 days. ``ended_on=None`` means the pause is still in force.
    """

    started_on: date
    ended_on: date | None
    reason: str

    def __post_init__(self) -> None:
        if not str(self.reason).strip():
            raise ValueError("A pause must record its reason")
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise ValueError(
                f"A pause cannot end ({self.ended_on.isoformat()}) before it starts "
                f"({self.started_on.isoformat()})"
            )


def merge_pauses(pauses: Iterable[Pause], *, until: date) -> list[tuple[date, date]]:
    """Merge pauses into sorted, non-overlapping ``[start, end)`` spans that stop at ``until``.

    Open pauses run to ``until``; a pause that starts on or after ``until`` is ignored. Spans that
    overlap or touch become one, so a day covered by two pauses is counted once.
    """
    spans = sorted(
        (pause.started_on, min(pause.ended_on or until, until))
        for pause in pauses
        if pause.started_on < until
    )
    merged: list[tuple[date, date]] = []
    for start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def paused_days(pauses: Iterable[Pause], *, until: date) -> int:
    """Count the days the clock stood still before ``until``, never counting a day twice (R46).

    An open pause counts up to ``until``, so the figure grows by one each day it stays open.
    """
    return sum((end - start).days for start, end in merge_pauses(pauses, until=until))


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    COMPLETED = "completed"


@dataclass(frozen=True, slots=True)
class ClockReading:
    """Where a deadline stands on ``today``; both gross and net figures are kept (R56).

    - ``gross_due``: start plus the period, ignoring pauses.
    - ``net_due``: ``gross_due`` moved later by ``paused_days``; the date that counts.
    - ``forecast_completion``: ``completed_on`` once complete; otherwise ``net_due``, which assumes
      any pause in force ends today, so it moves one day later for every day the pause lasts.
    - ``days_remaining``: ``net_due`` minus today (or minus ``completed_on`` once complete);
      negative when overdue or finished late.
    - ``met_on_time``: ``None`` until complete.
    """

    started_on: date
    today: date
    period: Period
    gross_due: date
    net_due: date
    elapsed_gross_days: int
    elapsed_net_days: int
    paused_days: int
    is_paused: bool
    forecast_completion: date
    days_remaining: int
    amber_window_days: int
    rag: Rag
    completed_on: date | None
    met_on_time: bool | None

    @property
    def is_overdue(self) -> bool:
        return self.rag is Rag.RED


def amber_window(
    period_days: int,
    *,
    minimum_days: int = DEFAULT_AMBER_WINDOW_DAYS,
    percent: int = DEFAULT_AMBER_WINDOW_PERCENT,
) -> int:
    """Days before ``net_due`` that turn a running clock AMBER: the larger of ``minimum_days``
    and ``percent`` of the period (rounded up), so a 6-month review warns 37 days ahead and a
    1-month decision 14 days ahead."""
    return max(minimum_days, -(-period_days * percent // 100))


def read_clock(
    *,
    started_on: date,
    period: Period,
    pauses: Iterable[Pause] = (),
    today: date,
    completed_on: date | None = None,
    holidays: frozenset[date] = ENGLAND_AND_WALES_BANK_HOLIDAYS,
    amber_window_days: int = DEFAULT_AMBER_WINDOW_DAYS,
    amber_window_percent: int = DEFAULT_AMBER_WINDOW_PERCENT,
) -> ClockReading:
    """Read a deadline clock as at ``today`` (R46, R56, R58, R59).

    Pass no pauses for a rule that is not pausable (see ``DeadlineRule.pausable``). The reading
    is "as at" ``today``: a completion or pause dated after ``today`` is not yet counted, so a
    report for a past date sees what was known then.

    RAG, first match wins: COMPLETED once ``completed_on`` is on or before ``today``; RED when
    ``today`` is after ``net_due``; AMBER while paused or within the amber window of
    ``net_due`` (see ``amber_window``); otherwise GREEN. Due today is AMBER, not RED.

    Raises ValueError when ``today`` or ``completed_on`` is before ``started_on``, or when a
    pause starts before the clock does.
    """
    pauses = tuple(pauses)
    if today < started_on:
        raise ValueError(
            f"Cannot read a clock on {today.isoformat()}: it starts on {started_on.isoformat()}"
        )
    if completed_on is not None and completed_on < started_on:
        raise ValueError("A clock cannot be completed before it starts")
    for pause in pauses:
        if pause.started_on < started_on:
            raise ValueError("A pause cannot start before the clock starts")

    completed = completed_on is not None and completed_on <= today
    stopped_on = completed_on if completed and completed_on is not None else today

    gross_due = add_period(started_on, period, holidays=holidays)
    paused = paused_days(pauses, until=stopped_on)
    net_due = gross_due + timedelta(days=paused)
    elapsed_gross = (stopped_on - started_on).days
    is_paused = not completed and any(
        pause.started_on <= today and (pause.ended_on is None or pause.ended_on > today)
        for pause in pauses
    )
    window = amber_window(
        (gross_due - started_on).days,
        minimum_days=amber_window_days,
        percent=amber_window_percent,
    )
    days_remaining = (net_due - stopped_on).days

    if completed:
        rag = Rag.COMPLETED
    elif days_remaining < 0:
        rag = Rag.RED
    elif is_paused or days_remaining <= window:
        rag = Rag.AMBER
    else:
        rag = Rag.GREEN

    return ClockReading(
        started_on=started_on,
        today=today,
        period=period,
        gross_due=gross_due,
        net_due=net_due,
        elapsed_gross_days=elapsed_gross,
        elapsed_net_days=elapsed_gross - paused,
        paused_days=paused,
        is_paused=is_paused,
        forecast_completion=stopped_on if completed else net_due,
        days_remaining=days_remaining,
        amber_window_days=window,
        rag=rag,
        completed_on=completed_on if completed else None,
        met_on_time=(days_remaining >= 0) if completed else None,
    )
