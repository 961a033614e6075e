"""Who sees a review: members see it, outsiders and other CSPs get 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from dhr.audit.models import Event
from dhr.reviews.selectors import review_list_for

pytestmark = pytest.mark.django_db


def test_coordinator_sees_review_and_read_is_audited(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).get(reverse("reviews:review-detail", args=[review.pk]))
    assert response.status_code == 200
    assert review.reference in response.content.decode()
    assert (
        Event.objects.filter(action="review.view", review_id=review.pk, actor=coordinator).count()
        == 1
    )


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404(login: Any, review: Any, persona: str, request: Any) -> None:
    user = request.getfixturevalue(persona)
    response = login(user).get(reverse("reviews:review-detail", args=[review.pk]))
    assert response.status_code == 404
    assert list(review_list_for(user=user)) == []


def test_contributor_sees_review_but_not_case_record(
    login: Any, review: Any, contributor_a: Any
) -> None:
    client = login(contributor_a)
    assert client.get(reverse("reviews:review-detail", args=[review.pk])).status_code == 200
    assert client.get(reverse("reviews:member-list", args=[review.pk])).status_code == 403
    assert Event.objects.filter(action="authz.denied", actor=contributor_a).exists()


def test_anonymous_is_sent_to_sign_in(client: Any, review: Any) -> None:
    response = client.get(reverse("reviews:review-detail", args=[review.pk]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_record_notification_is_offered_only_to_those_who_can(
    login: Any, review: Any, coordinator: Any, contributor_a: Any
) -> None:
    label = "Record a notification"
    assert label in login(coordinator).get(reverse("reviews:review-list")).content.decode()
    assert label not in login(contributor_a).get(reverse("reviews:review-list")).content.decode()


def test_review_page_offers_only_sections_the_role_allows(
    login: Any, review: Any, coordinator: Any, contributor_a: Any
) -> None:
    coordinator_page = login(coordinator).get(reverse("reviews:review-detail", args=[review.pk]))
    contributor_page = login(contributor_a).get(reverse("reviews:review-detail", args=[review.pk]))
    assert "People in this review" in coordinator_page.content.decode()
    # Agency contributors cannot read the case record, so the link is not offered to them.
    assert "People in this review" not in contributor_page.content.decode()
    assert "Review panel and terms of reference" in contributor_page.content.decode()
