"""Demo panel records for `seed_demo`: a roster, agencies considered, meetings and agreed ToR.

Added to the Westshire demo reviews at information gathering and later. Idempotent: a review
that already has a panel is left alone. Everything here is fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from dhr.accounts.models import Organisation, User
from dhr.demo import data
from dhr.panel.models import (
    AgencyConsidered,
    MeetingAction,
    MeetingAttendance,
    MeetingStatus,
    PanelMeeting,
    PanelMember,
    PanelRole,
    TermsOfReference,
    TermsQuestion,
    TermsVersion,
)
from dhr.reviews.choices import ReviewState
from dhr.reviews.lifecycle import stage_index
from dhr.reviews.models import AgencyInScope, Review

S = ReviewState

INCLUDED = (
    ("Westshire Police", "Attended three domestic incidents in the review period (fictional)."),
    ("Westshire NHS Foundation Trust", "Emergency department attendances (fictional)."),
    ("Westshire County Council", "Adult social care assessment (fictional)."),
)
EXCLUDED = (("Westshire Homes", "Checked its records: no tenancy or contact with either person."),)
SEATS = (
    # (name, role, agency name or "", seniority, linked demo account key or "")
    ("Indira Independent", PanelRole.INDEPENDENT_CHAIR, "", "Independent chair",
     "independent-chair"),
    ("DCI Morgan Example", PanelRole.AGENCY_REPRESENTATIVE, "Westshire Police",
     "Detective Chief Inspector, public protection", ""),
    ("Dr Sam Placeholder", PanelRole.AGENCY_REPRESENTATIVE, "Westshire NHS Foundation Trust",
     "Associate director of safeguarding", ""),
    ("Robin Panel", PanelRole.AGENCY_REPRESENTATIVE, "Westshire County Council",
     "Head of adult social care", "review-panel"),
    ("Jordan Specimen", PanelRole.DOMESTIC_ABUSE_SPECIALIST, "Westshire Domestic Abuse Service",
     "Service manager", ""),
)  # fmt: skip


def _user(key: str) -> User | None:
    if not key:
        return None
    return User.objects.filter(email=f"{key}@{data.DEMO_EMAIL_DOMAIN}").first()


def _seed_review(review: Review, agencies: dict[str, Organisation], today: dt.date) -> None:
    for name, reason in INCLUDED:
        agency = agencies.get(name)
        if agency is None:
            continue
        AgencyInScope.objects.get_or_create(
            review=review, agency=agency, defaults={"reason": reason}
        )
        AgencyConsidered.objects.create(review=review, agency=agency, included=True, reason=reason)
    for name, reason in EXCLUDED:
        if name in agencies:
            AgencyConsidered.objects.create(
                review=review, agency=agencies[name], included=False, reason=reason
            )
    seats = []
    for index, (name, role, agency_name, seniority, user_key) in enumerate(SEATS):
        # One declaration is left outstanding so the demo shows the flag.
        declared = index != 2
        seats.append(
            PanelMember.objects.create(
                review=review,
                user=_user(user_key),
                name=name,
                role=role,
                agency=agencies.get(agency_name),
                seniority=seniority,
                declared_independent=declared,
                declared_on=today - dt.timedelta(days=40) if declared else None,
            )
        )
    ten_am = dt.time(10, 0)
    held_on = today - dt.timedelta(days=30)
    held = PanelMeeting.objects.create(
        review=review,
        starts_at=timezone.make_aware(dt.datetime.combine(held_on, ten_am)),
        online=True,
        agenda="1. Introductions and independence\n2. Terms of reference\n3. IMR timetable",
        status=MeetingStatus.HELD,
        minutes="The panel agreed the terms of reference and the IMR timetable (fictional).",
        decisions="Terms of reference agreed. IMRs requested from three agencies.",
    )
    for seat in seats:
        MeetingAttendance.objects.create(
            meeting=held, member=seat, status="apologies" if seat is seats[2] else "attended"
        )
    MeetingAction.objects.create(
        meeting=held,
        description="Send IMR requests to the agencies in scope.",
        owner=seats[0],
        due_on=held_on + dt.timedelta(days=7),
        status="done",
    )
    MeetingAction.objects.create(
        meeting=held,
        description="Contact the family about the terms of reference.",
        owner=seats[0],
        due_on=today + dt.timedelta(days=10),
    )
    PanelMeeting.objects.create(
        review=review,
        starts_at=timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=14), ten_am)),
        location="Westshire Civic Centre, Committee Room 2",
        agenda="1. IMR returns\n2. Combined chronology\n3. Family contact",
    )
    terms = TermsOfReference.objects.create(review=review)
    version = TermsVersion.objects.create(
        terms=terms,
        number=1,
        period_start=today.replace(year=today.year - 5, month=1, day=1),
        period_end=today - dt.timedelta(days=60),
        agencies=[{"agency": name, "reason": reason} for name, reason in INCLUDED],
        lines_of_enquiry=[
            "How did agencies recognise and respond to coercive and controlling behaviour?",
            "Was economic abuse identified?",
            "Were risk assessments (DASH) completed and shared, and referrals made to MARAC?",
        ],
        family_consulted=True,
        family_consulted_on=held_on - dt.timedelta(days=5),
        agreed_on=held_on,
    )
    police = agencies.get("Westshire Police")
    if police is not None:
        TermsQuestion.objects.create(
            version=version,
            agency=police,
            text="Why was a DASH risk assessment not completed at the second incident?",
        )


def seed(*, stdout: Any) -> None:
    today = timezone.localdate()
    agencies = {o.name: o for o in Organisation.objects.exclude(kind="csp")}
    added = 0
    for review in Review.objects.filter(lead_csp__code="WSF").order_by("reference"):
        if review.state in (S.DECIDED_NO_REVIEW, S.CLOSED):
            continue
        if stage_index(review.state) < stage_index(S.INFORMATION_GATHERING):
            continue
        if review.panel_members.exists():
            continue
        _seed_review(review, agencies, today)
        added += 1
    stdout.write(f"Panel: demo panels added to {added} reviews.")
