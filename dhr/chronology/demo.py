"""Demo chronologies on DHR-WSF-2024-006 (information gathering). Safe to run again.

What it shows: the police and the NHS trust have each submitted a chronology through the
service's own import path; the police re-uploaded once (version 1 kept, superseded); one
event is told by both agencies (a near-duplicate) and there is a long gap in contact. The
chair can share the combined chronology with the panel. All text is fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dhr.accounts.models import Organisation, User
from dhr.chronology.importer import ParsedEntry
from dhr.chronology.models import ChronologySubmission
from dhr.chronology.services import submission_import
from dhr.demo import data
from dhr.reviews.models import Review

REFERENCE = "DHR-WSF-2024-006"


def _org(key: str) -> Organisation | None:
    name = next(spec.name for spec in data.ORGANISATIONS if spec.key == key)
    return Organisation.objects.filter(name=name).first()


def _user(key: str) -> User | None:
    return User.objects.filter(email=f"{key}@{data.DEMO_EMAIL_DOMAIN}").first()


def _entry(row: int, day: dt.date, contact_type: str, text: str, **extra: Any) -> ParsedEntry:
    values: dict[str, Any] = {
        "row_number": row,
        "occurred_on": day,
        "occurred_time": None,
        "date_precision": "day",
        "source_reference": f"DEMO-{row:03d}",
        "contact_type": contact_type,
        "what_happened": text,
        "people_involved": ["victim"],
        "abuse_disclosed": False,
        "risk_assessment": "",
        "referrals_made": [],
        "action_taken": "",
    }
    values.update(extra)
    return ParsedEntry(**values)


def _police(first: dt.date) -> list[ParsedEntry]:
    return [
        _entry(2, first, "phone", "999 call from a neighbour reporting shouting (fictional)."),
        _entry(
            3,
            first + dt.timedelta(days=20),
            "home_visit",
            "Officers attended after a 999 call; the victim had a cut to the lip (fictional).",
            people_involved=["victim", "perpetrator"],
            abuse_disclosed=True,
            risk_assessment="DASH: medium risk",
            referrals_made=["idva"],
            action_taken="Perpetrator arrested; released under investigation.",
        ),
        # Months of silence follow: the long gap the panel should notice.
        _entry(
            4,
            first + dt.timedelta(days=230),
            "face_to_face",
            "Victim came to the front counter asking about a non-molestation order (fictional).",
            abuse_disclosed=True,
            action_taken="Signposted to the domestic abuse service.",
        ),
    ]


def _nhs(first: dt.date) -> list[ParsedEntry]:
    return [
        _entry(
            2,
            first + dt.timedelta(days=20),
            "assessment",
            "Ambulance crew: officers attended after a 999 call; the victim had a cut to the lip "
            "(fictional).",
            abuse_disclosed=True,
            action_taken="Wound closed; routine enquiry not recorded.",
        ),
        _entry(
            3,
            first + dt.timedelta(days=60),
            "appointment",
            "Missed maternity appointment; not followed up (fictional).",
        ),
    ]


def seed(*, stdout: Any) -> None:
    review = Review.objects.filter(reference=REFERENCE).first()
    police, nhs = _org("police"), _org("nhs")
    police_user, health_user = _user("police"), _user("health")
    if review is None or police is None or nhs is None or police_user is None or not health_user:
        return
    if ChronologySubmission.objects.filter(review=review).exists():
        return
    first = review.came_to_attention_on - dt.timedelta(days=700)
    # Version 1 (with one entry the police later corrected), then version 2 replaces it.
    submission_import(actor=police_user, review=review, agency=police, entries=_police(first)[:2])
    submission_import(actor=police_user, review=review, agency=police, entries=_police(first))
    submission_import(actor=health_user, review=review, agency=nhs, entries=_nhs(first))
    stdout.write(f"  chronologies: police (2 versions) and NHS trust on {REFERENCE}")
