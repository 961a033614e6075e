"""Demo requests and IMRs on DHR-WSF-2024-006 (information gathering). Safe to run again.

What it shows: scoping answers from three agencies (one nil return); IMR requests to the
police and the NHS trust; the police IMR submitted (version 1) for the chair to accept or
return; the NHS trust's IMR overdue with an escalation step recorded. All text is fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from dhr.accounts.models import Organisation, User
from dhr.contributions.choices import IMRState, RequestKind, RequestStatus
from dhr.contributions.models import IMR, EscalationStep, IMRVersion, InformationRequest
from dhr.contributions.services.imrs import CONTENT_FIELDS
from dhr.contributions.services.requests import imr_default_due_on
from dhr.demo import data
from dhr.reviews.models import Review

REFERENCE = "DHR-WSF-2024-006"
SCOPING_DAYS_AGO = 90
IMR_DAYS_AGO = 50  # six weeks have passed: overdue unless received


def _org(key: str) -> Organisation | None:
    name = next(spec.name for spec in data.ORGANISATIONS if spec.key == key)
    return Organisation.objects.filter(name=name).first()


def _user(key: str) -> User | None:
    return User.objects.filter(email=f"{key}@{data.DEMO_EMAIL_DOMAIN}").first()


def _request(
    review: Review, agency: Organisation, kind: str, sent_on: dt.date, **extra: Any
) -> Any:
    due_on = (
        imr_default_due_on(sent_on) if kind == RequestKind.IMR else sent_on + dt.timedelta(weeks=2)
    )
    return InformationRequest.objects.create(
        review=review, agency=agency, kind=kind, sent_on=sent_on, due_on=due_on, **extra
    )


@transaction.atomic
def seed(*, stdout: Any) -> None:
    review = Review.objects.filter(reference=REFERENCE).first()
    coordinator, police_user, health_user = _user("coordinator"), _user("police"), _user("health")
    police, nhs, council = _org("police"), _org("nhs"), _org("council")
    if (
        review is None
        or coordinator is None
        or police_user is None
        or health_user is None
        or police is None
        or nhs is None
        or council is None
    ):
        return
    if InformationRequest.objects.filter(review=review).exists():
        stdout.write(f"Agency requests on {REFERENCE}: already present.")
        return
    today = timezone.localdate()
    scoping_on = today - dt.timedelta(days=SCOPING_DAYS_AGO)
    answered_on = scoping_on + dt.timedelta(days=7)
    for agency, answer_by, status, notes in (
        (police, police_user, RequestStatus.CONTACT_CONFIRMED, "Four call-outs (fictional)."),
        (nhs, health_user, RequestStatus.CONTACT_CONFIRMED, "A&E attendances (fictional)."),
        (council, None, RequestStatus.NIL_RETURN, ""),
    ):
        _request(
            review,
            agency,
            RequestKind.SCOPING,
            scoping_on,
            sent_by=coordinator,
            status=status,
            response_notes=notes,
            answered_by=answer_by or coordinator,
            answered_on=answered_on,
        )
    imr_on = today - dt.timedelta(days=IMR_DAYS_AGO)
    police_request = _request(
        review,
        police,
        RequestKind.IMR,
        imr_on,
        sent_by=coordinator,
        status=RequestStatus.RECEIVED,
    )
    nhs_request = _request(
        review, nhs, RequestKind.IMR, imr_on, sent_by=coordinator, status=RequestStatus.ESCALATED
    )
    EscalationStep.objects.create(
        request=nhs_request,
        taken_on=today - dt.timedelta(days=3),
        step="Reminder letter to the trust's director of nursing (fictional).",
        recorded_by=coordinator,
    )
    imr = IMR.objects.create(
        request=police_request,
        review=review,
        agency=police,
        state=IMRState.SUBMITTED,
        involvement_summary="Four domestic call-outs in the review period (fictional).",
        analysis="DASH risk assessments were completed twice of four times (fictional).",
        good_practice="Prompt MARAC referral after the third call-out (fictional).",
        lessons_learned="Repeat call-outs were not linked (fictional).",
        recommendations="Flag repeat addresses in the command system (fictional).",
        author_name="Alex Author (fictional)",
        author_role="Detective Sergeant, review team",
        independence_declared=True,
        sign_off_name="Sam Senior (fictional)",
        sign_off_role="Detective Superintendent, public protection",
        signed_off_on=today - dt.timedelta(days=5),
    )
    IMRVersion.objects.create(
        imr=imr,
        number=1,
        submitted_by=police_user,
        **{name: getattr(imr, name) for name in CONTENT_FIELDS},
    )
    stdout.write(f"Agency requests on {REFERENCE}: 5 requests and 1 submitted IMR created.")
