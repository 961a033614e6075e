"""IMRs (R33): declaration and sign-off before submission, return with comments, versions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from dhr.contributions.choices import IMRState, RequestStatus
from dhr.contributions.models import IMR
from dhr.contributions.services.imrs import (
    imr_accept,
    imr_return,
    imr_save,
    imr_share_with_panel,
    imr_submit,
)
from dhr.contributions.tests.conftest import SIGN_OFF, complete_sections

pytestmark = pytest.mark.django_db


def _date(prefix: str, value: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


def test_contributor_writes_a_draft_in_the_outline_sections(
    login: Any, review: Any, contributor_a: Any, imr_request_a: Any
) -> None:
    url = reverse(
        "contributions:imr-write",
        kwargs={"review_id": review.pk, "request_id": imr_request_a.pk},
    )
    page = login(contributor_a).get(url)
    assert b"Analysis of involvement against policy and practice" in page.content
    response = login(contributor_a).post(url, {"involvement_summary": "Two contacts."})
    imr = IMR.objects.get()
    assert response["Location"] == reverse(
        "contributions:imr-detail", kwargs={"review_id": review.pk, "imr_id": imr.pk}
    )
    assert imr.state == IMRState.DRAFT
    assert imr.involvement_summary == "Two contacts."


def test_submission_needs_every_section(
    review: Any, contributor_a: Any, imr_request_a: Any
) -> None:
    imr = imr_save(
        actor=contributor_a,
        review=review,
        request=imr_request_a,
        sections={"involvement_summary": "Two contacts."},
    )
    with pytest.raises(ValidationError) as error:
        imr_submit(actor=contributor_a, review=review, imr=imr, **SIGN_OFF)
    assert "lessons_learned" in error.value.message_dict


def test_submission_needs_the_independence_declaration(
    review: Any, contributor_a: Any, imr_a: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        imr_submit(
            actor=contributor_a,
            review=review,
            imr=imr_a,
            **{**SIGN_OFF, "independence_declared": False},
        )
    assert "independence_declared" in error.value.message_dict
    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.DRAFT


def test_submission_needs_the_senior_sign_off(
    login: Any, review: Any, contributor_a: Any, imr_a: Any
) -> None:
    url = reverse("contributions:imr-submit", kwargs={"review_id": review.pk, "imr_id": imr_a.pk})
    response = login(contributor_a).post(
        url,
        {
            "author_name": "Avery Author",
            "author_role": "Review officer",
            "independence_declared": "on",
        },
    )
    assert response.status_code == 200
    assert b"Enter the name of the senior manager who signed it off" in response.content
    assert b"Enter the date it was signed off" in response.content
    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.DRAFT
    assert not imr_a.versions.exists()


def test_submission_through_the_page_keeps_a_version_and_marks_the_request_received(
    login: Any, review: Any, contributor_a: Any, imr_a: Any
) -> None:
    url = reverse("contributions:imr-submit", kwargs={"review_id": review.pk, "imr_id": imr_a.pk})
    response = login(contributor_a).post(
        url,
        {
            "author_name": "Avery Author",
            "author_role": "Review officer",
            "independence_declared": "on",
            "sign_off_name": "Sam Senior",
            "sign_off_role": "Head of safeguarding",
            **_date("signed_off_on", dt.date(2026, 4, 1)),
        },
    )
    assert response.status_code == 302
    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.SUBMITTED
    assert imr_a.request.status == RequestStatus.RECEIVED
    version = imr_a.versions.get()
    assert (version.number, version.sign_off_name) == (1, "Sam Senior")
    assert version.independence_declared


def test_return_requires_comments(
    review: Any, contributor_a: Any, independent_chair: Any, imr_a: Any
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    with pytest.raises(ValidationError):
        imr_return(actor=independent_chair, review=review, imr=imr_a, comments="  ")
    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.SUBMITTED


def test_return_page_requires_comments(
    login: Any, review: Any, contributor_a: Any, independent_chair: Any, imr_a: Any
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    url = reverse("contributions:imr-return", kwargs={"review_id": review.pk, "imr_id": imr_a.pk})
    response = login(independent_chair).post(url, {"comments": ""})
    assert b"Enter your comments for the agency" in response.content


def test_every_submission_is_kept_across_a_revision(
    login: Any, review: Any, contributor_a: Any, independent_chair: Any, imr_a: Any
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    imr_return(actor=independent_chair, review=review, imr=imr_a, comments="Say more about DASH.")
    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.RETURNED
    # The contributor sees the chair's comments when revising.
    write_url = reverse(
        "contributions:imr-write", kwargs={"review_id": review.pk, "request_id": imr_a.request_id}
    )
    assert b"Say more about DASH." in login(contributor_a).get(write_url).content

    revised = {**complete_sections(), "analysis": "DASH assessed as medium risk."}
    imr_save(actor=contributor_a, review=review, request=imr_a.request, sections=revised)
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    imr_accept(actor=independent_chair, review=review, imr=imr_a)

    imr_a.refresh_from_db()
    assert imr_a.state == IMRState.ACCEPTED
    first, second = imr_a.versions.order_by("number")
    assert first.analysis == "Text for analysis."
    assert first.return_comments == "Say more about DASH."
    assert second.analysis == "DASH assessed as medium risk."
    assert second.return_comments == ""
    # django-simple-history keeps every edit as well.
    assert imr_a.history.count() >= 5
    page = login(independent_chair).get(
        reverse(
            "contributions:imr-version",
            kwargs={"review_id": review.pk, "imr_id": imr_a.pk, "version_id": first.pk},
        )
    )
    assert b"Text for analysis." in page.content
    assert b"Say more about DASH." in page.content


def test_a_submitted_imr_cannot_be_edited(review: Any, contributor_a: Any, imr_a: Any) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    with pytest.raises(ValidationError):
        imr_save(
            actor=contributor_a, review=review, request=imr_a.request, sections=complete_sections()
        )


def test_only_the_independent_chair_assesses(
    review: Any, contributor_a: Any, coordinator: Any, imr_a: Any
) -> None:
    imr_submit(actor=contributor_a, review=review, imr=imr_a, **SIGN_OFF)
    with pytest.raises(PermissionDenied):
        imr_accept(actor=coordinator, review=review, imr=imr_a)
    with pytest.raises(PermissionDenied):
        imr_return(actor=contributor_a, review=review, imr=imr_a, comments="Fine")


def test_a_draft_is_not_shared_with_the_panel(
    review: Any, independent_chair: Any, imr_a: Any
) -> None:
    with pytest.raises(ValidationError):
        imr_share_with_panel(actor=independent_chair, review=review, imr=imr_a, shared=True)
