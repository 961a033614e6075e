"""Personas shared by every test: who they are and what they hold.

- coordinator, csp_chair, decision_panel, oversight: CSP-wide roles in `csp`
- independent_chair, report_writer, panel_member: review roles in `review`
- contributor_a / contributor_b: agency contributors for agency A (police) / B (NHS trust)
- other_csp_coordinator: coordinator of a different CSP; outsider: an account with no role
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from dhr.testing import factories as f


@pytest.fixture
def csp(db: Any) -> Any:
    return f.CSPFactory(name="Westshire Community Safety Partnership", code="WSF")


@pytest.fixture
def other_csp(db: Any) -> Any:
    return f.CSPFactory(name="Eastshire Community Safety Partnership", code="ESF")


@pytest.fixture
def agency_a(db: Any) -> Any:
    return f.OrganisationFactory(name="Westshire Police", kind="police")


@pytest.fixture
def agency_b(db: Any) -> Any:
    return f.OrganisationFactory(name="Westshire NHS Trust", kind="nhs_trust")


def _csp_member(csp: Any, role: str, name: str) -> Any:
    user = f.UserFactory(full_name=name)
    f.MembershipFactory(user=user, organisation=csp, role=role)
    return user


@pytest.fixture
def coordinator(csp: Any) -> Any:
    return _csp_member(csp, "csp_coordinator", "Casey Coordinator")


@pytest.fixture
def csp_chair(csp: Any) -> Any:
    return _csp_member(csp, "csp_chair", "Chris Chair")


@pytest.fixture
def decision_panel(csp: Any) -> Any:
    return _csp_member(csp, "decision_panel_member", "Dana Panel")


@pytest.fixture
def oversight(csp: Any) -> Any:
    return _csp_member(csp, "oversight", "Olive Oversight")


@pytest.fixture
def other_csp_coordinator(other_csp: Any) -> Any:
    return _csp_member(other_csp, "csp_coordinator", "Eddie Elsewhere")


@pytest.fixture
def outsider(db: Any) -> Any:
    return f.UserFactory(full_name="Oscar Outsider")


@pytest.fixture
def review(csp: Any, coordinator: Any) -> Any:
    review = f.ReviewFactory(lead_csp=csp, reference="DHR-WSF-2026-0001")
    f.NotificationFactory(review=review, recorded_by=coordinator)
    f.ReviewPersonFactory(review=review, role="victim", full_name="Alex Example")
    return review


def _review_member(review: Any, role: str, name: str, agency: Any = None) -> Any:
    user = f.UserFactory(full_name=name)
    f.ReviewMembershipFactory(review=review, user=user, role=role, agency=agency)
    return user


@pytest.fixture
def independent_chair(review: Any) -> Any:
    return _review_member(review, "independent_chair", "Indira Chair")


@pytest.fixture
def report_writer(review: Any) -> Any:
    return _review_member(review, "report_writer", "Rory Writer")


@pytest.fixture
def panel_member(review: Any, agency_b: Any) -> Any:
    return _review_member(review, "review_panel_member", "Pat Panel", agency_b)


@pytest.fixture
def contributor_a(review: Any, agency_a: Any) -> Any:
    return _review_member(review, "agency_contributor", "Ann Agency", agency_a)


@pytest.fixture
def contributor_b(review: Any, agency_b: Any) -> Any:
    return _review_member(review, "agency_contributor", "Ben Agency", agency_b)


@pytest.fixture
def login() -> Any:
    """`login(user)` returns a Client signed in as `user` (MFA already set up by the factory)."""

    def _login(user: Any, *, enforce_csrf_checks: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf_checks)
        if user is not None:
            client.force_login(user)
        return client

    return _login
