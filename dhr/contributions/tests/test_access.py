"""Who sees what (issue 3 item 8): every agency sees only its own material, changing an id in
the URL gives 404, panel members see only what the chair shares, and every view is audited."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.middleware.csrf import _get_new_csrf_string
from django.urls import reverse

from dhr.audit.models import Event
from dhr.contributions.services.imrs import imr_share_with_panel, imr_submit
from dhr.contributions.tests.conftest import SIGN_OFF

pytestmark = pytest.mark.django_db


def _request_url(name: str, review: Any, request: Any) -> str:
    return reverse(name, kwargs={"review_id": review.pk, "request_id": request.pk})


def _imr_url(name: str, review: Any, imr: Any) -> str:
    return reverse(name, kwargs={"review_id": review.pk, "imr_id": imr.pk})


@pytest.mark.parametrize("name", ["contributions:request-detail", "contributions:request-answer"])
def test_contributor_b_gets_404_on_agency_a_scoping_request(
    login: Any, review: Any, contributor_b: Any, scoping_a: Any, name: str
) -> None:
    assert login(contributor_b).get(_request_url(name, review, scoping_a)).status_code == 404


def test_contributor_b_gets_404_on_agency_a_imr_request(
    login: Any, review: Any, contributor_b: Any, imr_request_a: Any
) -> None:
    for name in ("contributions:request-detail", "contributions:imr-write"):
        assert (
            login(contributor_b).get(_request_url(name, review, imr_request_a)).status_code == 404
        )
    response = login(contributor_b).post(
        _request_url("contributions:imr-write", review, imr_request_a),
        {"involvement_summary": "Tampering"},
    )
    assert response.status_code == 404


@pytest.mark.parametrize("name", ["contributions:imr-detail", "contributions:imr-submit"])
def test_contributor_b_gets_404_on_agency_a_imr(
    login: Any, review: Any, contributor_a: Any, contributor_b: Any, imr_a: Any, name: str
) -> None:
    assert login(contributor_a).get(_imr_url(name, review, imr_a)).status_code == 200
    assert login(contributor_b).get(_imr_url(name, review, imr_a)).status_code == 404


def test_contributor_b_cannot_reach_a_version_of_agency_a_imr(
    login: Any, review: Any, contributor_a: Any, contributor_b: Any, imr_a: Any
) -> None:
    version = imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    url = reverse(
        "contributions:imr-version",
        kwargs={"review_id": review.pk, "imr_id": imr_a.pk, "version_id": version.pk},
    )
    assert login(contributor_a).get(url).status_code == 200
    assert login(contributor_b).get(url).status_code == 404


def test_panel_member_sees_an_imr_only_once_shared(
    login: Any,
    review: Any,
    contributor_a: Any,
    independent_chair: Any,
    panel_member: Any,
    imr_a: Any,
) -> None:
    url = _imr_url("contributions:imr-detail", review, imr_a)
    home = reverse("contributions:request-list", kwargs={"review_id": review.pk})
    assert login(panel_member).get(url).status_code == 404
    assert b"Westshire Police" not in login(panel_member).get(home).content
    # Request statuses are not the panel's business.
    request_url = _request_url("contributions:request-detail", review, imr_a.request)
    assert login(panel_member).get(request_url).status_code == 403

    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    imr_share_with_panel(actor=independent_chair, review=review, imr=imr_a, shared=True)

    page = login(panel_member).get(url)
    assert page.status_code == 200
    assert b"Text for analysis." in page.content
    assert b"Westshire Police" in login(panel_member).get(home).content

    imr_share_with_panel(actor=independent_chair, review=review, imr=imr_a, shared=False)
    assert login(panel_member).get(url).status_code == 404


def test_chair_shares_through_the_page(
    login: Any,
    review: Any,
    contributor_a: Any,
    independent_chair: Any,
    panel_member: Any,
    imr_a: Any,
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    response = login(independent_chair).post(
        _imr_url("contributions:imr-share", review, imr_a), {"shared": "yes"}
    )
    assert response.status_code == 302
    imr_a.refresh_from_db()
    assert imr_a.shared_with_panel


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404_on_real_requests_and_imrs(
    request: pytest.FixtureRequest, login: Any, review: Any, imr_a: Any, persona: str
) -> None:
    client = login(request.getfixturevalue(persona))
    assert client.get(_imr_url("contributions:imr-detail", review, imr_a)).status_code == 404
    assert (
        client.get(_request_url("contributions:request-detail", review, imr_a.request)).status_code
        == 404
    )
    assert client.post(_imr_url("contributions:imr-accept", review, imr_a)).status_code == 404


def test_chair_writer_and_coordinator_read_every_imr(
    login: Any,
    review: Any,
    independent_chair: Any,
    report_writer: Any,
    coordinator: Any,
    imr_a: Any,
    imr_b: Any,
) -> None:
    for user in (independent_chair, report_writer, coordinator):
        for imr in (imr_a, imr_b):
            assert (
                login(user).get(_imr_url("contributions:imr-detail", review, imr)).status_code
                == 200
            )


def test_csp_chair_and_oversight_see_statuses_but_not_imr_text(
    login: Any, review: Any, csp_chair: Any, oversight: Any, imr_a: Any
) -> None:
    for user in (csp_chair, oversight):
        client = login(user)
        assert (
            client.get(
                _request_url("contributions:request-detail", review, imr_a.request)
            ).status_code
            == 200
        )
        assert client.get(_imr_url("contributions:imr-detail", review, imr_a)).status_code == 403


def test_every_read_is_audited_with_the_object(
    login: Any, review: Any, independent_chair: Any, imr_a: Any
) -> None:
    login(independent_chair).get(_imr_url("contributions:imr-detail", review, imr_a))
    event = Event.objects.get(action="contributions.view_imr")
    assert (event.actor, event.object_id) == (independent_chair, str(imr_a.pk))
    assert event.review_id == review.pk


def test_a_denied_member_is_audited(
    login: Any, review: Any, contributor_a: Any, imr_a: Any
) -> None:
    response = login(contributor_a).get(_imr_url("contributions:imr-return", review, imr_a))
    assert response.status_code == 403
    assert Event.objects.filter(action="authz.denied", actor=contributor_a).exists()


def test_posts_on_real_objects_need_a_csrf_token(
    login: Any, review: Any, contributor_a: Any, independent_chair: Any, imr_a: Any
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    client = login(independent_chair, enforce_csrf_checks=True)
    url = _imr_url("contributions:imr-accept", review, imr_a)
    assert client.post(url).status_code == 403
    imr_a.refresh_from_db()
    assert imr_a.state == "submitted"
    token = _get_new_csrf_string()
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    imr_a.refresh_from_db()
    assert imr_a.state == "accepted"
