"""Demo data: a family with an advocate on DHR-WSF-2024-006, with one update overdue.

Idempotent: does nothing if the review is missing or already has people recorded. All names
are fictional.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from dhr.accounts.models import Membership, Role
from dhr.family.models import Contact
from dhr.family.services.contacts import contact_create
from dhr.family.services.involvement import step_record
from dhr.reviews.models import Review

REFERENCE = "DHR-WSF-2024-006"


def seed(*, stdout: Any) -> None:
    review = Review.objects.filter(reference=REFERENCE).first()
    if review is None or Contact.objects.filter(review=review).exists():
        return
    membership = (
        Membership.objects.filter(organisation_id=review.lead_csp_id, role=Role.CSP_COORDINATOR)
        .select_related("user")
        .first()
    )
    if membership is None:
        return
    actor = membership.user
    today = timezone.localdate()
    sister = contact_create(
        actor=actor,
        review=review,
        kind="family",
        relationship="sister",
        full_name="Nia Storybook",
        address="3 Demo Terrace\nWestshire WS1 1AA",
        phone="01632 960001",
        email="nia@example.com",
        preferred_channel="letter",
        preferred_language="cy",
        accessibility_needs="Prefers morning calls",
        never_share_with=False,
    )
    contact_create(
        actor=actor,
        review=review,
        kind="family",
        relationship="cousin of the perpetrator",
        full_name="Gareth Demo",
        preferred_channel="in_person",
        preferred_language="en",
        never_share_with=True,
    )
    step_record(
        actor=actor,
        review=review,
        kind="leaflet_sent",
        occurred_on=today - dt.timedelta(days=70),
        contact=sister,
    )
    step_record(
        actor=actor,
        review=review,
        kind="advocacy_offered",
        occurred_on=today - dt.timedelta(days=63),
        contact=sister,
        advocacy_outcome="aafda",
        national_homicide_service=True,
    )
    # The last update was 40 days ago: with the default 28-day cadence, one is overdue.
    step_record(
        actor=actor,
        review=review,
        kind="update_given",
        occurred_on=today - dt.timedelta(days=40),
        contact=sister,
    )
    stdout.write(f"family: a family with an advocate on {REFERENCE}, one update overdue")
