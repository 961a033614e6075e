"""Every public library page has no axe-core violations, and the library works without JS."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import axe_violations

pytestmark = pytest.mark.browser
PAGES = (
    "/library/",
    "/library/?q=separation",
    "/library/?region=Atlantis",
    "/library/about/",
    "/library/reports/westshire-2025-1/",
    "/library/reports/westshire-2025-1-cy/",
    "/library/reports/dhrd-inc-0001/",
)


def test_library_pages_have_no_violations(page: Any, demo_server: str) -> None:
    for path in PAGES:
        page.goto(demo_server + path)
        assert page.locator("h1").count() == 1, path
        assert axe_violations(page) == [], path


def test_search_and_filters_work_without_javascript(browser: Any, demo_server: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    try:
        page.goto(demo_server + "/library/")
        page.get_by_label("Search the text of published reviews").fill('"orchard lane"')
        page.get_by_role("button", name="Search", exact=True).click()
        page.wait_for_load_state()
        assert "q=" in page.url
        page.get_by_role("link", name="Domestic Homicide Review: the death of Anna").click()
        page.wait_for_load_state()
        assert page.get_by_role("table", name="Recommendations").is_visible()
    finally:
        context.close()
