"""CSRF sweep (D.4 item 3): every route that takes POST refuses it without a token.

The routes come from docs/authorisation-matrix.md (methods column), and each is POSTed by a
persona who is allowed to use it, so the 403 can only come from the CSRF check. The same
POST with a valid token is not refused for CSRF, which proves the check is what stopped it.
GET on POST-only routes is 405.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client
from django.urls import reverse

from tests.matrix import PERSONAS, Row, documented_routes, kwargs_for, url_routes

ROWS, _ = documented_routes()
POST_ROUTES = sorted(name for name, row in ROWS.items() if "POST" in row.methods)
POST_ONLY_ROUTES = sorted(name for name, row in ROWS.items() if row.methods == {"POST"})
CSRF_FAILED = b"CSRF verification failed"


def test_the_sweep_covers_the_state_changing_routes() -> None:
    assert "reviews:lifecycle-advance" in POST_ROUTES
    assert "reviews:member-add" in POST_ROUTES
    assert "reviews:notification-create" in POST_ROUTES


def _permitted_persona(row: Row) -> str:
    for persona, cell in row.cells.items():
        if cell.may_post:
            return persona
    raise AssertionError(f"{row.name}: no persona in the matrix may POST to it")


def _client_for(request: pytest.FixtureRequest, login: Any, persona: str) -> Client:
    fixture = PERSONAS[persona]
    user = request.getfixturevalue(fixture) if fixture else None
    client: Client = login(user, enforce_csrf_checks=True)
    return client


def _url(row: Row, review: Any) -> str:
    route = dict(url_routes())[row.name]
    return reverse(row.name, kwargs=kwargs_for(route, review.pk))


@pytest.mark.django_db
@pytest.mark.parametrize("route_name", POST_ROUTES)
def test_post_without_a_csrf_token_is_refused(
    request: pytest.FixtureRequest, login: Any, review: Any, route_name: str
) -> None:
    cache.clear()
    row = ROWS[route_name]
    client = _client_for(request, login, _permitted_persona(row))
    url = _url(row, review)

    response = client.post(url, {})
    assert response.status_code == 403, f"POST {url} without a token: {response.status_code}"
    assert CSRF_FAILED in response.content

    token = _get_new_csrf_string()
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert CSRF_FAILED not in response.content, f"POST {url} with a token was refused for CSRF"


@pytest.mark.django_db
@pytest.mark.parametrize("route_name", POST_ONLY_ROUTES)
def test_get_on_a_post_only_route_is_405(
    request: pytest.FixtureRequest, login: Any, review: Any, route_name: str
) -> None:
    row = ROWS[route_name]
    for persona in ("anonymous", _permitted_persona(row)):
        client = _client_for(request, login, persona)
        response = client.get(_url(row, review))
        assert response.status_code == 405, f"GET {row.name} as {persona}"
