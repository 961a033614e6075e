"""A met deadline says whether it was met on time instead of counting days remaining."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from dhr.clock.services import deadline_meet, deadline_start

pytestmark = pytest.mark.django_db


def _section(html: str, title: str) -> str:
    start = html.index(title)
    return html[start : start + 6000]


def test_met_deadline_reports_on_time_not_days_remaining(
    login: Any, review: Any, coordinator: Any
) -> None:
    starts = review.came_to_attention_on - dt.timedelta(days=20)
    deadline_start(review=review, rule_code="decision", starts_on=starts)
    deadline_meet(review=review, rule_code="decision", met_on=starts + dt.timedelta(days=10))
    html = login(coordinator).get(reverse("clock:clock-detail", args=[review.pk])).content.decode()
    section = _section(html, "CSP decides whether to hold a review")
    assert "Met on time" in section
    assert "Days remaining" not in section.split("</dl>")[0]


def test_late_deadline_says_so(login: Any, review: Any, coordinator: Any) -> None:
    starts = review.came_to_attention_on - dt.timedelta(days=90)
    deadline_start(review=review, rule_code="decision", starts_on=starts)
    deadline_meet(review=review, rule_code="decision", met_on=starts + dt.timedelta(days=60))
    html = login(coordinator).get(reverse("clock:clock-detail", args=[review.pk])).content.decode()
    assert "Met after the due date" in _section(html, "CSP decides whether to hold a review")
