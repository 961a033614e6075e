"""Every URL pattern is in docs/authorisation-matrix.md, and answers each persona as documented.

D.4 item 1 (tock-style enumeration): adding a route without a matrix row fails CI. Outsiders
and members of another CSP get 404, so nobody can learn that a review exists; members whose
role does not allow the action get 403; anonymous people are sent to sign in.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.matrix import NON_MEMBERS, PERSONAS, documented_routes, kwargs_for, url_routes

ROWS, DOCUMENTED = documented_routes()


def test_every_route_is_named() -> None:
    unnamed = [route for name, route in url_routes() if not name]
    assert not unnamed, f"give these URL patterns a name and a matrix row: {unnamed}"


def test_every_route_is_in_the_matrix() -> None:
    missing = sorted({name for name, _ in url_routes() if name} - DOCUMENTED)
    assert not missing, f"add rows to docs/authorisation-matrix.md for: {missing}"


def test_the_matrix_lists_no_route_that_does_not_exist() -> None:
    stale = sorted(DOCUMENTED - {name for name, _ in url_routes()})
    assert not stale, f"remove or rename these rows in docs/authorisation-matrix.md: {stale}"


def test_the_matrix_paths_match_the_routes() -> None:
    actual = {name: route for name, route in url_routes()}
    for row in ROWS.values():
        expected = "/" + actual[row.name].replace("<uuid:", "<").replace("<slug:", "<")
        expected = expected.replace("<str:", "<")
        assert row.path == expected, f"{row.name}: documented {row.path}, actually {expected}"


def _cases() -> list[Any]:
    cases = []
    for row in ROWS.values():
        for persona in PERSONAS:
            if row.has_other_object and persona not in NON_MEMBERS:
                continue
            cases.append(pytest.param(row.name, persona, id=f"{row.name}-{persona}"))
    return cases


@pytest.mark.django_db
@pytest.mark.parametrize(("route_name", "persona"), _cases())
def test_route_answers_persona_as_documented(
    request: pytest.FixtureRequest, login: Any, review: Any, route_name: str, persona: str
) -> None:
    cache.clear()
    row = ROWS[route_name]
    cell = row.cells[persona]
    fixture = PERSONAS[persona]
    user = request.getfixturevalue(fixture) if fixture else None
    # Every persona exists in every case, as in real life: other people's roles must not
    # change what this persona sees.
    for other in PERSONAS.values():
        if other:
            request.getfixturevalue(other)

    route = dict(url_routes())[route_name]
    url = reverse(route_name, kwargs=kwargs_for(route, review.pk))
    response = login(user).get(url)

    assert response.status_code == cell.status, (
        f"GET {url} as {persona}: expected {cell.status}, got {response.status_code}"
    )
    if cell.to_sign_in:
        assert response["Location"].startswith(reverse("account_login"))


SIGNED_IN_ROUTES = sorted(
    name for name, row in ROWS.items() if row.cells["anonymous"].to_sign_in
)


def test_the_mfa_sweep_covers_the_signed_in_routes() -> None:
    assert "clock:dashboard" in SIGNED_IN_ROUTES
    assert "reviews:review-detail" in SIGNED_IN_ROUTES


@pytest.mark.django_db
@pytest.mark.parametrize("route_name", SIGNED_IN_ROUTES)
def test_every_signed_in_route_sends_a_person_without_mfa_to_set_it_up(
    login: Any, csp: Any, review: Any, route_name: str
) -> None:
    """D.4 item 4: MFA is compulsory on every page that needs a sign-in (ASVS 6.3.2)."""
    from dhr.testing import factories as f

    user = f.UserFactory(with_mfa=False)
    f.MembershipFactory(user=user, organisation=csp, role="csp_coordinator")
    route = dict(url_routes())[route_name]
    response = login(user).get(reverse(route_name, kwargs=kwargs_for(route, review.pk)))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
