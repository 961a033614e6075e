"""Chronology fixtures: files in the template's format, and entries already saved."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from dhr.chronology.importer import COLUMNS, ParsedEntry
from dhr.chronology.services import submission_import

HEADER = [heading for _key, heading in COLUMNS]


def chronology_row(**overrides: object) -> list[object]:
    values: dict[str, object] = {
        "date": "14/03/2023",
        "time": "",
        "source_reference": "LOG 1",
        "contact_type": "Phone",
        "what_happened": "Victim phoned about threats",
        "people_involved": "victim",
        "abuse_disclosed": "Yes",
        "risk_assessment": "DASH: medium",
        "referrals_made": "none",
        "action_taken": "Advice given",
    }
    values.update(overrides)
    return [values[key] for key, _heading in COLUMNS]


@pytest.fixture
def csv_upload() -> Callable[..., SimpleUploadedFile]:
    def make(rows: list[list[object]], name: str = "chronology.csv") -> SimpleUploadedFile:
        import csv

        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADER)
        writer.writerows(rows)
        return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8"), "text/csv")

    return make


def parsed(day: dt.date, **overrides: Any) -> ParsedEntry:
    values: dict[str, Any] = {
        "row_number": 2,
        "occurred_on": day,
        "occurred_time": None,
        "date_precision": "day",
        "source_reference": "",
        "contact_type": "phone",
        "what_happened": "Victim phoned about threats",
        "people_involved": ["victim"],
        "abuse_disclosed": True,
        "risk_assessment": "",
        "referrals_made": [],
        "action_taken": "",
    }
    values.update(overrides)
    return ParsedEntry(**values)


@pytest.fixture
def two_agency_chronology(
    review: Any, contributor_a: Any, contributor_b: Any, agency_a: Any, agency_b: Any
) -> dict[str, Any]:
    """Police and NHS entries: one event told by both (13/03/2023) and a 200-day gap."""
    police = submission_import(
        actor=contributor_a,
        review=review,
        agency=agency_a,
        entries=[
            parsed(dt.date(2023, 1, 2), contact_type="home_visit", what_happened="Welfare visit"),
            parsed(dt.date(2023, 3, 13), what_happened="Called after a 999 call"),
        ],
    )
    nhs = submission_import(
        actor=contributor_b,
        review=review,
        agency=agency_b,
        entries=[
            parsed(dt.date(2023, 3, 13), what_happened="A&E attendance after assault"),
            parsed(
                dt.date(2023, 9, 29),
                contact_type="appointment",
                people_involved=["perpetrator"],
                what_happened="GP appointment",
            ),
        ],
    )
    return {"police": police, "nhs": nhs}
