"""The proceedings pages and the review timeline, as the chair and coordinator use them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from dhr.clock.models import Pause
from dhr.proceedings.models import PauseProposal
from dhr.proceedings.proposals import proposal_approve
from dhr.proceedings.services import proceeding_create, proceeding_event_record
from dhr.reviews.models import TimelineEvent
from dhr.reviews.services.timeline import timeline_add

pytestmark = pytest.mark.django_db


def _date(prefix: str, day: dt.date) -> dict[str, str]:
    return {
        f"{prefix}_0": str(day.day),
        f"{prefix}_1": str(day.month),
        f"{prefix}_2": str(day.year),
    }


def _list_url(review: Any) -> str:
    return reverse("proceedings:proceeding-list", kwargs={"review_id": review.pk})


def _charge_proposal(coordinator: Any, criminal: Any) -> PauseProposal:
    event = proceeding_event_record(
        actor=coordinator, proceeding=criminal, kind="charge", occurred_on=dt.date(2026, 1, 20)
    )
    return event.pause_proposals.get()


def _proposal_url(review: Any, proposal: Any, action: str) -> str:
    return reverse(
        f"proceedings:proposal-{action}",
        kwargs={"review_id": review.pk, "proposal_id": proposal.pk},
    )


def test_chair_records_a_criminal_case_and_sees_it(
    login: Any, review: Any, independent_chair: Any, traveller: Any
) -> None:
    client = login(independent_chair)
    response = client.post(
        reverse("proceedings:proceeding-create", kwargs={"review_id": review.pk}),
        {"kind": "criminal", "body": "Westshire Crown Court", "liaison_name": "DI Example"},
    )
    assert response.status_code == 302
    page = client.get(_list_url(review)).content.decode()
    assert "Criminal proceedings" in page and "DI Example" in page


def test_disciplinary_process_is_shown_as_separate(
    login: Any, review: Any, coordinator: Any, traveller: Any
) -> None:
    proceeding_create(actor=coordinator, review=review, kind="disciplinary")
    page = login(coordinator).get(_list_url(review)).content.decode()
    assert "separately from this review" in page


def test_trial_before_charge_shows_a_govuk_error_and_saves_nothing(
    login: Any, review: Any, coordinator: Any, criminal: Any
) -> None:
    proceeding_event_record(
        actor=coordinator, proceeding=criminal, kind="charge", occurred_on=dt.date(2026, 1, 20)
    )
    url = reverse(
        "proceedings:event-create", kwargs={"review_id": review.pk, "proceeding_id": criminal.pk}
    )
    response = login(coordinator).post(
        url, {"kind": "trial", **_date("occurred_on", dt.date(2026, 1, 10))}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and "before the charge" in body
    assert not criminal.events.filter(kind="trial").exists()


def test_the_chair_approves_a_pause_on_the_page(
    login: Any, review: Any, coordinator: Any, csp_chair: Any, completion: Any, criminal: Any
) -> None:
    proposal = _charge_proposal(coordinator, criminal)
    client = login(csp_chair)
    assert "Approve" in client.get(_list_url(review)).content.decode()
    response = client.post(
        _proposal_url(review, proposal, "approve"),
        {**_date("effective_on", dt.date(2026, 1, 20)), "explanation": "Awaiting trial"},
    )
    assert response.status_code == 302
    assert Pause.objects.get(review=review).started_on == dt.date(2026, 1, 20)


def test_a_resume_before_the_pause_shows_the_error_on_the_date(
    login: Any, review: Any, coordinator: Any, csp_chair: Any, completion: Any, criminal: Any
) -> None:
    proposal_approve(
        actor=csp_chair,
        proposal=_charge_proposal(coordinator, criminal),
        effective_on=dt.date(2026, 1, 20),
        explanation="Awaiting trial",
    )
    verdict = proceeding_event_record(
        actor=coordinator,
        proceeding=criminal,
        kind="verdict",
        occurred_on=dt.date(2026, 1, 30),
        verdict="manslaughter",
    )
    response = login(csp_chair).post(
        _proposal_url(review, verdict.pause_proposals.get(), "approve"),
        _date("effective_on", dt.date(2026, 1, 10)),
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and "cannot end before it started" in body
    assert Pause.objects.get(review=review).ended_on is None


def test_rejecting_on_the_page_needs_a_reason(
    login: Any,
    review: Any,
    coordinator: Any,
    independent_chair: Any,
    completion: Any,
    criminal: Any,
) -> None:
    proposal = _charge_proposal(coordinator, criminal)
    client = login(independent_chair)
    url = _proposal_url(review, proposal, "reject")
    assert "govuk-error-summary" in client.post(url, {"reason": ""}).content.decode()
    assert client.post(url, {"reason": "SIO agreed we proceed"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == "rejected"
    assert not Pause.objects.exists()


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_proposals_are_403_for_agency_contributor_and_coordinator_404_for_outsider(
    login: Any,
    review: Any,
    coordinator: Any,
    contributor_a: Any,
    outsider: Any,
    completion: Any,
    criminal: Any,
    action: str,
) -> None:
    url = _proposal_url(review, _charge_proposal(coordinator, criminal), action)
    assert login(contributor_a).get(url).status_code == 403
    assert login(coordinator).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404
    assert login(outsider).post(url, {"reason": "x"}).status_code == 404


def test_event_page_is_403_for_agency_contributor_404_for_other_review(
    login: Any,
    review: Any,
    coordinator: Any,
    contributor_a: Any,
    other_csp_coordinator: Any,
    criminal: Any,
) -> None:
    url = reverse(
        "proceedings:event-create", kwargs={"review_id": review.pk, "proceeding_id": criminal.pk}
    )
    assert login(contributor_a).get(url).status_code == 403
    assert login(other_csp_coordinator).get(url).status_code == 404
    assert login(coordinator).get(url).status_code == 200


def test_proposal_post_without_csrf_token_is_refused(
    login: Any, review: Any, coordinator: Any, csp_chair: Any, completion: Any, criminal: Any
) -> None:
    proposal = _charge_proposal(coordinator, criminal)
    client = login(csp_chair, enforce_csrf_checks=True)
    response = client.post(_proposal_url(review, proposal, "reject"), {"reason": "x"})
    assert response.status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == "proposed"


# --- The one timeline (issue 4, item 5) ---------------------------------------------------------


def _timeline(client: Any, review: Any, query: dict[str, Any] | None = None) -> Any:
    url = reverse("reviews:review-timeline", kwargs={"review_id": review.pk})
    return client.get(url, query or {})


def test_timeline_shows_proceedings_and_filters_by_kind(
    login: Any, review: Any, coordinator: Any, criminal: Any
) -> None:
    timeline_add(review=review, kind="lifecycle", summary="Set-up complete", actor=coordinator)
    client = login(coordinator)
    body = _timeline(client, review).content.decode()
    assert "Parallel process recorded" in body and "Set-up complete" in body
    body = _timeline(client, review, {"kind": "proceedings"}).content.decode()
    assert "Parallel process recorded" in body and "Set-up complete" not in body


def test_timeline_ignores_unknown_kinds_with_a_notice(
    login: Any, review: Any, coordinator: Any, criminal: Any
) -> None:
    body = _timeline(login(coordinator), review, {"kind": ["nonsense"]}).content.decode()
    assert "so that filter was ignored" in body
    assert "Parallel process recorded" in body


def test_timeline_filters_by_date_and_refuses_a_reversed_range(
    login: Any, review: Any, coordinator: Any
) -> None:
    old = timeline_add(review=review, kind="lifecycle", summary="Old step", actor=coordinator)
    TimelineEvent.objects.filter(pk=old.pk).update(
        occurred_at=dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
    )
    timeline_add(review=review, kind="lifecycle", summary="New step", actor=coordinator)
    client = login(coordinator)
    body = _timeline(client, review, _date("to", dt.date(2025, 12, 31))).content.decode()
    assert "Old step" in body and "New step" not in body
    reversed_range = {**_date("from", dt.date(2026, 2, 1)), **_date("to", dt.date(2026, 1, 1))}
    body = _timeline(client, review, reversed_range).content.decode()
    assert "govuk-error-summary" in body and "must be the same as or after" in body
    body = _timeline(client, review, {"from_0": "31", "from_1": "2", "from_2": "2026"}).content
    assert b"must be a real date" in body


def test_timeline_paginates_at_100_newest_first(login: Any, review: Any, coordinator: Any) -> None:
    base = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    TimelineEvent.objects.bulk_create(
        TimelineEvent(
            review=review,
            kind="lifecycle",
            summary=f"Step {n:03d}",
            occurred_at=base + dt.timedelta(minutes=n),
        )
        for n in range(105)
    )
    client = login(coordinator)
    first = _timeline(client, review).content.decode()
    assert "Step 104" in first and "Step 004" not in first and "govuk-pagination" in first
    second = _timeline(client, review, {"page": 2}).content.decode()
    assert "Step 004" in second and "Step 104" not in second


def test_timeline_is_403_for_agency_contributor_and_404_for_outsider(
    login: Any, review: Any, contributor_a: Any, outsider: Any
) -> None:
    assert _timeline(login(contributor_a), review).status_code == 403
    assert _timeline(login(outsider), review).status_code == 404


def test_disclosure_decision_is_recorded_and_listed(
    login: Any, review: Any, coordinator: Any, criminal: Any
) -> None:
    proceeding_create(actor=coordinator, review=review, kind="disciplinary")
    client = login(coordinator)
    url = reverse("proceedings:disclosure-create", kwargs={"review_id": review.pk})
    form_page = client.get(url).content.decode()
    assert "Agency disciplinary process" not in form_page  # R48: kept out of liaison
    response = client.post(
        url,
        {
            "proceeding": str(criminal.pk),
            "liaised_with": "sio",
            **_date("decided_on", dt.date(2026, 1, 20)),
            "may_proceed_with": "Agency chronologies",
            "must_wait": "Witness interviews",
            **_date("wait_until", dt.date(2026, 1, 1)),
        },
    )
    assert "on or after the date agreed" in response.content.decode()
    response = client.post(
        url,
        {
            "proceeding": str(criminal.pk),
            "liaised_with": "sio",
            **_date("decided_on", dt.date(2026, 1, 20)),
            "may_proceed_with": "Agency chronologies",
            "must_wait": "Witness interviews",
            **_date("wait_until", dt.date(2026, 6, 1)),
        },
    )
    assert response.status_code == 302
    page = client.get(_list_url(review)).content.decode()
    assert "Witness interviews" in page and "1 June 2026" in page
