"""Requests and IMRs on the fixture review, for agency A (police) and agency B (NHS trust)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from dhr.contributions.choices import IMR_SECTIONS, RequestKind
from dhr.contributions.models import IMR, InformationRequest

SENT_ON = dt.date(2026, 3, 2)


def make_request(review: Any, agency: Any, kind: str, sent_by: Any, **extra: Any) -> Any:
    extra.setdefault("due_on", SENT_ON + dt.timedelta(weeks=6))
    return InformationRequest.objects.create(
        review=review, agency=agency, kind=kind, sent_on=SENT_ON, sent_by=sent_by, **extra
    )


@pytest.fixture
def scoping_a(review: Any, agency_a: Any, coordinator: Any) -> Any:
    return make_request(review, agency_a, RequestKind.SCOPING, coordinator)


@pytest.fixture
def imr_request_a(review: Any, agency_a: Any, coordinator: Any) -> Any:
    return make_request(review, agency_a, RequestKind.IMR, coordinator)


@pytest.fixture
def imr_request_b(review: Any, agency_b: Any, coordinator: Any) -> Any:
    return make_request(review, agency_b, RequestKind.IMR, coordinator)


def complete_sections() -> dict[str, str]:
    return {name: f"Text for {name}." for name, _heading in IMR_SECTIONS}


@pytest.fixture
def imr_a(review: Any, agency_a: Any, imr_request_a: Any) -> Any:
    return IMR.objects.create(
        request=imr_request_a, review=review, agency=agency_a, **complete_sections()
    )


@pytest.fixture
def imr_b(review: Any, agency_b: Any, imr_request_b: Any) -> Any:
    return IMR.objects.create(
        request=imr_request_b, review=review, agency=agency_b, **complete_sections()
    )


SIGN_OFF: dict[str, Any] = {
    "author_name": "Avery Author",
    "author_role": "Review officer",
    "independence_declared": True,
    "sign_off_name": "Sam Senior",
    "sign_off_role": "Head of safeguarding",
    "signed_off_on": dt.date(2026, 4, 1),
}
