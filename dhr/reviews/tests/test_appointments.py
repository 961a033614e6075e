"""Appointing the independent chair and report writer, and the independence check (R25-R28)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.reviews.choices import ReviewState
from dhr.reviews.models import (
    AgencyInScope,
    Appointment,
    PastAgencyLink,
    Review,
    ReviewMembership,
)
from dhr.reviews.services.appointments import (
    RECENT_CONNECTION_YEARS,
    PastLinkInput,
    appointment_conflicts,
)
from dhr.reviews.services.decision import decision_record
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


def _url(review: Any) -> str:
    return reverse("reviews:appointment-create", args=[review.pk])


@pytest.fixture
def decided(review: Any, csp_chair: Any) -> Any:
    decision_record(
        actor=csp_chair, review=review, outcome="review", forum="csp_chair", decided_on=TODAY()
    )
    return review


def _post(role: str = "independent_chair", **extra: Any) -> dict[str, str]:
    data = {
        "role": role,
        "name": "Sam Independent",
        **_date("appointed_on", TODAY()),
        "career_history": "Former probation officer; independent chair since 2018.",
        "relevant_experience": "Chaired 12 reviews.",
        "independence_statement": "No connection with the agencies involved.",
        "home_office_training_completed": "yes",
    }
    data.update({key: str(value) for key, value in extra.items()})
    return data


def _link(row: int, agency: Any, ended: dt.date | None) -> dict[str, str]:
    data = {f"link_{row}_agency": str(agency.pk), f"link_{row}_role": "Inspector"}
    if ended is not None:
        data.update(_date(f"link_{row}_ended", ended))
    return data


def _years_ago(years: int) -> dt.date:
    today = TODAY()
    return today.replace(year=today.year - years, day=min(today.day, 28))


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404(login: Any, decided: Any, persona: str, request: Any) -> None:
    client = login(request.getfixturevalue(persona))
    assert client.get(_url(decided)).status_code == 404
    assert client.post(_url(decided), _post()).status_code == 404
    assert not Appointment.objects.exists()


@pytest.mark.parametrize("persona", ["contributor_a", "independent_chair", "decision_panel"])
def test_members_without_the_power_to_appoint_get_403(
    login: Any, decided: Any, persona: str, request: Any
) -> None:
    assert login(request.getfixturevalue(persona)).post(_url(decided), _post()).status_code == 403
    assert not Appointment.objects.exists()


def test_appointing_the_chair_completes_set_up_and_gives_the_account_its_role(
    login: Any, decided: Any, csp_chair: Any
) -> None:
    chair_account: Any = f.UserFactory(full_name="Sam Independent")
    response = login(csp_chair).post(_url(decided), _post(user=chair_account.pk))
    assert response.status_code == 302
    appointment = Appointment.objects.get()
    assert appointment.user == chair_account
    assert appointment.home_office_training_completed is True
    assert appointment.conflict_acknowledged is False
    assert _state(decided) == ReviewState.SET_UP
    assert ReviewMembership.objects.filter(
        review=decided, user=chair_account, role="independent_chair"
    ).exists()
    assert Event.objects.filter(action="review.member_added", review_id=decided.pk).exists()
    assert Event.objects.filter(action="review.appointment_made", review_id=decided.pk).exists()
    # The new chair can now see the review.
    assert (
        login(chair_account).get(reverse("reviews:review-detail", args=[decided.pk])).status_code
        == 200
    )


def test_report_writer_does_not_move_the_review(login: Any, decided: Any, coordinator: Any) -> None:
    login(coordinator).post(
        _url(decided), _post("report_writer", home_office_training_completed="no")
    )
    assert Appointment.objects.get().role == "report_writer"
    assert _state(decided) == ReviewState.DECIDED_REVIEW


def test_inactive_accounts_are_not_offered(login: Any, decided: Any, csp_chair: Any) -> None:
    gone: Any = f.UserFactory(full_name="Gone Person", is_active=False)
    page = login(csp_chair).get(_url(decided)).content.decode()
    assert "Gone Person" not in page
    login(csp_chair).post(_url(decided), _post(user=gone.pk))
    assert not Appointment.objects.exists()


def test_cannot_appoint_before_a_decision_to_review(
    login: Any, review: Any, csp_chair: Any
) -> None:
    response = login(csp_chair).post(_url(review), _post())
    assert response.status_code == 200
    assert "once a review is decided" in response.content.decode()
    assert not Appointment.objects.exists()


def test_future_appointment_date_is_refused(login: Any, decided: Any, csp_chair: Any) -> None:
    data = _post(**_date("appointed_on", TODAY() + dt.timedelta(days=1)))
    response = login(csp_chair).post(_url(decided), data)
    assert "must be today or in the past" in response.content.decode()
    assert not Appointment.objects.exists()


def test_past_link_needs_a_role(login: Any, decided: Any, csp_chair: Any, agency_a: Any) -> None:
    data = _post(**_link(1, agency_a, _years_ago(10)))
    data["link_1_role"] = ""
    response = login(csp_chair).post(_url(decided), data)
    assert "Enter the role held at the agency" in response.content.decode()


def test_old_connection_with_uninvolved_agency_is_no_conflict(
    login: Any, decided: Any, csp_chair: Any, agency_a: Any
) -> None:
    login(csp_chair).post(_url(decided), _post(**_link(1, agency_a, _years_ago(10))))
    link = PastAgencyLink.objects.get()
    assert link.agency == agency_a
    assert link.role_held == "Inspector"
    assert Appointment.objects.get().conflict_acknowledged is False


def test_connection_with_an_involved_agency_needs_confirmation(
    login: Any, decided: Any, csp_chair: Any, agency_a: Any
) -> None:
    AgencyInScope.objects.create(review=decided, agency=agency_a)
    client = login(csp_chair)
    data = _post(**_link(1, agency_a, _years_ago(10)))
    response = client.post(_url(decided), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-warning-text" in page
    assert "Westshire Police" in page
    assert "Agency involved in this review" in page
    assert "Confirm that you have considered the conflicts listed" in page
    assert not Appointment.objects.exists()
    assert _state(decided) == ReviewState.DECIDED_REVIEW

    client.post(_url(decided), {**data, "conflict_acknowledged": "on"})
    appointment = Appointment.objects.get()
    assert appointment.conflict_acknowledged is True
    assert _state(decided) == ReviewState.SET_UP


def test_recent_connection_with_any_agency_needs_confirmation(
    login: Any, decided: Any, csp_chair: Any, agency_b: Any
) -> None:
    response = login(csp_chair).post(_url(decided), _post(**_link(2, agency_b, _years_ago(2))))
    assert f"less than {RECENT_CONNECTION_YEARS} years ago" in response.content.decode()
    assert not Appointment.objects.exists()


def test_current_connection_with_an_involved_agency_is_refused(
    login: Any, decided: Any, csp_chair: Any, agency_a: Any
) -> None:
    AgencyInScope.objects.create(review=decided, agency=agency_a)
    data = {**_post(**_link(1, agency_a, None)), "conflict_acknowledged": "on"}
    response = login(csp_chair).post(_url(decided), data)
    page = response.content.decode()
    assert "Directly associated" in page
    assert "cannot be appointed" in page
    assert not Appointment.objects.exists()
    assert not PastAgencyLink.objects.exists()


def test_notifying_agency_counts_as_involved(review: Any, agency_a: Any) -> None:
    notification = review.notifications.get()
    notification.notifying_agency = agency_a
    notification.save()
    conflicts = appointment_conflicts(
        review=review, links=[PastLinkInput(agency=agency_a, role_held="PC", ended_on=None)]
    )
    assert [c.blocking for c in conflicts] == [True]


def test_conflict_window_boundaries(review: Any, agency_b: Any) -> None:
    today = dt.date(2026, 6, 15)

    def check(ended: dt.date | None) -> list[bool]:
        links = [PastLinkInput(agency=agency_b, role_held="Nurse", ended_on=ended)]
        return [c.blocking for c in appointment_conflicts(review=review, links=links, today=today)]

    assert check(dt.date(2021, 6, 15)) == []  # exactly five years: not "less than"
    assert check(dt.date(2021, 6, 16)) == [False]
    assert check(None) == [False]  # current, with an agency not involved: flag, not block
