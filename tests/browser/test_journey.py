"""Issue 2's "tried as a new user would", clicked through in Chromium against the demo data.

A coordinator records a notification and runs the eligibility check; the CSP chair decides;
the Home Office letter downloads as DOCX and PDF; the clock shows the decision and completion
deadlines; approving a pause for criminal proceedings moves the forecast; a reminder e-mail is
sent once and not again, and carries no name.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import REPO, sign_in

pytestmark = pytest.mark.browser

VICTIM = "Jordan Journeytest"
SUSPECT = "Morgan Walkthrough"


def choose(page: Any, name: str, label: str) -> None:
    """Pick an option of the field `name` by its visible label (radios or a select)."""
    field = page.locator(f"[name='{name}']").first
    if field.evaluate("element => element.tagName") == "SELECT":
        page.select_option(f"select[name='{name}']", label=label)
        return
    for radio in page.locator(f"input[name='{name}']").all():
        text = page.locator(f"label[for='{radio.get_attribute('id')}']").inner_text().strip()
        if text == label:
            radio.check()
            return
    raise AssertionError(f"no option {label!r} for {name}")


def fill_date(page: Any, name: str, day: dt.date) -> None:
    page.fill(f"[name='{name}_0']", str(day.day))
    page.fill(f"[name='{name}_1']", str(day.month))
    page.fill(f"[name='{name}_2']", str(day.year))


def errors(page: Any) -> str:
    summary = page.locator(".govuk-error-summary")
    return summary.inner_text() if summary.count() else "(no error summary)"


def forecast_text(page: Any) -> str:
    row = page.locator(".govuk-summary-list__row", has_text="Forecast completion").first
    return row.locator("dd").inner_text().strip()


def run_reminders(demo_server: str) -> str:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.update(_server_env())
    return subprocess.run(  # noqa: S603
        [sys.executable, str(REPO / "manage.py"), "send_due_reminders"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _server_env() -> dict[str, str]:
    from tests.browser import conftest

    return conftest.SERVER_ENV


def test_notification_to_decision_clock_pause_and_reminders(page: Any, demo_server: str) -> None:
    today = dt.date.today()
    notified = today - dt.timedelta(days=40)

    # The coordinator records the notification, checks the answers and records it.
    sign_in(page, demo_server, "coordinator@demo.dhr.test")
    page.goto(demo_server + "/reviews/notify/")
    choose(page, "csp", "Westshire Community Safety Partnership")
    choose(page, "notifying_agency", "Westshire Police")
    page.fill("[name='notifying_officer']", "DS Example")
    fill_date(page, "notified_on", notified)
    page.fill("[name='notified_time']", "09:30")
    fill_date(page, "came_to_attention_on", notified)
    fill_date(page, "date_of_death", notified - dt.timedelta(days=2))
    choose(page, "place_of_death_type", "Residential location")
    choose(page, "police_force_area", "Kent")
    page.fill("[name='victim_full_name']", VICTIM)
    page.fill("[name='victim_age_at_death']", "41")
    choose(page, "victim_sex", "Female")
    page.fill("[name='circumstances']", "Found at home after a call from a neighbour.")
    page.fill("[name='suspect_full_name']", SUSPECT)
    choose(page, "suspect_relationship", "Current intimate partner")
    for question in ("suspect_arrested", "suspect_charged"):
        choose(page, question, "Yes")
    for question in (
        "suspect_deceased",
        "suspected_suicide",
        "children_in_household",
        "children_present",
    ):
        choose(page, question, "No")
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text().startswith("Check your answers"), errors(page)
    page.get_by_role("button", name="Record notification").click()
    page.wait_for_load_state()
    reference = re.search(r"DHR-WSF-\d{4}-\d{3,4}", page.locator("h1").inner_text())
    assert reference, page.locator("h1").inner_text()
    assert VICTIM.split()[0] not in page.url
    review_url = re.sub(r"(/reviews/[0-9a-f-]{36}/).*", r"\1", page.url)

    # The eligibility check gives a recommendation with its reasons.
    page.goto(review_url + "eligibility/")
    choose(page, "cause", "Yes, violence")
    choose(page, "victim_has_care_and_support_needs", "No")
    page.get_by_role("button", name="Run the check").click()
    page.wait_for_load_state()
    assert "eligibility/" in page.url and page.url.rstrip("/").split("/")[-1] != "eligibility", (
        errors(page)
    )
    body = page.locator("main").inner_text()
    assert "recommendation" in body.lower()
    assert "R1" in body

    # The CSP chair decides to hold a review.
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, demo_server, "chair@demo.dhr.test")
    page.goto(review_url + "decision/")
    choose(page, "outcome", "Hold a Domestic Homicide Review")
    choose(page, "forum", "CSP chair")
    fill_date(page, "decided_on", notified + dt.timedelta(days=10))
    page.fill("[name='rationale']", "The statutory criteria are met.")
    page.get_by_role("button", name="Record the decision").click()
    page.wait_for_load_state()

    # A reminder is due for the Home Office letter: sent once, never twice, and with no name.
    first, second = run_reminders(demo_server), run_reminders(demo_server)
    assert re.search(r"sent [1-9]\d* reminders?", first), first
    assert "sent 0 reminders" in second, second
    mail = "".join(
        p.read_text(errors="ignore") for p in Path(_server_env()["EMAIL_FILE_PATH"]).glob("*")
    )
    assert reference.group(0) in mail
    assert VICTIM not in mail and SUSPECT not in mail

    # The Home Office letter downloads as DOCX and PDF.
    page.goto(review_url + "home-office/response/")
    for link, magic in (("Word document", b"PK"), ("PDF", b"%PDF")):
        with page.expect_download() as download:
            page.get_by_role("link", name=re.compile(link)).click()
        path = download.value.path()
        assert path is not None and Path(path).read_bytes()[:4].startswith(magic)
        assert VICTIM.split()[1] not in download.value.suggested_filename

    # The clock shows both deadlines; a pause for criminal proceedings moves the forecast.
    page.goto(review_url + "clock/")
    clock = page.locator("main").inner_text()
    assert "decision" in clock.lower() and "complet" in clock.lower()
    before = forecast_text(page)
    page.get_by_role("link", name="Record a pause").click()
    choose(page, "reason", "Criminal proceedings")
    page.fill("[name='explanation']", "Trial listed; the SIO asked the review to wait.")
    fill_date(page, "started_on", today - dt.timedelta(days=20))
    page.get_by_role("button", name=re.compile("pause", re.I)).click()
    page.wait_for_load_state()
    after = forecast_text(page)
    assert before != after, (before, after)
