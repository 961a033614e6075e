"""Session lifetimes (ASVS 7.3.1, 7.3.2; D.4 item 4): 30 idle minutes, 10 hours in all.

Time is frozen and moved with time-machine. The page used is the review list: a real,
authenticated page that any CSP member may see.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from dhr.audit.models import Event

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
PAGE = "/reviews/"


def _signed_out(response: Any) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_fresh_session_reaches_the_page(login: Any, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False):
        client = login(coordinator)
        assert client.get(PAGE).status_code == 200


def test_activity_within_thirty_minutes_keeps_the_session(login: Any, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        client = login(coordinator)
        assert client.get(PAGE).status_code == 200
        traveller.shift(dt.timedelta(minutes=29))
        assert client.get(PAGE).status_code == 200
        traveller.shift(dt.timedelta(minutes=29))
        assert client.get(PAGE).status_code == 200


def test_thirty_idle_minutes_sign_the_person_out(login: Any, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        client = login(coordinator)
        assert client.get(PAGE).status_code == 200
        traveller.shift(dt.timedelta(minutes=30, seconds=1))
        response = client.get(PAGE)
        assert _signed_out(response)
        assert f"next={PAGE}" in response["Location"]
        # Signed out for good: the next request is anonymous, not a fresh session.
        again = client.get(PAGE)
        assert again.status_code == 302
        assert again["Location"].startswith("/accounts/login/")
        assert "_auth_user_id" not in client.session

    event = Event.objects.get(action="auth.session_expired")
    assert event.actor_id == coordinator.pk
    assert event.detail == {"reason": "idle"}


def test_ten_hours_sign_the_person_out_even_when_active(login: Any, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        client = login(coordinator)
        assert client.get(PAGE).status_code == 200
        # Busy all day: a request every 25 minutes for 9 h 35 min, then one at 10 h 1 min.
        for _ in range(23):
            traveller.shift(dt.timedelta(minutes=25))
            assert client.get(PAGE).status_code == 200
        traveller.shift(dt.timedelta(minutes=26))
        assert _signed_out(client.get(PAGE))

    event = Event.objects.get(action="auth.session_expired")
    assert event.actor_id == coordinator.pk
    assert event.detail == {"reason": "absolute"}


def test_expired_session_records_no_personal_data(login: Any, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        client = login(coordinator)
        client.get(PAGE)
        traveller.shift(dt.timedelta(hours=1))
        client.get(PAGE)
    event = Event.objects.get(action="auth.session_expired")
    assert coordinator.email not in str(event.detail)
    assert event.occurred_at == START + dt.timedelta(hours=1)
