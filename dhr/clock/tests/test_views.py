"""The dashboard, a review's clock and the pause routes: who sees what, and what they see."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dhr.audit.models import Event
from dhr.clock.models import Pause
from dhr.clock.services import deadline_start
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def frozen_today() -> Iterator[Any]:
    with time_machine.travel(dt.datetime(2026, 3, 2, 10, tzinfo=LONDON), tick=False) as traveller:
        yield traveller


@pytest.fixture
def clocks(review: Any) -> Any:
    deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 1, 20))
    return deadline_start(review=review, rule_code="completion", starts_on=dt.date(2026, 2, 1))


@pytest.fixture
def open_pause(review: Any, clocks: Any, independent_chair: Any) -> Pause:
    return Pause.objects.create(
        review=review,
        reason="inquest",
        explanation="Waiting for the inquest to open",
        started_on=dt.date(2026, 2, 10),
        approved_by=independent_chair,
    )


def _date_fields(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def _pause_post(day: dt.date = dt.date(2026, 2, 20)) -> dict[str, str]:
    return {
        "reason": "criminal_proceedings",
        "explanation": "Trial listed for the autumn",
        "evidence": "",
        **_date_fields("started_on", day),
    }


# --- dashboard ---------------------------------------------------------------------------------


def test_dashboard_lists_reviews_with_status_words(
    login: Any, clocks: Any, coordinator: Any
) -> None:
    response = login(coordinator).get(reverse("clock:dashboard"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "DHR-WSF-2026-0001" in body
    assert "Overdue" in body  # the decision clock, due 20 February
    assert "20 February 2026" in body
    assert "Alex Example" not in body
    assert Event.objects.filter(action="dashboard.view", actor=coordinator).count() == 1


def test_dashboard_empty_state(login: Any, outsider: Any) -> None:
    body = login(outsider).get(reverse("clock:dashboard")).content.decode()
    assert "You do not have a role in any review yet" in body
    assert "DHR-WSF" not in body


def test_dashboard_hides_other_csps_reviews(
    login: Any, clocks: Any, other_csp_coordinator: Any
) -> None:
    body = login(other_csp_coordinator).get(reverse("clock:dashboard")).content.decode()
    assert "DHR-WSF-2026-0001" not in body


def test_dashboard_needs_sign_in(client: Any) -> None:
    response = client.get(reverse("clock:dashboard"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def _dashboard_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("clock:dashboard")).status_code == 200
    return len(captured.captured_queries)


def test_dashboard_page_queries_do_not_grow_with_reviews(
    login: Any, csp: Any, coordinator: Any
) -> None:
    client = login(coordinator)
    for number in range(3):
        review = f.ReviewFactory(lead_csp=csp, reference=f"DHR-WSF-2024-{number:04d}")
        deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 1))
    _dashboard_queries(client)  # warm the session
    at_three = _dashboard_queries(client)
    for number in range(3, 30):
        review = f.ReviewFactory(lead_csp=csp, reference=f"DHR-WSF-2024-{number:04d}")
        deadline_start(review=review, rule_code="decision", starts_on=dt.date(2026, 2, 1))
    assert _dashboard_queries(client) == at_three


# --- clock detail ------------------------------------------------------------------------------


def test_clock_detail_shows_gross_net_and_pause_ledger(
    login: Any, review: Any, open_pause: Any, coordinator: Any
) -> None:
    response = login(coordinator).get(reverse("clock:clock-detail", args=[review.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Review completed and submitted to the Home Office" in body
    assert "1 August 2026" in body  # gross due: 6 months from 1 February
    assert "Waiting for the inquest to open" in body
    assert "Indira Chair" in body  # approved by
    assert "https://www.gov.uk/government/publications/revised-statutory-guidance" in body
    assert "Paused" in body
    assert reverse("clock:pause-create", args=[review.pk]) not in body  # coordinator: no button
    assert Event.objects.filter(action="review.view_clock", review_id=review.pk).count() == 1


def test_chair_sees_end_pause_button(
    login: Any, review: Any, open_pause: Any, independent_chair: Any
) -> None:
    body = (
        login(independent_chair)
        .get(reverse("clock:clock-detail", args=[review.pk]))
        .content.decode()
    )
    assert reverse("clock:pause-end", args=[review.pk, open_pause.pk]) in body
    # A pause is already open, so another cannot be recorded.
    assert reverse("clock:pause-create", args=[review.pk]) not in body


def test_chair_sees_record_pause_button(
    login: Any, review: Any, clocks: Any, independent_chair: Any
) -> None:
    body = (
        login(independent_chair)
        .get(reverse("clock:clock-detail", args=[review.pk]))
        .content.decode()
    )
    assert reverse("clock:pause-create", args=[review.pk]) in body


def test_contributor_can_view_clock_but_not_pause(
    login: Any, review: Any, clocks: Any, open_pause: Any, contributor_a: Any
) -> None:
    client = login(contributor_a)
    assert client.get(reverse("clock:clock-detail", args=[review.pk])).status_code == 200
    assert client.get(reverse("clock:pause-create", args=[review.pk])).status_code == 403
    assert (
        client.post(reverse("clock:pause-create", args=[review.pk]), _pause_post()).status_code
        == 403
    )
    assert (
        client.get(reverse("clock:pause-end", args=[review.pk, open_pause.pk])).status_code == 403
    )
    assert Event.objects.filter(action="authz.denied", actor=contributor_a).exists()
    assert Pause.objects.count() == 1


def test_coordinator_cannot_approve_a_pause(
    login: Any, review: Any, clocks: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        reverse("clock:pause-create", args=[review.pk]), _pause_post()
    )
    assert response.status_code == 403
    assert not Pause.objects.exists()


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404_on_every_clock_route(
    login: Any, review: Any, open_pause: Any, persona: str, request: Any
) -> None:
    client = login(request.getfixturevalue(persona))
    for url in (
        reverse("clock:clock-detail", args=[review.pk]),
        reverse("clock:pause-create", args=[review.pk]),
        reverse("clock:pause-end", args=[review.pk, open_pause.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert (
        client.post(reverse("clock:pause-create", args=[review.pk]), _pause_post()).status_code
        == 404
    )
    assert not Event.objects.filter(action="review.view_clock").exists()


def test_anonymous_is_sent_to_sign_in(client: Any, review: Any) -> None:
    response = client.get(reverse("clock:clock-detail", args=[review.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --- pauses ------------------------------------------------------------------------------------


def test_chair_records_a_pause_and_the_due_date_moves(
    login: Any, review: Any, clocks: Any, independent_chair: Any
) -> None:
    client = login(independent_chair)
    assert client.get(reverse("clock:pause-create", args=[review.pk])).status_code == 200

    response = client.post(reverse("clock:pause-create", args=[review.pk]), _pause_post())

    assert response.status_code == 302
    assert response["Location"] == reverse("clock:clock-detail", args=[review.pk])
    pause = Pause.objects.get()
    assert pause.approved_by == independent_chair
    assert pause.started_on == dt.date(2026, 2, 20)
    body = client.get(response["Location"]).content.decode()
    assert "Trial listed for the autumn" in body
    assert "11 August 2026" in body  # 1 August moved by the 10 days paused so far


def test_pause_form_shows_errors(
    login: Any, review: Any, clocks: Any, independent_chair: Any
) -> None:
    client = login(independent_chair)
    data = _pause_post(dt.date(2026, 3, 3)) | {"explanation": ""}

    response = client.post(reverse("clock:pause-create", args=[review.pk]), data)

    body = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in body
    assert "Enter an explanation for the pause" in body
    assert not Pause.objects.exists()

    response = client.post(
        reverse("clock:pause-create", args=[review.pk]), _pause_post(dt.date(2026, 3, 3))
    )
    assert "The pause must start today or in the past" in response.content.decode()
    assert not Pause.objects.exists()


def test_pause_create_without_completion_clock_redirects(
    login: Any, review: Any, independent_chair: Any
) -> None:
    response = login(independent_chair).post(
        reverse("clock:pause-create", args=[review.pk]), _pause_post()
    )
    assert response.status_code == 302
    assert not Pause.objects.exists()


def test_chair_ends_a_pause_and_closed_pause_is_404(
    login: Any, review: Any, open_pause: Any, independent_chair: Any
) -> None:
    client = login(independent_chair)
    url = reverse("clock:pause-end", args=[review.pk, open_pause.pk])
    assert "Paused since" in client.get(url).content.decode()

    response = client.post(url, _date_fields("ended_on", dt.date(2026, 2, 25)))

    assert response.status_code == 302
    open_pause.refresh_from_db()
    assert open_pause.ended_on == dt.date(2026, 2, 25)
    assert client.get(url).status_code == 404
    assert client.post(url, _date_fields("ended_on", dt.date(2026, 2, 26))).status_code == 404


def test_pause_end_before_start_is_refused(
    login: Any, review: Any, open_pause: Any, independent_chair: Any
) -> None:
    url = reverse("clock:pause-end", args=[review.pk, open_pause.pk])
    response = login(independent_chair).post(url, _date_fields("ended_on", dt.date(2026, 2, 1)))
    assert response.status_code == 200
    assert "The pause cannot end before it started" in response.content.decode()
    open_pause.refresh_from_db()
    assert open_pause.ended_on is None


def test_pause_of_another_review_is_404(
    login: Any, review: Any, csp: Any, independent_chair: Any, coordinator: Any
) -> None:
    other: Any = f.ReviewFactory(lead_csp=csp)
    deadline_start(review=other, rule_code="completion", starts_on=dt.date(2026, 2, 1))
    foreign = Pause.objects.create(
        review=other,
        reason="inquest",
        explanation="x",
        started_on=dt.date(2026, 2, 2),
        approved_by=coordinator,
    )
    url = reverse("clock:pause-end", args=[review.pk, foreign.pk])
    assert login(independent_chair).get(url).status_code == 404


def test_pause_create_post_without_csrf_token_is_rejected(
    login: Any, review: Any, clocks: Any, independent_chair: Any
) -> None:
    client = login(independent_chair, enforce_csrf_checks=True)
    response = client.post(reverse("clock:pause-create", args=[review.pk]), _pause_post())
    assert response.status_code == 403
    assert not Pause.objects.exists()


def test_pause_end_post_without_csrf_token_is_rejected(
    login: Any, review: Any, open_pause: Any, independent_chair: Any
) -> None:
    client = login(independent_chair, enforce_csrf_checks=True)
    url = reverse("clock:pause-end", args=[review.pk, open_pause.pk])
    assert client.post(url, _date_fields("ended_on", dt.date(2026, 2, 25))).status_code == 403
    open_pause.refresh_from_db()
    assert open_pause.ended_on is None
