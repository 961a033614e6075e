"""The importer's parsing core: plain Python, tested without Django (and with hypothesis)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dhr.chronology import importer
from dhr.chronology.importer import CellError, ChronologyImportError, parse_date, parse_time
from dhr.chronology.messages import MESSAGES

TODAY = dt.date(2026, 11, 23)
HEADER: list[object] = [heading for _key, heading in importer.COLUMNS]


def row(**overrides: object) -> list[object]:
    values: dict[str, object] = {
        "date": "14/03/2023",
        "time": "",
        "source_reference": "LOG 1",
        "contact_type": "Phone",
        "what_happened": "Called about a noise complaint",
        "people_involved": "victim, perpetrator",
        "abuse_disclosed": "No",
        "risk_assessment": "",
        "referrals_made": "none",
        "action_taken": "",
    }
    values.update(overrides)
    return [values[key] for key, _heading in importer.COLUMNS]


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("14/03/2023", dt.date(2023, 3, 14), "day"),
        ("14-03-2023", dt.date(2023, 3, 14), "day"),
        ("2023-03-14", dt.date(2023, 3, 14), "day"),
        ("3/4/2023", dt.date(2023, 4, 3), "day"),  # UK day first: 3 April
        ("14 March 2023", dt.date(2023, 3, 14), "day"),
        ("March 2023", dt.date(2023, 3, 1), "month"),
        ("Mar 2023", dt.date(2023, 3, 1), "month"),
        ("c. 2021", dt.date(2021, 1, 1), "approximate"),
        ("approx 2021", dt.date(2021, 1, 1), "approximate"),
        ("approx March 2021", dt.date(2021, 3, 1), "approximate"),
    ],
)
def test_accepted_dates(text: str, expected: dt.date, precision: str) -> None:
    parsed = parse_date(text)
    assert (parsed.start, parsed.precision) == (expected, precision)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("03/04/23", "date_ambiguous"),
        ("31/02/2023", "date_invalid"),
        ("2021", "date_year_only"),
        ("Smarch 2021", "date_unrecognised"),
        ("yesterday", "date_unrecognised"),
        ("", "required"),
    ],
)
def test_refused_dates_say_why(text: str, code: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert caught.value.code == code


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_day_first_round_trips(day: dt.date) -> None:
    for text in (day.strftime("%d/%m/%Y"), day.strftime("%d-%m-%Y"), day.isoformat()):
        assert parse_date(text).start == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}").start == day


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), st.booleans()))
def test_junk_dates_raise_only_cell_error(value: object) -> None:
    try:
        parsed = parse_date(value)
    except CellError as error:
        assert error.code in MESSAGES  # every refusal has a sentence to show
    else:
        assert parsed.start <= parsed.end


@given(st.one_of(st.text(max_size=20), st.integers(), st.none()))
def test_junk_times_raise_only_cell_error(value: object) -> None:
    try:
        parsed = parse_time(value)
    except CellError as error:
        assert error.code in MESSAGES
    else:
        assert parsed is None or isinstance(parsed, dt.time)


@given(st.lists(st.lists(st.one_of(st.text(max_size=20), st.none()), max_size=12), max_size=6))
def test_junk_rows_never_raise_anything_unexpected(rows: list[list[object]]) -> None:
    try:
        result = importer.parse_rows([HEADER, *rows], today=TODAY)
    except ChronologyImportError as error:
        assert error.code in MESSAGES
        return
    assert all(problem.code in MESSAGES for problem in result.problems)
    assert result.ok == (result.problem_count == 0)
    assert not result.entries or result.ok


def test_future_and_before_birth_are_refused() -> None:
    result = importer.parse_rows(
        [HEADER, row(date="01/01/2030"), row(date="01/01/1990"), row(date="c. 1999")],
        today=TODAY,
        victim_born_on=dt.date(1999, 6, 1),
    )
    codes = [(p.row, p.code) for p in result.problems]
    # c. 1999 may be after the birth in June 1999: an approximate year is not refused.
    assert codes == [(2, "date_future"), (3, "date_before_birth")]
    assert result.entries == []


def test_every_row_is_checked_and_nothing_is_kept_if_one_fails() -> None:
    result = importer.parse_rows(
        [HEADER, row(), row(contact_type="carrier pigeon", abuse_disclosed="maybe"), row()],
        today=TODAY,
    )
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [
        (3, "Contact type"),
        (3, "Abuse disclosed or observed"),
    ]
    assert result.entries == []


def test_a_valid_file_parses_every_row_with_precision() -> None:
    result = importer.parse_rows(
        [HEADER, row(time="09:30"), row(date="March 2022", referrals_made="MARAC; IDVA")],
        today=TODAY,
    )
    assert result.ok
    first, second = result.entries
    assert (first.date_precision, first.occurred_time) == ("exact", dt.time(9, 30))
    assert (second.date_precision, second.referrals_made) == ("month", ["marac", "idva"])


def test_guidance_and_blank_rows_are_skipped() -> None:
    guidance = [importer.GUIDANCE[key] for key, _heading in importer.COLUMNS]
    result = importer.parse_rows([HEADER, guidance, [None] * 10, row()], today=TODAY)
    assert result.ok and len(result.entries) == 1


def test_wrong_columns_are_named() -> None:
    header = [h for h in HEADER if h != "Contact type"] + ["Colour"]
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_rows([header, row()], today=TODAY)
    assert caught.value.code == "columns"
    assert caught.value.params == {"missing": "Contact type", "unknown": "Colour"}


def test_too_many_rows_is_refused_without_reading_them_all() -> None:
    def rows() -> Any:
        yield HEADER
        for _ in range(importer.MAX_DATA_ROWS + 1):
            yield row()
        raise AssertionError("read past the limit")

    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_rows(rows(), today=TODAY)
    assert caught.value.code == "too_many_rows"


def _csv(rows: list[list[object]], encoding: str = "utf-8") -> io.BytesIO:
    text = "\n".join(",".join(f'"{cell}"' for cell in r) for r in rows)
    return io.BytesIO(text.encode(encoding))


def test_csv_in_utf8_with_a_bom_is_read() -> None:
    stream = io.BytesIO(b"\xef\xbb\xbf" + _csv([HEADER, row(what_happened="Café visit")]).read())
    result = importer.parse_file("c.csv", stream, today=TODAY)
    assert result.entries[0].what_happened == "Café visit"


def test_csv_in_another_encoding_is_reported() -> None:
    stream = _csv([HEADER, row(what_happened="Caf\u00e9 visit")], encoding="cp1252")
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_file("c.csv", stream, today=TODAY)
    assert caught.value.code == "csv_encoding"


def _xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for r in rows:
        sheet.append(r)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_is_read_including_real_dates() -> None:
    content = _xlsx([HEADER, row(date=dt.datetime(2023, 3, 14), time=dt.time(14, 5))])
    result = importer.parse_file("c.xlsx", io.BytesIO(content), today=TODAY)
    assert result.ok
    assert result.entries[0].occurred_on == dt.date(2023, 3, 14)
    assert result.entries[0].occurred_time == dt.time(14, 5)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.7 not a workbook", b"PK\x03\x04truncated", b""],
    ids=["renamed-pdf", "truncated-zip", "empty"],
)
def test_damaged_xlsx_gets_one_clear_error(content: bytes) -> None:
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_file("c.xlsx", io.BytesIO(content), today=TODAY)
    assert caught.value.code == "xlsx_unreadable"


def test_truncated_real_xlsx_gets_one_clear_error() -> None:
    content = _xlsx([HEADER, *[row() for _ in range(200)]])
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_file("c.xlsx", io.BytesIO(content[: len(content) // 2]), today=TODAY)
    assert caught.value.code == "xlsx_unreadable"


def test_macro_enabled_workbook_is_refused() -> None:
    import zipfile

    buffer = io.BytesIO(_xlsx([HEADER, row()]))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_file("c.xlsx", io.BytesIO(buffer.getvalue()), today=TODAY)
    assert caught.value.code == "macros"


def test_other_file_types_are_refused() -> None:
    with pytest.raises(ChronologyImportError) as caught:
        importer.parse_file("c.pdf", io.BytesIO(b"%PDF"), today=TODAY)
    assert caught.value.code == "file_type"
