"""Clock arithmetic: calendar months, working days, pauses, forecasts and RAG (R46, R56, R58,
R59). Plain pytest and hypothesis, no Django."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dhr.clock.arithmetic import (
    BANK_HOLIDAY_YEARS,
    ENGLAND_AND_WALES_BANK_HOLIDAYS,
    Pause,
    PauseReason,
    Period,
    PeriodUnit,
    Rag,
    add_months,
    add_working_days,
    amber_window,
    is_working_day,
    merge_pauses,
    paused_days,
    read_clock,
)

SIX_MONTHS = Period(6, PeriodUnit.MONTHS)
ONE_MONTH = Period(1, PeriodUnit.MONTHS)
DECIDED = date(2025, 1, 15)  # decision to proceed; six months later is 15 July 2025
TRIAL = PauseReason.CRIMINAL_PROCEEDINGS


def pause(start: date, end: date | None, reason: str = TRIAL) -> Pause:
    return Pause(started_on=start, ended_on=end, reason=reason)


# --- calendar months ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 1, 15), 1, date(2025, 2, 15)),
        (date(2025, 8, 31), 6, date(2026, 2, 28)),
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 1, 15), 12, date(2026, 1, 15)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


# --- working days ---------------------------------------------------------------------------


def test_bank_holidays_cover_eight_weekdays_in_each_listed_year() -> None:
    for year in BANK_HOLIDAY_YEARS:
        in_year = [d for d in ENGLAND_AND_WALES_BANK_HOLIDAYS if d.year == year]
        assert len(in_year) == 8, year
        assert all(d.weekday() < 5 for d in in_year)
    assert date(2026, 12, 28) in ENGLAND_AND_WALES_BANK_HOLIDAYS  # Boxing Day substitute


def test_working_days_skip_weekends_and_christmas() -> None:
    friday = date(2025, 12, 19)
    assert add_working_days(friday, 1) == date(2025, 12, 22)
    assert add_working_days(friday, 5) == date(2025, 12, 26)
    assert add_working_days(friday, 5, ENGLAND_AND_WALES_BANK_HOLIDAYS) == date(2025, 12, 30)


def test_working_days_skip_easter() -> None:
    maundy_thursday = date(2025, 4, 17)
    assert add_working_days(maundy_thursday, 1, ENGLAND_AND_WALES_BANK_HOLIDAYS) == date(
        2025, 4, 22
    )


def test_working_days_from_a_weekend_count_from_monday() -> None:
    assert add_working_days(date(2025, 3, 8), 1) == date(2025, 3, 10)
    assert add_working_days(date(2025, 3, 8), 0) == date(2025, 3, 8)
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2025, 3, 8), -1)


def test_period_refuses_zero_and_reads_naturally() -> None:
    with pytest.raises(ValueError):
        Period(0, PeriodUnit.MONTHS)
    assert str(ONE_MONTH) == "1 month"
    assert str(Period(5, PeriodUnit.WORKING_DAYS)) == "5 working days"


# --- pauses ---------------------------------------------------------------------------------


def test_pause_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError, match="cannot end .* before it starts"):
        pause(date(2025, 5, 1), date(2025, 4, 30))


def test_pause_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"):
        pause(date(2025, 5, 1), None, reason="  ")


def test_pause_cannot_start_before_the_clock() -> None:
    with pytest.raises(ValueError, match="^A pause cannot start before the clock starts$"):
        read_clock(
            started_on=DECIDED,
            period=SIX_MONTHS,
            pauses=[pause(DECIDED - timedelta(days=1), None)],
            today=date(2025, 3, 1),
        )


def test_overlapping_pauses_are_counted_once() -> None:
    trial = pause(date(2025, 3, 1), date(2025, 4, 1))
    inquest = pause(date(2025, 3, 15), date(2025, 4, 15), PauseReason.INQUEST)
    assert paused_days([trial, inquest], until=date(2025, 12, 1)) == 45
    assert merge_pauses([inquest, trial], until=date(2025, 12, 1)) == [
        (date(2025, 3, 1), date(2025, 4, 15))
    ]


def test_touching_and_nested_pauses() -> None:
    first = pause(date(2025, 3, 1), date(2025, 3, 11))
    second = pause(date(2025, 3, 11), date(2025, 3, 21))
    nested = pause(date(2025, 3, 5), date(2025, 3, 6))
    assert paused_days([first, second, nested], until=date(2025, 12, 1)) == 20


def test_open_pause_counts_up_to_until_and_future_pauses_not_at_all() -> None:
    open_pause = pause(date(2025, 3, 1), None)
    assert paused_days([open_pause], until=date(2025, 3, 1)) == 0
    assert paused_days([open_pause], until=date(2025, 3, 11)) == 10
    assert paused_days([pause(date(2025, 4, 1), date(2025, 5, 1))], until=date(2025, 3, 11)) == 0


# --- readings -------------------------------------------------------------------------------


def test_decision_clock_from_31_january_is_due_on_the_last_day_of_february() -> None:
    reading = read_clock(started_on=date(2025, 1, 31), period=ONE_MONTH, today=date(2025, 2, 3))
    assert reading.gross_due == reading.net_due == date(2025, 2, 28)
    assert reading.days_remaining == 25
    assert reading.amber_window_days == 14


def test_completion_is_due_six_months_after_the_decision() -> None:
    reading = read_clock(started_on=DECIDED, period=SIX_MONTHS, today=date(2025, 2, 1))
    assert reading.gross_due == reading.net_due == reading.forecast_completion == date(2025, 7, 15)
    assert reading.paused_days == 0
    assert reading.rag is Rag.GREEN
    assert reading.met_on_time is None


def test_ninety_day_pause_for_criminal_proceedings_moves_due_and_forecast_by_ninety_days() -> None:
    today = date(2025, 6, 10)
    trial = pause(date(2025, 3, 1), date(2025, 5, 30))
    unpaused = read_clock(started_on=DECIDED, period=SIX_MONTHS, today=today)
    paused = read_clock(started_on=DECIDED, period=SIX_MONTHS, pauses=[trial], today=today)

    assert paused.paused_days == 90
    assert paused.gross_due == unpaused.gross_due == date(2025, 7, 15)
    assert paused.net_due == date(2025, 10, 13)
    assert paused.net_due - unpaused.net_due == timedelta(days=90)
    assert paused.forecast_completion - unpaused.forecast_completion == timedelta(days=90)
    assert (paused.elapsed_gross_days, paused.elapsed_net_days) == (146, 56)
    assert not paused.is_paused
    assert (unpaused.rag, paused.rag) == (Rag.AMBER, Rag.GREEN)


def test_open_pause_pushes_the_forecast_one_day_for_each_day_it_lasts() -> None:
    trial = pause(date(2025, 3, 1), None)
    day_10 = read_clock(
        started_on=DECIDED, period=SIX_MONTHS, pauses=[trial], today=date(2025, 3, 11)
    )
    day_11 = read_clock(
        started_on=DECIDED, period=SIX_MONTHS, pauses=[trial], today=date(2025, 3, 12)
    )
    assert (day_10.paused_days, day_11.paused_days) == (10, 11)
    assert day_10.forecast_completion == date(2025, 7, 25)
    assert day_11.forecast_completion == date(2025, 7, 26)
    assert day_10.elapsed_net_days == day_11.elapsed_net_days == 45
    assert day_10.is_paused and day_10.rag is Rag.AMBER


def test_rag_boundaries_around_the_amber_window() -> None:
    due = date(2025, 7, 15)
    window = amber_window((due - DECIDED).days)
    assert window == 37  # 20% of 181 days, rounded up, beats the 14-day minimum

    def rag_on(today: date) -> Rag:
        return read_clock(started_on=DECIDED, period=SIX_MONTHS, today=today).rag

    assert rag_on(due - timedelta(days=window + 1)) is Rag.GREEN
    assert rag_on(due - timedelta(days=window)) is Rag.AMBER
    assert rag_on(due) is Rag.AMBER
    assert rag_on(due + timedelta(days=1)) is Rag.RED


def test_short_clocks_use_the_fourteen_day_minimum_and_window_is_configurable() -> None:
    assert amber_window(28) == 14
    reading = read_clock(
        started_on=DECIDED,
        period=SIX_MONTHS,
        today=date(2025, 6, 20),
        amber_window_days=7,
        amber_window_percent=0,
    )
    assert (reading.days_remaining, reading.amber_window_days, reading.rag) == (25, 7, Rag.GREEN)


def test_overdue_stays_red_while_paused() -> None:
    reading = read_clock(
        started_on=DECIDED,
        period=ONE_MONTH,
        pauses=[pause(date(2025, 3, 1), None)],
        today=date(2025, 3, 20),
    )
    assert reading.is_paused and reading.is_overdue and reading.rag is Rag.RED
    assert reading.days_remaining == -14


@pytest.mark.parametrize(
    ("completed_on", "met"),
    [(date(2025, 7, 1), True), (date(2025, 7, 15), True), (date(2025, 7, 16), False)],
)
def test_completion_records_whether_the_target_was_met(completed_on: date, met: bool) -> None:
    reading = read_clock(
        started_on=DECIDED, period=SIX_MONTHS, today=date(2025, 9, 1), completed_on=completed_on
    )
    assert reading.rag is Rag.COMPLETED
    assert reading.met_on_time is met
    assert reading.forecast_completion == completed_on
    assert reading.days_remaining == (date(2025, 7, 15) - completed_on).days


def test_pause_makes_a_late_looking_completion_on_time_and_stops_counting_at_completion() -> None:
    reading = read_clock(
        started_on=DECIDED,
        period=SIX_MONTHS,
        pauses=[pause(date(2025, 3, 1), None)],
        today=date(2025, 12, 1),
        completed_on=date(2025, 8, 1),
    )
    assert reading.paused_days == (date(2025, 8, 1) - date(2025, 3, 1)).days
    assert reading.met_on_time is True
    assert not reading.is_paused
    assert reading.elapsed_gross_days == (date(2025, 8, 1) - DECIDED).days


def test_reading_is_as_at_today() -> None:
    reading = read_clock(
        started_on=DECIDED,
        period=SIX_MONTHS,
        pauses=[pause(date(2025, 4, 1), date(2025, 5, 1))],
        today=date(2025, 3, 1),
        completed_on=date(2025, 6, 1),
    )
    assert reading.completed_on is None and reading.rag is Rag.GREEN
    assert reading.paused_days == 0 and not reading.is_paused


def test_reading_before_the_clock_starts_or_completion_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="starts on"):
        read_clock(started_on=DECIDED, period=SIX_MONTHS, today=date(2025, 1, 1))
    with pytest.raises(ValueError, match="completed before it starts"):
        read_clock(
            started_on=DECIDED,
            period=SIX_MONTHS,
            today=date(2025, 3, 1),
            completed_on=date(2025, 1, 1),
        )


# --- properties -----------------------------------------------------------------------------

dates = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 6, 30))
periods = st.builds(
    Period,
    amount=st.integers(min_value=1, max_value=24),
    unit=st.sampled_from(list(PeriodUnit)),
)


@st.composite
def clock_cases(draw: st.DrawFn) -> tuple[date, list[Pause], date]:
    """A start date, pauses on or after it (some open) and a reading date on or after it."""
    start = draw(dates)
    offsets = st.integers(min_value=0, max_value=600)
    pauses = []
    for _ in range(draw(st.integers(min_value=0, max_value=5))):
        begins = start + timedelta(days=draw(offsets))
        length = draw(st.none() | st.integers(min_value=0, max_value=300))
        ends = None if length is None else begins + timedelta(days=length)
        pauses.append(pause(begins, ends))
    today = start + timedelta(days=draw(st.integers(min_value=0, max_value=900)))
    return start, pauses, today


@given(case=clock_cases(), period=periods)
def test_net_due_is_never_before_gross_due(
    case: tuple[date, list[Pause], date], period: Period
) -> None:
    start, pauses, today = case
    reading = read_clock(started_on=start, period=period, pauses=pauses, today=today)
    assert reading.net_due >= reading.gross_due
    assert reading.net_due - reading.gross_due == timedelta(days=reading.paused_days)


@given(case=clock_cases(), period=periods)
def test_paused_days_never_exceed_elapsed_days(
    case: tuple[date, list[Pause], date], period: Period
) -> None:
    start, pauses, today = case
    reading = read_clock(started_on=start, period=period, pauses=pauses, today=today)
    assert 0 <= reading.paused_days <= reading.elapsed_gross_days
    assert reading.elapsed_net_days == reading.elapsed_gross_days - reading.paused_days


@given(case=clock_cases(), data=st.data())
def test_merging_is_order_independent_and_never_double_counts(
    case: tuple[date, list[Pause], date], data: st.DataObject
) -> None:
    _, pauses, today = case
    shuffled = data.draw(st.permutations(pauses))
    merged = merge_pauses(pauses, until=today)
    assert merge_pauses(shuffled, until=today) == merged
    assert paused_days(shuffled, until=today) == paused_days(pauses, until=today)
    covered = {
        p.started_on + timedelta(days=i)
        for p in pauses
        for i in range(((p.ended_on or today) - p.started_on).days)
        if p.started_on + timedelta(days=i) < today
    }
    assert paused_days(pauses, until=today) == len(covered)
    assert all(
        a_end < b_start for (_, a_end), (b_start, _) in zip(merged, merged[1:], strict=False)
    )


@given(start=dates, n=st.integers(min_value=1, max_value=40))
def test_add_working_days_lands_on_a_working_day(start: date, n: int) -> None:
    holidays = ENGLAND_AND_WALES_BANK_HOLIDAYS
    result = add_working_days(start, n, holidays)
    assert is_working_day(result, holidays)
    assert result.weekday() < 5 and result not in holidays
    between = [start + timedelta(days=i) for i in range(1, (result - start).days + 1)]
    assert sum(is_working_day(d, holidays) for d in between) == n


@given(start=dates, months=st.integers(min_value=-24, max_value=24))
def test_add_months_moves_whole_months_and_never_overshoots(start: date, months: int) -> None:
    result = add_months(start, months)
    assert (result.year * 12 + result.month) - (start.year * 12 + start.month) == months
    assert result.day <= start.day
    if start.day <= 28:
        assert result.day == start.day


@given(case=clock_cases())
def test_forecast_moves_one_day_per_day_while_paused(case: tuple[date, list[Pause], date]) -> None:
    start, pauses, today = case
    reading = read_clock(started_on=start, period=SIX_MONTHS, pauses=pauses, today=today)
    tomorrow = read_clock(
        started_on=start, period=SIX_MONTHS, pauses=pauses, today=today + timedelta(days=1)
    )
    step = (tomorrow.forecast_completion - reading.forecast_completion).days
    assert step == (1 if reading.is_paused else 0)
