"""The personal calendar feed: secret, revocable, and carrying no names."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.clock.models import Deadline
from dhr.panel.models import PanelMeeting
from dhr.panel.tests.test_ics import parse

pytestmark = pytest.mark.django_db


def _create_link(login: Any, user: Any) -> str:
    client = login(user)
    response = client.post(reverse("panel:calendar-settings"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert len(user.calendar_token) >= 40
    page = client.get(reverse("panel:calendar-settings")).content.decode()
    feed = reverse("panel:calendar-feed", kwargs={"token": user.calendar_token})
    assert feed in page
    assert "Anyone who has this link" in page
    return feed


@pytest.fixture
def upcoming(review: Any) -> PanelMeeting:
    return PanelMeeting.objects.create(
        review=review,
        starts_at=timezone.now() + dt.timedelta(days=5),
        location="Civic Centre, Room 2",
        agenda="Discuss Alex Example's contact with services",
    )


@pytest.fixture
def decision_clock(review: Any) -> Deadline:
    return Deadline.objects.create(
        review=review,
        rule_code="decision",
        starts_on=timezone.localdate(),
        period_value=1,
        period_unit="months",
    )


def test_the_feed_lists_meetings_and_deadlines_with_only_reference_and_kind(
    login: Any, panel_member: Any, review: Any, upcoming: Any, decision_clock: Any
) -> None:
    feed = _create_link(login, panel_member)
    response = Client().get(feed)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Cache-Control"] == "no-store"
    events = parse(response.content)
    summaries = sorted(event["SUMMARY"] for event in events)
    assert summaries == ["DHR-WSF-2026-0001: Decision due", "DHR-WSF-2026-0001: Panel meeting"]
    body = response.content.decode()
    assert "Alex Example" not in body and "Discuss" not in body
    meeting = next(e for e in events if e["SUMMARY"].endswith("Panel meeting"))
    assert meeting["LOCATION"] == "Civic Centre\\, Room 2"
    assert meeting["DTSTART"].endswith("Z")
    assert all("UID" in e and "DTSTAMP" in e for e in events)


def test_fetching_is_audited_without_the_token_or_personal_data(
    login: Any, panel_member: Any, review: Any, upcoming: Any
) -> None:
    feed = _create_link(login, panel_member)
    Client().get(feed)
    [event] = Event.objects.filter(action="calendar.fetched")
    assert event.actor_id == panel_member.pk
    assert panel_member.calendar_token not in event.path
    assert event.detail == {"events": 1}


def test_resetting_the_link_makes_the_old_one_404(login: Any, panel_member: Any) -> None:
    old = _create_link(login, panel_member)
    assert Client().get(old).status_code == 200
    new = _create_link(login, panel_member)
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200


def test_an_unknown_or_empty_token_is_404(client: Any, outsider: Any) -> None:
    assert client.get(reverse("panel:calendar-feed", kwargs={"token": "x" * 43})).status_code == 404
    outsider.calendar_token = ""
    outsider.save()
    assert client.get("/calendar/.ics").status_code == 404


def test_an_inactive_account_gets_no_feed(login: Any, panel_member: Any) -> None:
    feed = _create_link(login, panel_member)
    panel_member.is_active = False
    panel_member.save()
    assert Client().get(feed).status_code == 404


def test_the_feed_leaves_out_reviews_the_person_cannot_see(
    login: Any, other_csp_coordinator: Any, upcoming: Any, decision_clock: Any
) -> None:
    feed = _create_link(login, other_csp_coordinator)
    assert parse(Client().get(feed).content) == []


def test_a_met_deadline_is_left_out(
    login: Any, coordinator: Any, review: Any, decision_clock: Any
) -> None:
    decision_clock.met_on = timezone.localdate()
    decision_clock.save()
    feed = _create_link(login, coordinator)
    assert parse(Client().get(feed).content) == []


def test_the_settings_page_needs_a_sign_in(client: Any) -> None:
    response = client.get(reverse("panel:calendar-settings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
