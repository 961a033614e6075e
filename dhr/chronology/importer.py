"""Reading an agency's chronology file: plain Python over rows, no Django (tested without it).

The rules (issue 3 item 5; domain.md 4.4, R34):

- Every row is validated and every problem reported (row, column, message code); the caller
  saves nothing unless the whole file is clean (all-or-nothing).
- Dates are UK day-first. Accepted: ``14/03/2023``, ``14-03-2023``, ``14.03.2023``,
  ``3/4/2023`` (3 April), ``2023-03-14`` (ISO, year first), ``14 March 2023`` (day precision),
  ``March 2023`` (month precision), ``c. 2021``, ``approx 2021`` or ``approx March 2021``
  (approximate). A two-digit year (``03/04/23``) is refused as ambiguous: the century is a guess
  and spreadsheets write year-first dates that way too. We report, never guess.
- A date in the future, or wholly before the victim's date of birth, is refused.
- Files are streamed (openpyxl ``read_only=True``, ``csv.reader`` over a UTF-8 decoder) and
  stop at ``MAX_DATA_ROWS``, so a 50,000-row file is refused without reading it all.

Messages are codes with parameters; ``dhr.chronology.messages`` turns them into translated text.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import IO, Any

MAX_DATA_ROWS = 20_000
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ERRORS_KEPT = 1_000
MAX_TEXT = 10_000
MAX_SHORT_TEXT = 500
# Uncompressed size of all the parts of an XLSX: a zip bomb expands far beyond this.
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
GUIDANCE_MARKER = "guidance"


class ChronologyImportError(Exception):
    """The whole file was refused before any row was read (type, encoding, size, columns)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class CellError(ValueError):
    """One cell's value cannot be accepted. `code` names the message; `params` fill it in."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


# --- vocabularies (values are stored; the keys are what a person may type) -----------------


def _norm(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text.strip().lower())


CONTACT_TYPES: dict[str, str] = {
    "face to face": "face_to_face",
    "phone": "phone",
    "telephone": "phone",
    "phone call": "phone",
    "home visit": "home_visit",
    "appointment": "appointment",
    "letter": "letter",
    "referral": "referral",
    "assessment": "assessment",
    "other": "other",
}
PEOPLE: dict[str, str] = {
    "victim": "victim",
    "perpetrator": "perpetrator",
    "child": "child",
    "children": "child",
    "other": "other",
}
REFERRALS: dict[str, str] = {
    "marac": "marac",
    "mash": "mash",
    "idva": "idva",
    "safeguarding adults": "safeguarding_adults",
    "safeguarding children": "safeguarding_children",
    "other": "other",
}
YES = frozenset({"yes", "y", "true"})
NO = frozenset({"no", "n", "false"})

# (key, heading in the template). The order is the template's; files may order them freely.
COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "Date"),
    ("time", "Time"),
    ("source_reference", "Source record"),
    ("contact_type", "Contact type"),
    ("what_happened", "What happened"),
    ("people_involved", "People involved"),
    ("abuse_disclosed", "Abuse disclosed or observed"),
    ("risk_assessment", "Risk assessment"),
    ("referrals_made", "Referrals made"),
    ("action_taken", "Action taken"),
)
HEADINGS: dict[str, str] = {key: heading for key, heading in COLUMNS}
GUIDANCE: dict[str, str] = {
    "date": "GUIDANCE (delete this row): day first, e.g. 14/03/2023, March 2023 or c. 2021",
    "time": "24-hour, e.g. 09:30 (leave blank if not known)",
    "source_reference": "Your record reference, e.g. incident log 123/2023",
    "contact_type": "One of: face to face, phone, home visit, appointment, letter, referral, "
    "assessment, other",
    "what_happened": "What happened, in plain words",
    "people_involved": "One or more, separated by commas: victim, perpetrator, child, other",
    "abuse_disclosed": "Yes or No",
    "risk_assessment": "e.g. DASH: high risk (leave blank if none)",
    "referrals_made": "None, or one or more of: MARAC, MASH, IDVA, safeguarding adults, "
    "safeguarding children, other",
    "action_taken": "What your agency did",
}


# --- dates -----------------------------------------------------------------------------------

MONTHS: dict[str, int] = {}
for _number in range(1, 13):
    MONTHS[calendar.month_name[_number].lower()] = _number
    MONTHS[calendar.month_abbr[_number].lower()] = _number
MONTHS["sept"] = 9

DAY_FIRST = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d+)$")
YEAR_FIRST = re.compile(r"^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})$")
DAY_MONTH_NAME = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$")
MONTH_NAME = re.compile(r"^([a-z]+)\.?,?\s+(\d{4})$")
YEAR = re.compile(r"^(\d{4})$")
APPROXIMATE = re.compile(r"^(?:c\.?|ca\.?|circa|approx\.?|approximately|about|around)\s*(.+)$")


@dataclass(frozen=True)
class ParsedDate:
    """A date with its precision. `start`..`end` is the window the event falls in."""

    start: dt.date
    precision: str  # "day", "month" or "approximate" ("exact" is set when a time is given)

    @property
    def end(self) -> dt.date:
        return window_end(self.start, self.precision)


def window_end(start: dt.date, precision: str) -> dt.date:
    """The last day an event dated `start` with `precision` may have happened on.

    Month precision covers the month; approximate covers the whole year, because "c. 2021"
    and "approx March 2021" are both guesses a panel should not read as exact.
    """
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "approximate":
        return dt.date(start.year, 12, 31)
    return start


def _make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise CellError("date_invalid") from error


def _month(name: str) -> int:
    number = MONTHS.get(name)
    if number is None:
        raise CellError("date_unrecognised")
    return number


def _check_year(year: int) -> int:
    if year < 1900:
        raise CellError("date_invalid")
    return year


def parse_date(value: object) -> ParsedDate:
    """Parse a chronology date, UK day-first. Raises CellError, and nothing else."""
    if isinstance(value, dt.datetime):
        return ParsedDate(value.date(), "day")
    if isinstance(value, dt.date):
        return ParsedDate(value, "day")
    text = re.sub(r"\s+", " ", str(value if value is not None else "")).strip().lower()
    if not text:
        raise CellError("required")
    approximate = APPROXIMATE.match(text)
    if approximate:
        inner = approximate.group(1).strip()
        if match := YEAR.match(inner):
            return ParsedDate(dt.date(_check_year(int(match.group(1))), 1, 1), "approximate")
        if match := MONTH_NAME.match(inner):
            month = _month(match.group(1))
            year = _check_year(int(match.group(2)))
            return ParsedDate(dt.date(year, month, 1), "approximate")
        raise CellError("date_unrecognised")
    if match := DAY_FIRST.match(text):
        day_text, month_text, year_text = match.groups()
        if len(year_text) != 4:
            raise CellError("date_ambiguous")
        year = _check_year(int(year_text))
        return ParsedDate(_make_date(year, int(month_text), int(day_text)), "day")
    if match := YEAR_FIRST.match(text):
        year_number, month_number, day_number = (int(part) for part in match.groups())
        return ParsedDate(_make_date(_check_year(year_number), month_number, day_number), "day")
    if match := DAY_MONTH_NAME.match(text):
        day_text, name, year_text = match.groups()
        year = _check_year(int(year_text))
        return ParsedDate(_make_date(year, _month(name), int(day_text)), "day")
    if match := MONTH_NAME.match(text):
        year = _check_year(int(match.group(2)))
        return ParsedDate(dt.date(year, _month(match.group(1)), 1), "month")
    if YEAR.match(text):
        # A bare year is a guess: ask the agency to say so ("c. 2021") rather than assume.
        raise CellError("date_year_only", year=text)
    raise CellError("date_unrecognised")


TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")


def parse_time(value: object) -> dt.time | None:
    """A 24-hour time, or None when blank. Raises CellError, and nothing else."""
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    text = str(value if value is not None else "").strip()
    if not text:
        return None
    match = TIME.match(text)
    if not match:
        raise CellError("time_invalid")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise CellError("time_invalid")
    return dt.time(hour, minute)


# --- other cells -------------------------------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_choice(value: object, vocabulary: dict[str, str]) -> str:
    text = _norm(_text(value))
    if not text:
        raise CellError("required")
    if text not in vocabulary:
        raise CellError("choice_unknown", value=_text(value)[:40])
    return vocabulary[text]


def parse_multi(value: object, vocabulary: dict[str, str], *, required: bool) -> list[str]:
    text = _text(value)
    parts = [_norm(part) for part in re.split(r"[,;\n]", text) if part.strip()]
    if parts in ([], ["none"]):
        if required:
            raise CellError("required")
        return []
    chosen: list[str] = []
    for part in parts:
        if part not in vocabulary:
            raise CellError("choice_unknown", value=part[:40])
        if vocabulary[part] not in chosen:
            chosen.append(vocabulary[part])
    return chosen


def parse_yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in YES:
        return True
    if text in NO:
        return False
    if not text:
        raise CellError("required")
    raise CellError("yes_no")


def parse_text(value: object, *, required: bool, limit: int) -> str:
    text = _text(value)
    if required and not text:
        raise CellError("required")
    if len(text) > limit:
        raise CellError("too_long", limit=limit)
    return text


# --- rows ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One problem to show on the error page: row 0 means the file as a whole."""

    row: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedEntry:
    row_number: int
    occurred_on: dt.date
    occurred_time: dt.time | None
    date_precision: str
    source_reference: str
    contact_type: str
    what_happened: str
    people_involved: list[str]
    abuse_disclosed: bool
    risk_assessment: str
    referrals_made: list[str]
    action_taken: str


