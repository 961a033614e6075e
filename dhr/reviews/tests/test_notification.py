"""Recording a notification: the journey, validation, duplicates, access and encryption."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from dhr.audit.models import Event
from dhr.clock.arithmetic import add_months
from dhr.clock.models import Deadline
from dhr.reviews.models import Notification, Review, ReviewPerson
from dhr.reviews.services import notification as notification_service
from dhr.reviews.services.notification import PersonDetails, notification_record
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

CREATE = "reviews:notification-create"
TODAY = timezone.localdate()
DEATH = TODAY - dt.timedelta(days=10)
NOTIFIED = TODAY - dt.timedelta(days=8)
ATTENTION = TODAY - dt.timedelta(days=7)
VICTIM = "Jordan Notareal"


def _date(prefix: str, value: dt.date | None) -> dict[str, str]:
    if value is None:
        return {f"{prefix}_0": "", f"{prefix}_1": "", f"{prefix}_2": ""}
    return {
        f"{prefix}_0": str(value.day),
        f"{prefix}_1": str(value.month),
        f"{prefix}_2": str(value.year),
    }


def form_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "notifying_agency_name": "Westshire Constabulary",
        "notifying_officer": "DS Pat Officer",
        "notifying_officer_contact": "pat.officer@example.police.uk",
        **_date("notified_on", NOTIFIED),
        "notified_time": "09:30",
        **_date("came_to_attention_on", ATTENTION),
        **_date("date_of_death", DEATH),
        "place_of_death_type": "residential",
        "place_of_death": "1 Example Street",
        "police_force_area": "Kent",
        "victim_full_name": VICTIM,
        **_date("victim_date_of_birth", None),
        "victim_age_at_death": "34",
        "victim_sex": "female",
        "suspect_full_name": "Sam Suspectname",
        "suspect_age": "40",
        "suspect_sex": "male",
        "suspect_relationship": "current_partner",
        "suspect_arrested": "yes",
        "suspect_charged": "no",
        "suspect_deceased": "no",
        "suspected_suicide": "no",
        "children_in_household": "yes",
        "children_present": "no",
        "known_agency_contact": "GP",
        "other_reviews": ["inquest"],
        "circumstances": "Found at home.",
    }
    data.update(overrides)
    return data


def submit(client: Any, data: dict[str, Any]) -> Any:
    """Form -> check your answers -> record. Returns the response to the final POST."""
    response = client.post(reverse(CREATE), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    check = client.get(response["Location"])
    assert check.status_code == 200
    assert "Check your answers" in check.content.decode()
    return client.post(reverse(CREATE), {"action": "confirm"})


def test_happy_path_creates_review_people_notification_and_decision_clock(
    login: Any, coordinator: Any, csp: Any
) -> None:
    client = login(coordinator)
    assert client.get(reverse(CREATE)).status_code == 200
    response = submit(client, form_data())
    review = Review.objects.get(lead_csp=csp)
    assert response.status_code == 302
    assert response["Location"] == reverse("reviews:review-detail", args=[review.pk])
    assert review.came_to_attention_on == ATTENTION
    notification = review.notifications.get()
    assert notification.date_of_death == DEATH
    assert timezone.localtime(notification.notified_at).date() == NOTIFIED
    assert notification.other_reviews == ["inquest"]
    victim = review.people.get(role="victim")
    suspect = review.people.get(role="suspect")
    assert victim.full_name == VICTIM and victim.age_at_death == 34
    assert suspect.relationship_to_victim == "current_partner"
    assert victim.name_index and victim.name_index != VICTIM
    deadline = Deadline.objects.get(review=review, rule_code="decision", cancelled=False)
    assert deadline.starts_on == ATTENTION
    assert add_months(deadline.starts_on, deadline.period_value) == add_months(ATTENTION, 1)
    assert deadline.period_unit == "months" and deadline.period_value == 1
    assert Event.objects.filter(action="review.notified", review_id=review.pk).exists()
    assert review.timeline.filter(kind="notification").exists()
    # The draft (which holds names) is gone from the session once recorded.
    assert "reviews.notification_draft" not in client.session


def test_reference_format_sequence_and_no_name(login: Any, coordinator: Any, csp: Any) -> None:
    client = login(coordinator)
    submit(client, form_data())
    submit(client, form_data(victim_full_name="Another Person"))
    references = sorted(Review.objects.filter(lead_csp=csp).values_list("reference", flat=True))
    year = ATTENTION.year
    assert references == [f"DHR-WSF-{year}-001", f"DHR-WSF-{year}-002"]
    for reference in references:
        assert "Notareal" not in reference and "Jordan" not in reference


def test_came_to_attention_defaults_to_date_notified(login: Any, coordinator: Any) -> None:
    submit(login(coordinator), form_data(**_date("came_to_attention_on", None)))
    review = Review.objects.get()
    assert review.came_to_attention_on == NOTIFIED
    assert Deadline.objects.get(review=review, rule_code="decision").starts_on == NOTIFIED


def test_date_of_birth_gives_age_at_death(login: Any, coordinator: Any) -> None:
    born = dt.date(DEATH.year - 30, 1, 1) if DEATH.month > 1 or DEATH.day > 1 else None
    if born is None:
        pytest.skip("birthday edge")
    submit(
        login(coordinator),
        form_data(victim_age_at_death="", **_date("victim_date_of_birth", born)),
    )
    assert ReviewPerson.objects.get(role="victim").age_at_death == 30


BAD_INPUTS = {
    "death in the future": (
        _date("date_of_death", TODAY + dt.timedelta(days=1)),
        "The date of death must be today or in the past",
    ),
    "notified before the death": (
        _date("notified_on", DEATH - dt.timedelta(days=1)),
        "The date notified must be the same as or after the date of death",
    ),
    "attention before the death": (
        _date("came_to_attention_on", DEATH - dt.timedelta(days=1)),
        "came to the CSP&#x27;s attention must be the same as or after the date of death",
    ),
    "missing date of death": (_date("date_of_death", None), "Enter the date of death"),
    "missing victim name": ({"victim_full_name": ""}, "Enter the victim&#x27;s full name"),
    "missing agency": (
        {"notifying_agency_name": ""},
        "Choose the notifying agency, or type its name if it is not listed",
    ),
    "missing age and date of birth": (
        {"victim_age_at_death": ""},
        "Enter the victim&#x27;s date of birth or their age at death",
    ),
    "impossible date": (
        {"date_of_death_0": "31", "date_of_death_1": "2"},
        "The date must be a real date",
    ),
    "missing time": ({"notified_time": ""}, "Enter the time notified"),
    "missing yes/no": ({"suspect_charged": ""}, "Select yes if the suspect has been charged"),
    "missing police force": ({"police_force_area": ""}, "Select the police force area"),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_shows_error_summary_and_creates_nothing(
    login: Any, coordinator: Any, case: str
) -> None:
    overrides, message = BAD_INPUTS[case]
    response = login(coordinator).post(reverse(CREATE), form_data(**overrides))
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body
    assert "There is a problem" in body
    assert message in body
    assert Review.objects.count() == 0
    assert Notification.objects.count() == 0


def test_failure_part_way_leaves_nothing_saved(
    coordinator: Any, csp: Any, monkeypatch: Any
) -> None:
    def boom(**kwargs: Any) -> None:
        raise RuntimeError("clock unavailable")

    monkeypatch.setattr(notification_service, "deadline_start", boom)
    before = (Review.objects.count(), Notification.objects.count(), ReviewPerson.objects.count())
    with pytest.raises(RuntimeError):
        notification_record(
            actor=coordinator,
            csp=csp,
            notified_at=timezone.now() - dt.timedelta(days=1),
            came_to_attention_on=ATTENTION,
            date_of_death=DEATH,
            place_of_death_type="residential",
            police_force_area="Kent",
            notifying_agency_name="Police",
            victim=PersonDetails(full_name=VICTIM, age_at_death=30),
        )
    after = (Review.objects.count(), Notification.objects.count(), ReviewPerson.objects.count())
    assert after == before
    assert not Event.objects.filter(action="review.notified").exists()


def test_names_are_encrypted_in_the_database(login: Any, coordinator: Any) -> None:
    submit(login(coordinator), form_data())
    with connection.cursor() as cursor:
        cursor.execute("SELECT full_name, name_index FROM reviews_reviewperson")
        rows = cursor.fetchall()
        cursor.execute("SELECT notifying_officer, place_of_death FROM reviews_notification")
        notification_rows = cursor.fetchall()
    assert rows
    for full_name, name_index in rows:
        assert VICTIM not in full_name and "Suspectname" not in full_name
        assert VICTIM not in name_index
    for officer, place in notification_rows:
        assert "Pat Officer" not in officer and "Example Street" not in place


def test_session_draft_holds_no_plaintext_name(login: Any, coordinator: Any) -> None:
    client = login(coordinator)
    client.post(reverse(CREATE), form_data())
    assert VICTIM not in str(dict(client.session.items()))


# --- duplicates ------------------------------------------------------------------------------


@pytest.fixture
def neighbour_review(other_csp: Any, other_csp_coordinator: Any) -> Any:
    review = f.ReviewFactory(lead_csp=other_csp, reference="DHR-ESF-2026-007")
    f.NotificationFactory(review=review, recorded_by=other_csp_coordinator, date_of_death=DEATH)
    person = ReviewPerson(review=review, role="victim", full_name="jordan  NOTAREAL")
    from dhr.core import crypto

    person.name_index = crypto.blind_index(person.full_name)
    person.save()
    return review


def test_duplicate_in_another_csp_warns_and_waits_for_confirmation(
    login: Any, coordinator: Any, neighbour_review: Any, csp: Any
) -> None:
    client = login(coordinator)
    response = submit(client, form_data())
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-warning-text" in body
    assert "DHR-ESF-2026-007" in body
    assert "Eastshire Community Safety Partnership" in body
    # Only the reference and the CSP: no link into another CSP's review, no details.
    assert reverse("reviews:review-detail", args=[neighbour_review.pk]) not in body
    assert VICTIM not in body
    assert not Review.objects.filter(lead_csp=csp).exists()
    event = Event.objects.get(action="review.duplicate_warning", actor=coordinator)
    assert str(neighbour_review.pk) in str(event.detail)
    assert "notareal" not in str(event.detail).lower()

    response = client.post(reverse(CREATE), {"action": "confirm_different"})
    assert response.status_code == 302
    created = Review.objects.get(lead_csp=csp)
    assert Event.objects.get(action="review.notified", review_id=created.pk).detail[
        "duplicate_confirmed_different"
    ]


def test_duplicate_can_be_cancelled(login: Any, coordinator: Any, neighbour_review: Any) -> None:
    client = login(coordinator)
    submit(client, form_data())
    response = client.post(reverse(CREATE), {"action": "cancel"})
    assert response.status_code == 302
    assert Review.objects.count() == 1


def test_duplicate_in_own_csp_links_to_it(login: Any, coordinator: Any, csp: Any) -> None:
    client = login(coordinator)
    submit(client, form_data())
    existing = Review.objects.get()
    response = submit(client, form_data())
    assert response.status_code == 200
    assert reverse("reviews:review-detail", args=[existing.pk]) in response.content.decode()
    assert Review.objects.count() == 1


def test_same_name_different_date_of_death_is_not_a_duplicate(
    login: Any, coordinator: Any, neighbour_review: Any, csp: Any
) -> None:
    other_day = DEATH - dt.timedelta(days=1)
    response = submit(login(coordinator), form_data(**_date("date_of_death", other_day)))
    assert response.status_code == 302
    assert Review.objects.filter(lead_csp=csp).count() == 1


# --- who may record and read -----------------------------------------------------------------


def test_contributor_cannot_record_a_notification(login: Any, contributor_a: Any, csp: Any) -> None:
    client = login(contributor_a)
    assert client.get(reverse(CREATE)).status_code == 403
    forged = client.post(reverse(CREATE), form_data(csp=str(csp.pk)))
    assert forged.status_code == 403
    assert Review.objects.count() == 1  # only the fixture's review


def test_csp_choice_lists_only_own_csps_and_rejects_a_forged_one(
    login: Any, coordinator: Any, csp: Any, other_csp: Any
) -> None:
    second = f.CSPFactory(name="Northshire Community Safety Partnership", code="NSF")
    f.MembershipFactory(user=coordinator, organisation=second, role="csp_chair")
    client = login(coordinator)
    page = client.get(reverse(CREATE)).content.decode()
    assert "Northshire Community Safety Partnership" in page
    assert f'name="csp" type="radio" value="{other_csp.pk}"' not in page
    response = client.post(reverse(CREATE), form_data(csp=str(other_csp.pk)))
    assert response.status_code == 200
    assert "Select a CSP you are coordinator or chair of" in response.content.decode()
    assert Review.objects.count() == 0


def test_service_refuses_a_csp_the_actor_is_not_in(other_csp_coordinator: Any, csp: Any) -> None:
    with pytest.raises(PermissionDenied):
        notification_record(
            actor=other_csp_coordinator,
            csp=csp,
            notified_at=timezone.now(),
            came_to_attention_on=TODAY,
            date_of_death=DEATH,
            place_of_death_type="residential",
            police_force_area="Kent",
            victim=PersonDetails(full_name=VICTIM, age_at_death=30),
        )
    assert Review.objects.count() == 0


def test_single_csp_is_not_asked(login: Any, coordinator: Any) -> None:
    page = login(coordinator).get(reverse(CREATE)).content.decode()
    assert 'name="csp"' not in page
    assert "Westshire Community Safety Partnership" in page


def test_notification_detail_shows_names_and_is_audited(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).get(reverse("reviews:notification-detail", args=[review.pk]))
    assert response.status_code == 200
    assert "Alex Example" in response.content.decode()
    assert Event.objects.filter(
        action="review.view_notification", review_id=review.pk, actor=coordinator
    ).exists()


@pytest.mark.parametrize("persona", ["outsider", "other_csp_coordinator"])
def test_outsiders_get_404_on_notification_detail(
    login: Any, review: Any, persona: str, request: Any
) -> None:
    user = request.getfixturevalue(persona)
    response = login(user).get(reverse("reviews:notification-detail", args=[review.pk]))
    assert response.status_code == 404


def test_contributor_gets_403_on_notification_detail(
    login: Any, review: Any, contributor_a: Any
) -> None:
    response = login(contributor_a).get(reverse("reviews:notification-detail", args=[review.pk]))
    assert response.status_code == 403
    assert Event.objects.filter(action="authz.denied", actor=contributor_a).exists()


def test_notification_detail_is_get_only(login: Any, review: Any, coordinator: Any) -> None:
    response = login(coordinator).post(reverse("reviews:notification-detail", args=[review.pk]))
    assert response.status_code == 405


def test_anonymous_is_sent_to_sign_in(client: Any) -> None:
    response = client.get(reverse(CREATE))
    assert response.status_code == 302
