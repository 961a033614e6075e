"""Family involvement: rules R37-R44 and R78, encryption, access, letters, the dashboard."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from docx import Document

from dhr.audit.models import Event
from dhr.clock.selectors import dashboard_for
from dhr.family.models import Contact, InvolvementStep, LetterSent
from dhr.family.selectors import library_tags, reading_period_status
from dhr.family.services.contacts import arrangement_set, contact_create
from dhr.family.services.correspondence import letter_send
from dhr.family.services.involvement import (
    draft_comment_record,
    draft_comment_respond,
    perpetrator_contribution_record,
    step_record,
)
from dhr.reviews.models import Review

pytestmark = pytest.mark.django_db

MONDAY = dt.date(2026, 3, 2)


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    return "\n".join(p.text for p in document.paragraphs)


def test_the_database_holds_ciphertext_not_the_name_or_phone(mother: Any) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, phone, email FROM family_contact WHERE id = %s", [mother.pk.hex]
        )
        row = cursor.fetchone()
    stored = " ".join(str(value) for value in row)
    assert "Margaret" not in stored
    assert "07700900982" not in stored
    assert "example.com" not in stored
    assert Contact.objects.get(pk=mother.pk).full_name == "Margaret Testperson"


@pytest.mark.parametrize(
    ("field", "value"), [("phone", "12345"), ("phone", "+1 202 555 0100"), ("email", "not-mail")]
)
def test_invalid_contact_details_are_refused_and_nothing_is_saved(
    review: Any, coordinator: Any, field: str, value: str
) -> None:
    values = {
        "kind": "friend",
        "relationship": "friend",
        "full_name": "Fran Friend",
        "preferred_channel": "letter",
        "address": "2 Road",
        field: value,
    }
    with pytest.raises(ValidationError) as error:
        contact_create(actor=coordinator, review=review, **values)
    assert field in error.value.message_dict
    assert not Contact.objects.exists()


def test_invalid_phone_shows_a_govuk_error_on_the_form(
    login: Any, review: Any, coordinator: Any
) -> None:
    url = reverse("family:contact-create", kwargs={"review_id": review.pk})
    response = login(coordinator).post(
        url,
        {
            "kind": "friend",
            "relationship": "friend",
            "full_name": "Fran Friend",
            "phone": "12345",
            "preferred_channel": "phone",
            "preferred_language": "en",
            "never_share_with": "no",
        },
    )
    assert response.status_code == 200
    assert b"Enter a UK phone number" in response.content
    assert b"govuk-error-summary" in response.content
    assert not Contact.objects.exists()


def test_reading_period_shorter_than_10_working_days_needs_a_reason(
    review: Any, coordinator: Any
) -> None:
    with pytest.raises(ValidationError) as error:
        step_record(
            actor=coordinator,
            review=review,
            kind="draft_shared",
            occurred_on=MONDAY,
            reading_ends_on=MONDAY + dt.timedelta(days=7),
        )
    assert "shorter_reading_reason" in error.value.message_dict
    assert not InvolvementStep.objects.exists()

    step = step_record(
        actor=coordinator,
        review=review,
        kind="draft_shared",
        occurred_on=MONDAY,
        reading_ends_on=MONDAY + dt.timedelta(days=7),
        shorter_reading_reason="The family asked to finish before the anniversary.",
    )
    status = reading_period_status(review, today=MONDAY + dt.timedelta(days=30))
    assert status.state == "waived" and status.shortened and status.reason
    assert step.reading_ends_on == dt.date(2026, 3, 9)


def test_draft_shared_defaults_to_10_working_days(review: Any, coordinator: Any) -> None:
    step_record(actor=coordinator, review=review, kind="draft_shared", occurred_on=MONDAY)
    status = reading_period_status(review, today=MONDAY)
    assert status.state == "running"
    assert status.ends_on == dt.date(2026, 3, 16)  # two working weeks later
    assert reading_period_status(review, today=dt.date(2026, 3, 17)).state == "ended"


def test_library_tags_are_derived_from_the_steps(
    review: Any, coordinator: Any, mother: Any
) -> None:
    assert not any(library_tags(review).values())
    step_record(
        actor=coordinator,
        review=review,
        kind="advocacy_offered",
        occurred_on=MONDAY,
        advocacy_outcome="considering",
    )
    assert library_tags(review)["supported_by_advocate"] is False
    step_record(
        actor=coordinator,
        review=review,
        kind="advocacy_offered",
        occurred_on=MONDAY,
        advocacy_outcome="aafda",
    )
    step_record(actor=coordinator, review=review, kind="tor_consulted", occurred_on=MONDAY)
    step_record(
        actor=coordinator,
        review=review,
        kind="contribution",
        occurred_on=MONDAY,
        contact=mother,
        contribution_form="interview",
        consent_scope="Quotes, anonymised",
    )
    step_record(actor=coordinator, review=review, kind="met_panel", occurred_on=MONDAY)
    tags = library_tags(review)
    assert tags == {
        "family_contributed": True,
        "consulted_on_terms_of_reference": True,
        "supported_by_advocate": True,
        "received_draft_report": False,
        "attended_panel": True,
    }


def test_contribution_needs_its_consent_scope(review: Any, coordinator: Any) -> None:
    with pytest.raises(ValidationError) as error:
        step_record(
            actor=coordinator,
            review=review,
            kind="contribution",
            occurred_on=MONDAY,
            contribution_form="written",
        )
    assert "consent_scope" in error.value.message_dict


def test_pseudonym_step_sets_the_review_pseudonym(review: Any, independent_chair: Any) -> None:
    step_record(
        actor=independent_chair,
        review=review,
        kind="pseudonym_chosen",
        occurred_on=MONDAY,
        pseudonym="Rose",
    )
    assert Review.objects.get(pk=review.pk).pseudonym == "Rose"


def test_draft_comments_each_get_a_response(review: Any, coordinator: Any) -> None:
    first = draft_comment_record(
        actor=coordinator, review=review, received_on=MONDAY, comment="Page 4 is wrong."
    )
    with pytest.raises(ValidationError):
        draft_comment_respond(actor=coordinator, comment=first, response=" ", responded_on=MONDAY)
    draft_comment_respond(
        actor=coordinator, comment=first, response="Corrected.", responded_on=MONDAY
    )
    assert first.response == "Corrected."


def test_perpetrator_outcome_needs_its_date(review: Any, coordinator: Any) -> None:
    with pytest.raises(ValidationError):
        perpetrator_contribution_record(
            actor=coordinator,
            review=review,
            route="prison",
            requested_on=MONDAY,
            outcome="declined",
        )
    item = perpetrator_contribution_record(
        actor=coordinator,
        review=review,
        route="probation",
        requested_on=MONDAY,
        outcome="no_response",
        outcome_on=MONDAY + dt.timedelta(days=42),
    )
    assert item.get_outcome_display() == "No response"


def test_no_letter_and_no_draft_for_someone_linked_to_the_perpetrator(
    review: Any, coordinator: Any, linked_brother: Any
) -> None:
    with pytest.raises(ValidationError):
        letter_send(actor=coordinator, contact=linked_brother, template="first", sent_on=MONDAY)
    assert not LetterSent.objects.exists()
    assert Event.objects.filter(action="family.letter_refused").exists()
    with pytest.raises(ValidationError) as error:
        step_record(
            actor=coordinator,
            review=review,
            kind="draft_shared",
            occurred_on=MONDAY,
            contact=linked_brother,
        )
    assert "contact" in error.value.message_dict


def test_sending_lists_leave_out_people_linked_to_the_perpetrator(
    login: Any, review: Any, coordinator: Any, mother: Any, linked_brother: Any
) -> None:
    url = reverse("family:step-create", kwargs={"review_id": review.pk}) + "?kind=update_given"
    content = login(coordinator).get(url).content.decode()
    assert "Margaret Testperson" in content
    assert "Pete Linkedperson" not in content
    page = login(coordinator).get(
        reverse(
            "family:contact-detail",
            kwargs={"review_id": review.pk, "contact_id": linked_brother.pk},
        )
    )
    assert b"never-share-warning" in page.content


def test_first_letter_is_in_welsh_for_a_welsh_speaker_and_names_nobody_else(
    login: Any, review: Any, coordinator: Any, mother: Any, linked_brother: Any
) -> None:
    url = reverse(
        "family:letter-create",
        kwargs={"review_id": review.pk, "contact_id": mother.pk, "template": "first"},
    )
    response = login(coordinator).post(
        url, {"sent_on_0": "2", "sent_on_1": "3", "sent_on_2": "2026"}
    )
    assert response.status_code == 200
    assert f"{review.reference}-family-first-cy-20260302.docx" in response["Content-Disposition"]
    text = _docx_text(response.content)
    assert "Annwyl Margaret Testperson" in text
    assert "Linkedperson" not in text and "Alex Example" not in text
    letter = LetterSent.objects.get()
    assert letter.language == "cy"
    assert InvolvementStep.objects.filter(kind="leaflet_sent", contact=mother).exists()


def test_draft_letter_states_the_end_of_the_reading_period(
    review: Any, coordinator: Any, mother: Any
) -> None:
    mother.preferred_language = "en"
    mother.save()
    step_record(actor=coordinator, review=review, kind="draft_shared", occurred_on=MONDAY)
    letter = letter_send(actor=coordinator, contact=mother, template="draft", sent_on=MONDAY)
    assert "16 March 2026" in _docx_text(letter.content)


def test_overdue_family_update_shows_on_the_dashboard(
    login: Any, review: Any, coordinator: Any
) -> None:
    arrangement_set(actor=coordinator, review=review, update_cadence_days=14)
    step_record(actor=coordinator, review=review, kind="update_given", occurred_on=MONDAY)
    with time_machine.travel(dt.datetime(2026, 3, 10, 12, tzinfo=dt.UTC)):
        assert (
            dashboard_for(user=coordinator, today=dt.date(2026, 3, 10)).family_updates_overdue_count
            == 0
        )
    with time_machine.travel(dt.datetime(2026, 3, 20, 12, tzinfo=dt.UTC)):
        dashboard = dashboard_for(user=coordinator, today=dt.date(2026, 3, 20))
        assert dashboard.family_updates_overdue_count == 1
        assert dashboard.rows[0].family_update_due == dt.date(2026, 3, 16)
        page = login(coordinator).get(reverse("clock:dashboard"))
        assert b"family-updates-overdue" in page.content
        family = login(coordinator).get(
            reverse("family:family-overview", kwargs={"review_id": review.pk})
        )
        assert b"update-overdue" in family.content


@pytest.mark.parametrize("persona", ["panel_member", "contributor_a", "report_writer", "csp_chair"])
def test_a_family_member_page_is_404_for_those_who_may_not_see_contact_details(
    request: pytest.FixtureRequest, login: Any, review: Any, mother: Any, persona: str
) -> None:
    user = request.getfixturevalue(persona)
    url = reverse("family:contact-detail", kwargs={"review_id": review.pk, "contact_id": mother.pk})
    assert login(user).get(url).status_code == 404
    assert Event.objects.filter(action="authz.denied", actor=user).exists()


@pytest.mark.parametrize("persona", ["coordinator", "independent_chair"])
def test_coordinator_and_chair_see_contact_details_and_it_is_audited(
    request: pytest.FixtureRequest, login: Any, review: Any, mother: Any, persona: str
) -> None:
    user = request.getfixturevalue(persona)
    url = reverse("family:contact-detail", kwargs={"review_id": review.pk, "contact_id": mother.pk})
    response = login(user).get(url)
    assert b"07700900982" in response.content
    assert Event.objects.filter(action="family.view_contact", actor=user).count() == 1


def test_writer_sees_steps_but_no_names_or_contact_details(
    login: Any, review: Any, coordinator: Any, report_writer: Any, mother: Any
) -> None:
    step_record(
        actor=coordinator, review=review, kind="met_panel", occurred_on=MONDAY, contact=mother
    )
    response = login(report_writer).get(
        reverse("family:family-overview", kwargs={"review_id": review.pk})
    )
    assert response.status_code == 200
    assert b"Met the review panel" in response.content
    assert b"Margaret" not in response.content
    assert b"07700" not in response.content


@pytest.mark.parametrize("persona", ["panel_member", "contributor_a"])
def test_panel_members_and_contributors_cannot_see_family_involvement(
    request: pytest.FixtureRequest, login: Any, review: Any, persona: str
) -> None:
    url = reverse("family:family-overview", kwargs={"review_id": review.pk})
    assert login(request.getfixturevalue(persona)).get(url).status_code == 403


def test_timeline_and_audit_carry_no_family_names(review: Any, mother: Any) -> None:
    summaries = " ".join(review.timeline.values_list("summary", flat=True))
    assert "Person recorded" in summaries
    details = " ".join(str(e.detail) for e in Event.objects.all())
    assert "Margaret" not in summaries + details
