"""The Django side: the gazetteer built from a review's records, findings and decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from dhr.anonymisation import gazetteer_builder
from dhr.anonymisation.models import Finding, RedactionDecision, RedactionReview
from dhr.anonymisation.scanner import GazetteerEntry
from dhr.anonymisation.services import (
    document_apply,
    document_scan,
    redaction_decision_record,
    redaction_review_start,
)
from dhr.audit.models import Event

REPORT = (
    "Alex Example, born 03/03/1990, lived at 12 Acacia Avenue, Westtown. Alex's GP noted "
    "DS Robin Hale attended on the day of death. Call 07700 900123."
)


@pytest.fixture
def case(review: Any) -> Any:
    person = review.people.get()
    person.pseudonym = "Adele"
    person.date_of_birth = "1990-03-03"
    person.address = "12 Acacia Avenue, Westtown, WT1 2AB"
    person.save()
    notification = review.notifications.get()
    notification.notifying_officer = "DS Robin Hale"
    notification.place_of_death = "12 Acacia Avenue, Westtown"
    notification.save()
    return review


def test_the_gazetteer_is_built_from_the_reviews_own_records(case: Any) -> None:
    gazetteer = gazetteer_builder.gazetteer_for(case)
    found = {(f.kind, f.matched, f.replacement) for f in gazetteer.find(REPORT)}
    assert found == {
        ("person", "Alex Example", "Adele"),
        ("date_of_birth", "03/03/1990", "[date of birth]"),
        ("address", "12 Acacia Avenue, Westtown", "[address]"),
        ("person", "Alex", "Adele"),
        ("professional", "Robin Hale", "a professional"),
    }


def test_a_later_app_can_register_a_provider(case: Any) -> None:
    def family_terms(review: Any) -> list[GazetteerEntry]:
        return [GazetteerEntry("Auntie Bea", "person", "the aunt")]

    gazetteer_builder.register_provider(family_terms)
    gazetteer_builder.register_provider(family_terms)
    try:
        assert gazetteer_builder.registered_providers().count(family_terms) == 1
        (finding,) = gazetteer_builder.gazetteer_for(case).find("Auntie Bea visited")
        assert finding.replacement == "the aunt"
    finally:
        gazetteer_builder._providers.remove(family_terms)


def test_scan_decide_and_apply(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    rows = document_scan(
        actor=coordinator, redaction_review=redaction, document_label="overview", text=REPORT
    )
    assert [r.kind for r in rows] == [
        "person",
        "date_of_birth",
        "address",
        "person",
        "professional",
        "phone",
    ]
    for row in rows:
        if row.kind == "professional":
            redaction_decision_record(
                actor=coordinator, finding=row, action="keep", reason="Named in the inquest"
            )
        else:
            redaction_decision_record(actor=coordinator, finding=row, action="pseudonym")
    published = document_apply(redaction_review=redaction, document_label="overview", text=REPORT)
    assert published == (
        "Adele, born [date of birth], lived at [address]. Adele's GP noted DS Robin Hale "
        "attended on the day of death. Call [telephone number]."
    )
    actions = list(Event.objects.filter(review_id=case.pk).values_list("action", flat=True))
    assert actions.count("anonymisation.decision_recorded") == 6
    assert "anonymisation.document_scanned" in actions
    assert all("Alex" not in str(e.detail) for e in Event.objects.filter(review_id=case.pk))


def test_matched_text_and_context_are_encrypted_at_rest(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    document_scan(actor=coordinator, redaction_review=redaction, document_label="d", text=REPORT)
    with connection.cursor() as cursor:
        cursor.execute("SELECT matched_text, context, reason FROM anonymisation_finding")
        stored = cursor.fetchall()
    assert stored
    assert not any("Alex" in value for row in stored for value in row)


def test_keep_needs_a_reason_and_replace_needs_a_replacement(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    row = document_scan(
        actor=coordinator, redaction_review=redaction, document_label="d", text="Alex"
    )[0]
    with pytest.raises(ValidationError):
        redaction_decision_record(actor=coordinator, finding=row, action="keep", reason=" ")
    with pytest.raises(ValidationError):
        RedactionDecision(finding=row, action="generic", decided_by=coordinator).full_clean()


def test_one_pseudonym_per_person_across_documents(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    first = document_scan(
        actor=coordinator, redaction_review=redaction, document_label="a", text="Alex"
    )
    second = document_scan(
        actor=coordinator, redaction_review=redaction, document_label="b", text="ALEX"
    )
    redaction_decision_record(
        actor=coordinator, finding=first[0], action="pseudonym", replacement="Adele"
    )
    with pytest.raises(ValidationError):
        redaction_decision_record(
            actor=coordinator, finding=second[0], action="pseudonym", replacement="Beth"
        )
    redaction_decision_record(actor=coordinator, finding=second[0], action="pseudonym")
    assert document_apply(redaction_review=redaction, document_label="b", text="ALEX") == "ADELE"


def test_an_undecided_finding_blocks_apply(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    document_scan(actor=coordinator, redaction_review=redaction, document_label="d", text="Alex")
    with pytest.raises(ValueError, match="no decision"):
        document_apply(redaction_review=redaction, document_label="d", text="Alex")


def test_rescanning_replaces_a_documents_findings(case: Any, coordinator: Any) -> None:
    redaction = redaction_review_start(actor=coordinator, review=case)
    document_scan(actor=coordinator, redaction_review=redaction, document_label="d", text="Alex")
    document_scan(actor=coordinator, redaction_review=redaction, document_label="d", text="No one")
    assert not Finding.objects.filter(redaction_review=redaction).exists()


def test_starting_again_supersedes_the_open_review(case: Any, coordinator: Any) -> None:
    first = redaction_review_start(actor=coordinator, review=case)
    row = document_scan(actor=coordinator, redaction_review=first, document_label="d", text="Alex")[
        0
    ]
    redaction_review_start(actor=coordinator, review=case)
    first.refresh_from_db()
    assert first.status == RedactionReview.Status.SUPERSEDED
    with pytest.raises(ValidationError):
        redaction_decision_record(actor=coordinator, finding=row, action="pseudonym")


@pytest.mark.parametrize(
    "persona", ["contributor_a", "panel_member", "other_csp_coordinator", "outsider"]
)
def test_only_the_report_owners_may_review_redactions(
    case: Any, coordinator: Any, persona: str, request: Any
) -> None:
    user = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        redaction_review_start(actor=user, review=case)
    redaction = redaction_review_start(actor=coordinator, review=case)
    row = document_scan(
        actor=coordinator, redaction_review=redaction, document_label="d", text="Alex"
    )[0]
    with pytest.raises(PermissionDenied):
        redaction_decision_record(actor=user, finding=row, action="pseudonym")


@pytest.mark.parametrize("persona", ["independent_chair", "report_writer"])
def test_the_chair_and_writer_may_review_redactions(case: Any, persona: str, request: Any) -> None:
    assert redaction_review_start(actor=request.getfixturevalue(persona), review=case).pk


def test_signed_off_needs_who_and_when(case: Any, coordinator: Any) -> None:
    redaction = RedactionReview(review=case, started_by=coordinator, status="signed_off")
    with pytest.raises(ValidationError):
        redaction.full_clean()
    redaction.signed_off_by = coordinator
    redaction.signed_off_at = dt.datetime.now(dt.UTC)
    redaction.full_clean()
