"""Every page renders for the person it is for, with real objects, with its GOV.UK parts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from dhr.contributions.services.imrs import imr_submit
from dhr.contributions.tests.conftest import SIGN_OFF

pytestmark = pytest.mark.django_db


def test_every_page_renders_for_its_user(
    login: Any,
    review: Any,
    coordinator: Any,
    independent_chair: Any,
    contributor_a: Any,
    contributor_b: Any,
    scoping_a: Any,
    imr_a: Any,
    imr_request_b: Any,
) -> None:
    version = imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    r, q, i = review.pk, imr_a.request_id, imr_a.pk
    pages = [
        (coordinator, "contributions:request-list", {"review_id": r}, "Agency information"),
        (coordinator, "contributions:request-send", {"review_id": r}, "Send requests"),
        (coordinator, "contributions:request-detail", {"review_id": r, "request_id": q},
         "Westshire Police"),
        (coordinator, "contributions:request-due-date", {"review_id": r, "request_id": q},
         "Change the date due"),
        (coordinator, "contributions:request-escalate", {"review_id": r, "request_id": q},
         "Escalate non-engagement"),
        (contributor_a, "contributions:request-answer",
         {"review_id": r, "request_id": scoping_a.pk}, "Answer the scoping request"),
        (contributor_b, "contributions:imr-upload",
         {"review_id": r, "request_id": imr_request_b.pk}, "Upload the IMR"),
        (contributor_b, "contributions:imr-write",
         {"review_id": r, "request_id": imr_request_b.pk}, "Save the draft"),
        (independent_chair, "contributions:imr-detail", {"review_id": r, "imr_id": i},
         "Accept the IMR"),
        (independent_chair, "contributions:imr-return", {"review_id": r, "imr_id": i},
         "Return the IMR"),
        (independent_chair, "contributions:imr-version",
         {"review_id": r, "imr_id": i, "version_id": version.pk}, "version 1"),
        (contributor_a, "contributions:imr-submit", {"review_id": r, "imr_id": i},
         "already been submitted"),
    ]  # fmt: skip
    for user, name, kwargs, text in pages:
        response = login(user).get(reverse(name, kwargs=kwargs))
        assert response.status_code == 200, name
        content = response.content.decode()
        assert text in content, name
        assert "govuk-back-link" in content, name
        assert "DHR-WSF-2026-0001" in content, name
