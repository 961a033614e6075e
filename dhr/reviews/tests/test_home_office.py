"""Telling the Home Office (R20), its response (R21, R22) and agencies that decline (R35)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.clock.models import Deadline
from dhr.reviews.choices import HomeOfficeResponse, ReviewState
from dhr.reviews.models import AgencyDecline, Decision, HomeOfficeNotification, Review
from dhr.reviews.services.decision import decision_record
from dhr.reviews.services.home_office import home_office_mark_sent
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _date(prefix: str, value: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


def _state(review: Any) -> str:
    return Review.objects.get(pk=review.pk).state


def _decide(review: Any, chair: Any, outcome: str = "review", days_ago: int = 2) -> Decision:
    return decision_record(
        actor=chair,
        review=review,
        outcome=outcome,
        forum="csp_chair",
        decided_on=TODAY() - dt.timedelta(days=days_ago),
        rationale="No agency knew of any abuse." if outcome == "no_review" else "",
    )


def _send(review: Any, chair: Any, days_ago: int = 1) -> None:
    home_office_mark_sent(actor=chair, review=review, sent_on=TODAY() - dt.timedelta(days=days_ago))


def _letter_url(review: Any, fmt: str) -> str:
    return reverse("reviews:home-office-letter", kwargs={"review_id": review.pk, "fmt": fmt})


def _page_url(review: Any) -> str:
    return reverse("reviews:home-office-response", args=[review.pk])


def _sent_url(review: Any) -> str:
    return reverse("reviews:home-office-sent", args=[review.pk])


def _respond(client: Any, review: Any, response: str, on: dt.date, **extra: str) -> Any:
    data = {"response-response": response, **_date("response-response_on", on)}
    data.update({f"response-{key}": value for key, value in extra.items()})
    return client.post(_page_url(review), data)


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return " ".join(
            archive.read(name).decode("utf-8", "replace")
            for name in archive.namelist()
            if name.endswith(".xml")
        )


# --- Letter -----------------------------------------------------------------------------------


def test_docx_letter_download(login: Any, review: Any, csp_chair: Any, coordinator: Any) -> None:
    review.pseudonym = "Rowan"
    review.save()
    _decide(review, csp_chair)
    response = login(coordinator).get(_letter_url(review, "docx"))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="DHR-WSF-2026-0001-home-office-decision.docx"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"PK")
    text = _docx_text(response.content)
    assert "DHR-WSF-2026-0001" in text
    assert "Westshire Community Safety Partnership" in text
    assert "Six months from the decision" in text
    assert "Rowan" in text
    assert "Alex Example" not in text  # the victim's name never leaves in a letter
    assert Event.objects.filter(
        action="review.download_letter", review_id=review.pk, actor=coordinator
    ).exists()


def test_pdf_letter_download(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair, "no_review")
    response = login(csp_chair).get(_letter_url(review, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('-home-office-decision.pdf"')
    assert response.content.startswith(b"%PDF")


@pytest.mark.parametrize("fmt", ["txt", "html", "DOCX", "docx.exe"])
def test_unknown_format_is_404(login: Any, review: Any, csp_chair: Any, fmt: str) -> None:
    _decide(review, csp_chair)
    assert login(csp_chair).get(_letter_url(review, fmt)).status_code == 404


def test_no_letter_before_a_decision(login: Any, review: Any, csp_chair: Any) -> None:
    assert login(csp_chair).get(_letter_url(review, "docx")).status_code == 404
    assert login(csp_chair).get(_page_url(review)).status_code == 404


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404(
    login: Any, review: Any, csp_chair: Any, persona: str, request: Any
) -> None:
    _decide(review, csp_chair)
    client = login(request.getfixturevalue(persona))
    assert client.get(_letter_url(review, "docx")).status_code == 404
    assert client.get(_page_url(review)).status_code == 404
    assert client.post(_sent_url(review), _date("sent-sent_on", TODAY())).status_code == 404


def test_contributor_gets_403(login: Any, review: Any, csp_chair: Any, contributor_a: Any) -> None:
    _decide(review, csp_chair)
    client = login(contributor_a)
    assert client.get(_letter_url(review, "docx")).status_code == 403
    assert client.get(_page_url(review)).status_code == 403
    assert client.post(_sent_url(review), _date("sent-sent_on", TODAY())).status_code == 403
    assert _respond(client, review, "accepted", TODAY()).status_code == 403
    assert not Event.objects.filter(action="review.download_letter").exists()


# --- Marking as sent --------------------------------------------------------------------------


def test_mark_sent_is_post_only(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair)
    assert login(csp_chair).get(_sent_url(review)).status_code == 405


def test_mark_sent_records_date_and_meets_the_clock(
    login: Any, review: Any, csp_chair: Any, coordinator: Any
) -> None:
    _decide(review, csp_chair)
    client = login(coordinator)
    page = client.get(_page_url(review)).content.decode()
    assert "Mark as sent" in page
    assert "Record the response" not in page
    response = client.post(_sent_url(review), _date("sent-sent_on", TODAY()))
    assert response.status_code == 302
    notice = HomeOfficeNotification.objects.get(review=review)
    assert notice.sent_on == TODAY()
    assert notice.sent_by == coordinator
    assert Deadline.objects.get(review=review, rule_code="home_office_notified").met_on == TODAY()
    page = client.get(_page_url(review)).content.decode()
    assert "Mark as sent" not in page
    assert "Record the response" in page


@pytest.mark.parametrize(
    ("when", "message"),
    [(1, "must be today or in the past"), (-5, "same as or after the date of decision")],
)
def test_mark_sent_refuses_bad_dates(
    login: Any, review: Any, csp_chair: Any, when: int, message: str
) -> None:
    _decide(review, csp_chair, days_ago=2)
    response = login(csp_chair).post(
        _sent_url(review), _date("sent-sent_on", TODAY() + dt.timedelta(days=when))
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert HomeOfficeNotification.objects.get().sent_on is None


# --- Home Office response ---------------------------------------------------------------------


def test_no_review_stays_open_until_the_home_office_responds(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _decide(review, csp_chair, "no_review")
    _send(review, csp_chair)
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW
    page = login(csp_chair).get(_page_url(review)).content.decode()
    assert "stays open until the Home Office responds" in page


def test_no_review_accepted_closes_the_review(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair, "no_review")
    _send(review, csp_chair)
    response = _respond(login(csp_chair), review, "accepted", TODAY())
    assert response.status_code == 302
    assert _state(review) == ReviewState.CLOSED
    notice = HomeOfficeNotification.objects.get()
    assert notice.response == HomeOfficeResponse.ACCEPTED
    assert notice.response_on == TODAY()
    assert Event.objects.filter(action="review.home_office_response").exists()


def test_challenge_keeps_it_open_then_direction_reopens(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _decide(review, csp_chair, "no_review", days_ago=3)
    _send(review, csp_chair, days_ago=2)
    client = login(csp_chair)
    _respond(client, review, "challenged", TODAY() - dt.timedelta(days=1), notes="QA Panel view")
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW
    page = client.get(_page_url(review)).content.decode()
    assert "Next step" in page
    assert "Record the response" in page  # a later answer can still be recorded

    _respond(client, review, "direction_establish", TODAY())
    assert _state(review) == ReviewState.DECIDED_REVIEW
    directed = Decision.objects.get(following_direction=True)
    assert directed.outcome == "review"
    assert directed.decided_on == TODAY()
    assert directed.rationale.startswith("Secretary of State direction under s.9(2)")
    completion = Deadline.objects.get(review=review, rule_code="completion", cancelled=False)
    assert completion.starts_on == TODAY()
    notice = HomeOfficeNotification.objects.get()
    assert notice.response == HomeOfficeResponse.DIRECTION_ESTABLISH
    assert notice.directed_body == "Westshire Community Safety Partnership"
    assert "Record the response" not in client.get(_page_url(review)).content.decode()


def test_review_decision_accepted_just_records(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair)
    _send(review, csp_chair)
    _respond(login(csp_chair), review, "accepted", TODAY())
    assert _state(review) == ReviewState.DECIDED_REVIEW
    assert HomeOfficeNotification.objects.get().response == HomeOfficeResponse.ACCEPTED


def test_direction_to_participate_needs_the_directed_body(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _decide(review, csp_chair)
    _send(review, csp_chair)
    client = login(csp_chair)
    response = _respond(client, review, "direction_participate", TODAY())
    assert "Enter the body the direction is made to" in response.content.decode()
    _respond(client, review, "direction_participate", TODAY(), directed_body="Westshire NHS Trust")
    assert HomeOfficeNotification.objects.get().directed_body == "Westshire NHS Trust"


def test_direction_to_establish_not_offered_for_a_review(
    login: Any, review: Any, csp_chair: Any
) -> None:
    _decide(review, csp_chair)
    _send(review, csp_chair)
    response = _respond(login(csp_chair), review, "direction_establish", TODAY())
    assert response.status_code == 200
    assert HomeOfficeNotification.objects.get().response == HomeOfficeResponse.AWAITING


def test_response_date_not_before_sent(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair, "no_review", days_ago=3)
    _send(review, csp_chair, days_ago=1)
    response = _respond(login(csp_chair), review, "accepted", TODAY() - dt.timedelta(days=2))
    assert "same as or after the date sent" in response.content.decode()
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW


def test_response_date_not_in_future(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair, "no_review")
    _send(review, csp_chair)
    response = _respond(login(csp_chair), review, "accepted", TODAY() + dt.timedelta(days=1))
    assert "must be today or in the past" in response.content.decode()
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW


def test_no_response_before_the_letter_is_sent(login: Any, review: Any, csp_chair: Any) -> None:
    _decide(review, csp_chair, "no_review")
    response = _respond(login(csp_chair), review, "accepted", TODAY())
    assert "Mark the letter as sent" in response.content.decode()
    assert _state(review) == ReviewState.DECIDED_NO_REVIEW


# --- Agencies that decline --------------------------------------------------------------------


def _decline_url(review: Any) -> str:
    return reverse("reviews:agency-decline-create", args=[review.pk])


def _decline_post(agency: Any, asked: dt.date, declined: dt.date) -> dict[str, str]:
    return {
        "agency": str(agency.pk),
        **_date("asked_on", asked),
        **_date("declined_on", declined),
        "reason_given": "Capacity",
        "steps_taken": "Letter from the CSP chair\nCall with the agency's safeguarding lead",
    }


def test_agency_decline_and_direction_request_letter(
    login: Any, review: Any, coordinator: Any, agency_b: Any
) -> None:
    client = login(coordinator)
    response = client.post(
        _decline_url(review),
        _decline_post(agency_b, TODAY() - dt.timedelta(days=10), TODAY() - dt.timedelta(days=2)),
    )
    assert response.status_code == 302
    decline = AgencyDecline.objects.get()
    assert decline.agency == agency_b
    assert decline.direction_requested_on is None

    url = reverse(
        "reviews:agency-decline-letter",
        kwargs={"review_id": review.pk, "decline_id": decline.pk, "fmt": "docx"},
    )
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="DHR-WSF-2026-0001-')
    assert response.content.startswith(b"PK")
    text = _docx_text(response.content)
    assert "Westshire NHS Trust" in text
    assert "Alex Example" not in text
    decline.refresh_from_db()
    assert decline.direction_requested_on == TODAY()
    pdf = client.get(url.replace("letter.docx", "letter.pdf"))
    assert pdf.content.startswith(b"%PDF")
    assert client.get(url.replace("letter.docx", "letter.odt")).status_code == 404
    assert "Westshire NHS Trust" in client.get(_decline_url(review)).content.decode()


def test_agency_cannot_decline_before_it_was_asked(
    login: Any, review: Any, independent_chair: Any, agency_b: Any
) -> None:
    response = login(independent_chair).post(
        _decline_url(review), _decline_post(agency_b, TODAY(), TODAY() - dt.timedelta(days=1))
    )
    assert "same as or after the date asked" in response.content.decode()
    assert not AgencyDecline.objects.exists()


def test_agency_decline_dates_not_in_future(
    login: Any, review: Any, coordinator: Any, agency_b: Any
) -> None:
    tomorrow = TODAY() + dt.timedelta(days=1)
    login(coordinator).post(_decline_url(review), _decline_post(agency_b, TODAY(), tomorrow))
    assert not AgencyDecline.objects.exists()


def test_a_csp_is_not_offered_as_an_agency(
    login: Any, review: Any, coordinator: Any, other_csp: Any
) -> None:
    response = login(coordinator).post(
        _decline_url(review), _decline_post(other_csp, TODAY(), TODAY())
    )
    assert response.status_code == 200
    assert not AgencyDecline.objects.exists()


def test_agency_decline_access(
    login: Any, review: Any, contributor_a: Any, outsider: Any, coordinator: Any, agency_b: Any
) -> None:
    decline = AgencyDecline.objects.create(
        review=review,
        agency=agency_b,
        asked_on=TODAY(),
        declined_on=TODAY(),
        steps_taken="Asked twice",
        recorded_by=coordinator,
    )
    url = reverse(
        "reviews:agency-decline-letter",
        kwargs={"review_id": review.pk, "decline_id": decline.pk, "fmt": "pdf"},
    )
    assert login(outsider).get(_decline_url(review)).status_code == 404
    assert login(outsider).get(url).status_code == 404
    assert login(contributor_a).get(_decline_url(review)).status_code == 403
    assert login(contributor_a).get(url).status_code == 403
    decline.refresh_from_db()
    assert decline.direction_requested_on is None


def test_decline_of_another_review_is_404(
    login: Any, review: Any, coordinator: Any, agency_b: Any, csp: Any
) -> None:
    elsewhere: Any = f.ReviewFactory(lead_csp=csp)
    decline = AgencyDecline.objects.create(
        review=elsewhere,
        agency=agency_b,
        asked_on=TODAY(),
        declined_on=TODAY(),
        steps_taken="Asked",
        recorded_by=coordinator,
    )
    url = reverse(
        "reviews:agency-decline-letter",
        kwargs={"review_id": review.pk, "decline_id": decline.pk, "fmt": "docx"},
    )
    assert login(coordinator).get(url).status_code == 404
