"""Panel fixtures on top of the root personas: a roster, a meeting and an agreed ToR version."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from dhr.panel.models import PanelMeeting, PanelMember, TermsOfReference, TermsVersion
from dhr.reviews.models import AgencyInScope


@pytest.fixture
def chair_seat(review: Any, independent_chair: Any) -> PanelMember:
    return PanelMember.objects.create(
        review=review,
        user=independent_chair,
        name="Indira Chair",
        role="independent_chair",
        seniority="Independent chair",
        declared_independent=True,
        declared_on=timezone.localdate(),
    )


@pytest.fixture
def police_seat(review: Any, agency_a: Any) -> PanelMember:
    return PanelMember.objects.create(
        review=review,
        name="DCI Sam Senior",
        agency=agency_a,
        role="agency_representative",
        seniority="Detective Chief Inspector",
    )


@pytest.fixture
def past_meeting(review: Any) -> PanelMeeting:
    return PanelMeeting.objects.create(
        review=review,
        starts_at=timezone.now() - dt.timedelta(days=2),
        online=True,
        agenda="Scope; IMR timetable",
    )


@pytest.fixture
def in_scope(review: Any, agency_a: Any, agency_b: Any) -> list[AgencyInScope]:
    return [
        AgencyInScope.objects.create(review=review, agency=agency_a, reason="Attended incidents"),
        AgencyInScope.objects.create(review=review, agency=agency_b, reason="GP and A&E contact"),
    ]


@pytest.fixture
def agreed_terms(review: Any, coordinator: Any) -> TermsVersion:
    terms = TermsOfReference.objects.create(review=review)
    return TermsVersion.objects.create(
        terms=terms,
        number=1,
        period_start=dt.date(2020, 1, 1),
        period_end=dt.date(2025, 6, 30),
        agencies=[{"agency": "Westshire Police", "reason": "Attended incidents"}],
        lines_of_enquiry=["Was coercive control recognised?"],
        family_consulted=True,
        family_consulted_on=dt.date(2025, 9, 1),
        agreed_on=dt.date(2025, 9, 10),
        created_by=coordinator,
    )
