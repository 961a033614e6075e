"""The hand-written iCalendar output is valid RFC 5545 (no Django needed)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dhr.panel.ics import CalendarEvent, escape_text, fold, render_calendar

STAMP = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def unfold(data: bytes) -> list[str]:
    """A tiny RFC 5545 reader: checks CRLF and octet limits, then unfolds content lines."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert all("\n" not in line and "\r" not in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, index = "", 0
    while index < len(value):
        char = value[index]
        if char == "\\":
            nxt = value[index + 1]
            out += "\n" if nxt in "nN" else nxt
            index += 2
        else:
            out += char
            index += 1
    return out


def parse(data: bytes) -> list[dict[str, str]]:
    lines = unfold(data)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(line.startswith("PRODID:") for line in lines)
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in lines[1:-1]:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    assert current is None
    return events


def test_a_timed_event_is_written_in_utc_with_uid_and_stamp() -> None:
    london = dt.timezone(dt.timedelta(hours=1))
    event = CalendarEvent(
        uid="meeting-1@dhr-manager",
        summary="DHR-WSF-2026-0001: Panel meeting",
        start=dt.datetime(2026, 6, 1, 10, 0, tzinfo=london),
        end=dt.datetime(2026, 6, 1, 12, 0, tzinfo=london),
        location="Room 2, Civic Centre; Westshire",
    )
    [parsed] = parse(render_calendar([event], name="DHR Manager", stamp=STAMP))
    assert parsed["UID"] == "meeting-1@dhr-manager"
    assert parsed["DTSTAMP"] == "20260301T090000Z"
    assert parsed["DTSTART"] == "20260601T090000Z"
    assert parsed["DTEND"] == "20260601T110000Z"
    assert parsed["LOCATION"] == "Room 2\\, Civic Centre\\; Westshire"
    assert unescape(parsed["LOCATION"]) == "Room 2, Civic Centre; Westshire"


def test_a_deadline_is_an_all_day_date_event() -> None:
    event = CalendarEvent(
        uid="deadline-1@dhr-manager",
        summary="DHR-WSF-2026-0001: Decision due",
        start=dt.date(2026, 4, 2),
        end=dt.date(2026, 4, 3),
    )
    [parsed] = parse(render_calendar([event], name="x", stamp=STAMP))
    assert parsed["DTSTART;VALUE=DATE"] == "20260402"
    assert "LOCATION" not in parsed


def test_naive_times_are_refused() -> None:
    event = CalendarEvent(
        uid="u", summary="s", start=dt.datetime(2026, 1, 1, 9), end=dt.datetime(2026, 1, 1, 10)
    )
    try:
        render_calendar([event], name="x", stamp=STAMP)
    except ValueError:
        return
    raise AssertionError("a naive datetime was written as if it were UTC")


def test_escaping_covers_backslash_semicolon_comma_and_newlines() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    line = "SUMMARY:" + "é" * 100
    folded = fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert "".join([parts[0], *(p[1:] for p in parts[1:])]) == line


@given(st.text(min_size=0, max_size=300))
def test_any_summary_round_trips(summary: str) -> None:
    event = CalendarEvent(
        uid="u@x", summary=summary, start=dt.date(2026, 1, 1), end=dt.date(2026, 1, 2)
    )
    [parsed] = parse(render_calendar([event], name="n", stamp=STAMP))
    expected = summary.replace("\r\n", "\n").replace("\r", "\n")
    assert unescape(parsed["SUMMARY"]) == expected
