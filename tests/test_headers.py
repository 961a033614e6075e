"""Security headers on HTML pages (D.4 item 5; ASVS 3.4, 14.3.2).

Every page sends a Content-Security-Policy without 'unsafe-inline' for scripts, refuses
framing, turns off MIME sniffing and sets a Referrer-Policy. The one inline script (which
tells GOV.UK Frontend that JavaScript works) carries the per-response nonce named in the CSP,
or browsers would block it. Private pages must not be stored by browsers or proxies.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

SUPPORTED_SCRIPT = re.compile(
    r"<script nonce=\"(?P<nonce>[^\"]+)\">[^<]*govuk-frontend-supported[^<]*</script>"
)


def _directives(response: Any) -> dict[str, list[str]]:
    policy = response.headers.get("Content-Security-Policy", "")
    assert policy, "no Content-Security-Policy header"
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def _assert_security_headers(response: Any) -> None:
    assert response.status_code == 200, response.status_code
    directives = _directives(response)
    script_src = directives.get("script-src", directives.get("default-src", []))
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
    assert directives.get("frame-ancestors") == ["'none'"]
    assert directives.get("object-src") == ["'none'"]
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy")


def _assert_nonce_matches(response: Any) -> None:
    match = SUPPORTED_SCRIPT.search(response.content.decode())
    assert match, "the script that sets govuk-frontend-supported is missing"
    nonce = match.group("nonce")
    script_src = _directives(response).get("script-src", [])
    assert f"'nonce-{nonce}'" in script_src, (
        f"inline script nonce {nonce!r} is not allowed by script-src {script_src}"
    )


def _assert_not_stored(response: Any) -> None:
    assert "no-store" in response.headers.get("Cache-Control", "")


def test_start_page(client: Client) -> None:
    response = client.get("/")
    _assert_security_headers(response)
    _assert_nonce_matches(response)


def test_nonce_is_fresh_for_each_response(client: Client) -> None:
    first = SUPPORTED_SCRIPT.search(client.get("/").content.decode())
    second = SUPPORTED_SCRIPT.search(client.get("/").content.decode())
    assert first and second
    assert first.group("nonce") != second.group("nonce")


def test_sign_in_page(client: Client) -> None:
    response = client.get("/accounts/login/")
    _assert_security_headers(response)
    _assert_nonce_matches(response)
    _assert_not_stored(response)


def test_review_page_as_coordinator(login: Any, coordinator: Any, review: Any) -> None:
    response = login(coordinator).get(f"/reviews/{review.pk}/")
    _assert_security_headers(response)
    _assert_nonce_matches(response)
    _assert_not_stored(response)


def test_review_list_as_coordinator(login: Any, coordinator: Any, review: Any) -> None:
    response = login(coordinator).get("/reviews/")
    _assert_security_headers(response)
    _assert_not_stored(response)


def test_dashboard(login: Any, coordinator: Any, review: Any) -> None:
    response = login(coordinator).get("/dashboard/")
    _assert_security_headers(response)
    _assert_nonce_matches(response)
    _assert_not_stored(response)


def test_error_pages_carry_the_headers_too(login: Any, outsider: Any, review: Any) -> None:
    response = login(outsider).get(f"/reviews/{review.pk}/")
    assert response.status_code == 404
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert _directives(response).get("frame-ancestors") == ["'none'"]
    _assert_not_stored(response)
