"""Who sees what (issue 3 item 8) on the panel pages, and that every read is audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.panel.models import PanelMeeting, PanelMember
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db


def _url(name: str, review: Any, **kwargs: Any) -> str:
    return reverse(f"panel:{name}", kwargs={"review_id": review.pk, **kwargs})


def test_an_agency_contributor_sees_the_roster_but_not_the_minutes(
    login: Any, review: Any, contributor_a: Any, chair_seat: Any, past_meeting: Any
) -> None:
    client = login(contributor_a)
    roster = client.get(_url("member-list", review))
    assert roster.status_code == 200
    assert "Indira Chair" in roster.content.decode()
    meetings = client.get(_url("meeting-list", review)).content.decode()
    assert "shared with the review panel only" in meetings
    assert _url("meeting-detail", review, meeting_id=past_meeting.pk) not in meetings
    response = client.get(_url("meeting-detail", review, meeting_id=past_meeting.pk))
    assert response.status_code == 403
    assert Event.objects.filter(
        action="authz.denied", actor=contributor_a, detail__permission="panel.view_minutes"
    ).exists()
    assert client.get(_url("tor-detail", review)).status_code == 403


def test_a_contributor_who_sits_on_the_panel_reads_the_minutes(
    login: Any, review: Any, contributor_a: Any, agency_a: Any, past_meeting: Any
) -> None:
    PanelMember.objects.create(
        review=review,
        user=contributor_a,
        name="Ann Agency",
        agency=agency_a,
        role="agency_representative",
        seniority="Superintendent",
    )
    past_meeting.minutes = "The panel agreed the scope."
    past_meeting.save()
    response = login(contributor_a).get(_url("meeting-detail", review, meeting_id=past_meeting.pk))
    assert response.status_code == 200
    assert "The panel agreed the scope." in response.content.decode()


def test_reading_the_minutes_is_audited_once_without_personal_data(
    login: Any, review: Any, panel_member: Any, past_meeting: Any
) -> None:
    login(panel_member).get(_url("meeting-detail", review, meeting_id=past_meeting.pk))
    [event] = Event.objects.filter(action="panel.view_minutes", actor=panel_member)
    assert event.review_id == review.pk
    assert set(event.detail) == {"method"}


def test_a_meeting_of_another_review_is_404_even_for_a_manager(
    login: Any, review: Any, coordinator: Any, csp: Any
) -> None:
    other: Any = f.ReviewFactory(lead_csp=csp)
    meeting = PanelMeeting.objects.create(review=other, starts_at=timezone.now(), online=True)
    response = login(coordinator).get(_url("meeting-detail", review, meeting_id=meeting.pk))
    assert response.status_code == 404


def test_the_other_csp_cannot_reach_a_meeting_by_its_id(
    login: Any, review: Any, other_csp_coordinator: Any, past_meeting: Any
) -> None:
    response = login(other_csp_coordinator).get(
        _url("meeting-detail", review, meeting_id=past_meeting.pk)
    )
    assert response.status_code == 404


def test_a_panel_member_cannot_post_a_new_member(
    login: Any, review: Any, panel_member: Any, agency_b: Any
) -> None:
    response = login(panel_member).post(
        _url("member-add", review),
        {"name": "X", "role": "other", "seniority": "Y", "declared_independent": "no"},
    )
    assert response.status_code == 403
    assert not PanelMember.objects.exists()


def test_the_panel_home_links_to_every_part(
    login: Any, review: Any, independent_chair: Any
) -> None:
    body = login(independent_chair).get(_url("panel-home", review)).content.decode()
    for name in ("member-list", "agency-list", "meeting-list", "tor-detail"):
        assert _url(name, review) in body


def test_the_panel_home_hides_the_terms_from_a_contributor(
    login: Any, review: Any, contributor_a: Any
) -> None:
    body = login(contributor_a).get(_url("panel-home", review)).content.decode()
    assert _url("tor-detail", review) not in body