@dataclass
class ImportResult:
    entries: list[ParsedEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    problem_count: int = 0

    @property
    def ok(self) -> bool:
        return self.problem_count == 0

    def add(self, problem: Problem) -> None:
        self.problem_count += 1
        if len(self.problems) < MAX_ERRORS_KEPT:
            self.problems.append(problem)


def check_dates(parsed: ParsedDate, *, today: dt.date, victim_born_on: dt.date | None) -> None:
    """Refuse a date in the future, or one whose whole window is before the victim's birth."""
    if parsed.start > today:
        raise CellError("date_future")
    if victim_born_on is not None and parsed.end < victim_born_on:
        raise CellError("date_before_birth")


def header_map(header: Sequence[object]) -> dict[str, int]:
    """Column key -> position. Raises ChronologyImportError naming missing or unknown columns."""
    by_heading = {_norm(heading): key for key, heading in COLUMNS}
    positions: dict[str, int] = {}
    unknown: list[str] = []
    for position, cell in enumerate(header):
        text = _text(cell)
        if not text:
            continue
        key = by_heading.get(_norm(text))
        if key is None or key in positions:
            unknown.append(text[:40])
        else:
            positions[key] = position
    missing = [HEADINGS[key] for key, _heading in COLUMNS if key not in positions]
    if missing or unknown:
        raise ChronologyImportError(
            "columns", missing=", ".join(missing), unknown=", ".join(unknown)
        )
    return positions


def _is_blank(row: Sequence[object]) -> bool:
    return all(_text(cell) == "" for cell in row)


def parse_rows(
    rows: Iterable[Sequence[object]], *, today: dt.date, victim_born_on: dt.date | None = None
) -> ImportResult:
    """Validate every row (the first is the header). Never raises for a bad cell."""
    iterator = iter(rows)
    try:
        header = next(iterator)
    except StopIteration:
        raise ChronologyImportError("empty") from None
    positions = header_map(header)
    result = ImportResult()
    data_rows = 0
    for row_number, row in enumerate(iterator, start=2):
        if _is_blank(row):
            continue
        first = _text(row[positions["date"]]) if positions["date"] < len(row) else ""
        if first.lower().startswith(GUIDANCE_MARKER):
            continue
        data_rows += 1
        if data_rows > MAX_DATA_ROWS:
            raise ChronologyImportError("too_many_rows", limit=MAX_DATA_ROWS)
        entry = parse_row(row, positions, row_number, result, today, victim_born_on)
        if entry is not None and result.ok:
            result.entries.append(entry)
    if data_rows == 0:
        raise ChronologyImportError("no_rows")
    if not result.ok:
        result.entries.clear()
    return result


PARSERS: dict[str, Any] = {
    "date": parse_date,
    "time": parse_time,
    "source_reference": lambda v: parse_text(v, required=False, limit=200),
    "contact_type": lambda v: parse_choice(v, CONTACT_TYPES),
    "what_happened": lambda v: parse_text(v, required=True, limit=MAX_TEXT),
    "people_involved": lambda v: parse_multi(v, PEOPLE, required=True),
    "abuse_disclosed": parse_yes_no,
    "risk_assessment": lambda v: parse_text(v, required=False, limit=MAX_SHORT_TEXT),
    "referrals_made": lambda v: parse_multi(v, REFERRALS, required=False),
    "action_taken": lambda v: parse_text(v, required=False, limit=MAX_TEXT),
}


def parse_row(
    row: Sequence[object],
    positions: dict[str, int],
    row_number: int,
    result: ImportResult,
    today: dt.date,
    victim_born_on: dt.date | None,
) -> ParsedEntry | None:
    def cell(key: str) -> object:
        position = positions[key]
        return row[position] if position < len(row) else None

    values: dict[str, Any] = {}
    parsers = PARSERS
    failed = False
    for key, parser in parsers.items():
        try:
            values[key] = parser(cell(key))
            if key == "date":
                check_dates(values[key], today=today, victim_born_on=victim_born_on)
        except CellError as error:
            failed = True
            result.add(Problem(row_number, HEADINGS[key], error.code, error.params))
    if failed:
        return None
    parsed_date: ParsedDate = values["date"]
    occurred_time = values["time"]
    precision = parsed_date.precision
    if occurred_time is not None and precision == "day":
        precision = "exact"
    return ParsedEntry(
        row_number=row_number,
        occurred_on=parsed_date.start,
        occurred_time=occurred_time if precision == "exact" else None,
        date_precision=precision,
        source_reference=values["source_reference"],
        contact_type=values["contact_type"],
        what_happened=values["what_happened"],
        people_involved=values["people_involved"],
        abuse_disclosed=values["abuse_disclosed"],
        risk_assessment=values["risk_assessment"],
        referrals_made=values["referrals_made"],
        action_taken=values["action_taken"],
    )


# --- files -----------------------------------------------------------------------------------

ZIP_SIGNATURE = b"PK\x03\x04"


def check_xlsx_container(stream: IO[bytes]) -> None:
    """An XLSX is a zip: refuse other content, macro-enabled workbooks and zip bombs."""
    stream.seek(0)
    if stream.read(4) != ZIP_SIGNATURE:
        raise ChronologyImportError("xlsx_unreadable")
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise ChronologyImportError("xlsx_unreadable") from error
    finally:
        stream.seek(0)
    if "xl/workbook.xml" not in names:
        raise ChronologyImportError("xlsx_unreadable")
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise ChronologyImportError("macros")
    if total > MAX_XLSX_UNCOMPRESSED:
        raise ChronologyImportError("too_large_uncompressed")


def xlsx_rows(stream: IO[bytes]) -> Iterator[Sequence[object]]:
    """Rows of the first worksheet, streamed. Any failure of openpyxl becomes one clear error."""
    from openpyxl import load_workbook

    check_xlsx_container(stream)
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        raise ChronologyImportError("xlsx_unreadable") from error
    try:
        sheet = workbook.worksheets[0]
        yield from sheet.iter_rows(values_only=True)
    except ChronologyImportError:
        raise
    except Exception as error:  # a truncated part is only found while reading it
        raise ChronologyImportError("xlsx_unreadable") from error
    finally:
        workbook.close()


def csv_rows(stream: IO[bytes]) -> Iterator[Sequence[object]]:
    """Rows of a UTF-8 CSV (a byte-order mark is allowed), decoded as they are read."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    line = 0
    try:
        for line, row in enumerate(csv.reader(text), start=1):  # noqa: B007
            yield row
    except UnicodeDecodeError as error:
        raise ChronologyImportError("csv_encoding", row=line + 1) from error
    except csv.Error as error:
        raise ChronologyImportError("csv_malformed", row=line + 1) from error
    finally:
        text.detach()


def rows_for(name: str, stream: IO[bytes]) -> Iterator[Sequence[object]]:
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        return xlsx_rows(stream)
    if lowered.endswith(".csv"):
        return csv_rows(stream)
    raise ChronologyImportError("file_type")


def parse_file(
    name: str,
    stream: IO[bytes],
    *,
    today: dt.date,
    victim_born_on: dt.date | None = None,
) -> ImportResult:
    """Validate a whole chronology file. Raises ChronologyImportError for whole-file problems."""
    return parse_rows(rows_for(name, stream), today=today, victim_born_on=victim_born_on)


def parse_iso_date(text: str) -> dt.date | None:
    """The victim's stored date of birth (an ISO string, possibly blank or malformed)."""
    try:
        return dt.date.fromisoformat(text.strip()) if text and text.strip() else None
    except ValueError:
        return None
