"""Every main page has no axe-core violations at WCAG 2.2 AA, in English and in Welsh."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def _open_review(page: Any, base: str, reference: str) -> str:
    page.goto(base + "/reviews/")
    page.get_by_role("link", name=reference).first.click()
    page.wait_for_load_state()
    return page.url


def test_public_pages_have_no_violations(page: Any, demo_server: str) -> None:
    for path in ("/", "/accounts/login/"):
        page.goto(demo_server + path)
        assert axe_violations(page) == [], path
    page.get_by_role("link", name="Cymraeg").click()
    assert page.locator("html").get_attribute("lang") == "cy"
    assert axe_violations(page) == []


def test_govuk_frontend_javascript_is_enabled(page: Any, demo_server: str) -> None:
    page.goto(demo_server + "/")
    body_class = page.locator("body").get_attribute("class") or ""
    assert "govuk-frontend-supported" in body_class


def test_coordinator_pages_have_no_violations(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "coordinator@demo.dhr.test")
    checked = []
    for path in ("/dashboard/", "/reviews/", "/reviews/notify/"):
        page.goto(demo_server + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path
        checked.append(path)
    review_url = _open_review(page, demo_server, "DHR-WSF-2024-006")
    for suffix in ("", "clock/", "timeline/", "members/", "notification/", "eligibility/"):
        page.goto(review_url + suffix)
        assert axe_violations(page) == [], suffix
        checked.append(suffix)
    assert len(checked) == 9


def test_chair_decision_page_has_no_violations(page: Any, demo_server: str) -> None:
    sign_in(page, demo_server, "chair@demo.dhr.test")
    review_url = _open_review(page, demo_server, "DHR-WSF-2024-002")
    page.goto(review_url + "decision/")
    assert axe_violations(page) == []
    # The error summary after an empty submission is accessible too.
    page.get_by_role("button", name="Record the decision").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert axe_violations(page) == []
