"""A minimal iCalendar (RFC 5545) writer for the personal calendar feed. Plain Python.

Written by hand because the feed needs only VEVENTs with a handful of properties, and every
property must be under our control (nothing from the case beyond what the caller passes in):

- lines end with CRLF (3.1) and are folded so no line is longer than 75 octets, never
  splitting a UTF-8 character, continuation lines starting with one space (3.1);
- TEXT values escape backslash, semicolon, comma and newlines (3.3.11);
- timed events are written in UTC ("Z" form, 3.3.5); deadlines are all-day DATE events;
- every VEVENT has UID and DTSTAMP (3.6.1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

PRODUCT_ID = "-//DHR Manager//Panel calendar//EN"
MAX_OCTETS = 75


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    summary: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    location: str = ""
    description: str = ""


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line into chunks of at most 75 octets, joined by CRLF + space."""
    chunks: list[str] = []
    current = ""
    current_octets = 0
    limit = MAX_OCTETS
    for char in line:
        size = len(char.encode("utf-8"))
        if current_octets + size > limit:
            chunks.append(current)
            current, current_octets = "", 0
            limit = MAX_OCTETS - 1  # continuation lines start with a space
        current += char
        current_octets += size
    chunks.append(current)
    return "\r\n ".join(chunks)


def _utc(value: dt.datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("calendar times must be timezone-aware")
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name: str, value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return f"{name}:{_utc(value)}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def render_calendar(events: Iterable[CalendarEvent], *, name: str, stamp: dt.datetime) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{_utc(stamp)}",
            _when("DTSTART", event.start),
            _when("DTEND", event.end),
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.location:
            lines.append(f"LOCATION:{escape_text(event.location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines.append(
            "TRANSP:OPAQUE" if isinstance(event.start, dt.datetime) else "TRANSP:TRANSPARENT"
        )
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
