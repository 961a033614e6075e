"""document_store / document_supersede: who may upload, what is stored, and what is not."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.test import override_settings

from dhr.audit.models import Event
from dhr.documents.models import Document, ExtractionStatus, ScanStatus
from dhr.documents.services import document_open, document_store, document_supersede
from dhr.documents.tests.conftest import EXE_BYTES, PNG_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

DOCX = docx_bytes("Agency involvement")


def stored_keys() -> list[str]:
    if not default_storage.exists("documents"):
        return []
    return default_storage.listdir("documents")[1]


def test_a_path_traversal_filename_is_stored_under_a_random_key(
    review: Any, coordinator: Any, upload: Any
) -> None:
    document = document_store(
        actor=coordinator,
        review=review,
        upload=upload("../../etc/passwd.docx", DOCX),
        purpose="imr",
    )
    assert document.storage_key.startswith("documents/")
    assert "passwd" not in document.storage_key
    assert ".." not in document.storage_key
    assert document.original_name == "passwd.docx"
    with document_open(document) as file:
        assert file.read() == DOCX


def test_storing_records_type_hash_audit_and_timeline_without_the_filename(
    review: Any, coordinator: Any, upload: Any, agency_a: Any
) -> None:
    document = document_store(
        actor=coordinator,
        review=review,
        upload=upload("Alex Example IMR.docx", DOCX, "application/pdf"),
        purpose="imr",
        agency=agency_a,
    )
    # The type is what the content is, not what the browser claimed.
    assert document.content_type.endswith("wordprocessingml.document")
    assert document.size == len(DOCX)
    assert len(document.sha256) == 64
    assert document.scan_status == ScanStatus.NOT_SCANNED
    assert document.extraction_status == ExtractionStatus.PENDING
    event = Event.objects.get(action="document.uploaded")
    assert event.object_id == str(document.pk)
    assert "Alex" not in str(event.detail)
    assert "Alex" not in review.timeline.get(kind="document").summary


def test_the_filename_is_encrypted_at_rest(review: Any, coordinator: Any, upload: Any) -> None:
    from django.db import connection

    document = document_store(
        actor=coordinator, review=review, upload=upload("Alex Example.docx", DOCX), purpose="imr"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT original_name FROM documents_document WHERE id = %s", [document.pk.hex]
        )
        raw = cursor.fetchone()[0]
    assert "Alex" not in raw


def test_a_refused_file_saves_nothing_and_says_why(
    review: Any, coordinator: Any, upload: Any
) -> None:
    before = stored_keys()
    with pytest.raises(ValidationError) as info:
        document_store(
            actor=coordinator, review=review, upload=upload("scan.pdf", EXE_BYTES), purpose="imr"
        )
    assert "not a real PDF" in info.value.messages[0]
    assert info.value.code == "mismatch"
    assert not Document.objects.exists()
    assert stored_keys() == before
    assert Event.objects.get(action="document.rejected").detail == {"reason": "mismatch"}


@override_settings(DHR_MAX_UPLOAD_BYTES=1024)
def test_an_over_size_file_is_refused_with_the_too_large_code(
    review: Any, coordinator: Any, upload: Any
) -> None:
    with pytest.raises(ValidationError) as info:
        document_store(
            actor=coordinator, review=review, upload=upload("big.docx", DOCX), purpose="imr"
        )
    assert info.value.code == "too_large"
    assert info.value.messages == ["The selected file must be smaller than 1KB"]
    assert not Document.objects.exists()


def test_allowed_types_narrow_the_list(review: Any, coordinator: Any, upload: Any) -> None:
    with pytest.raises(ValidationError) as info:
        document_store(
            actor=coordinator,
            review=review,
            upload=upload("photo.png", PNG_BYTES),
            purpose="imr",
            allowed_types={"pdf", "docx"},
        )
    assert info.value.messages == ["The selected file must be a PDF or DOCX"]


def test_an_image_needs_no_text_extraction(review: Any, coordinator: Any, upload: Any) -> None:
    document = document_store(
        actor=coordinator, review=review, upload=upload("photo.png", PNG_BYTES), purpose="evidence"
    )
    assert document.extraction_status == ExtractionStatus.NOT_APPLICABLE


def test_people_without_a_role_cannot_upload(
    review: Any, outsider: Any, other_csp_coordinator: Any, oversight: Any, upload: Any
) -> None:
    for person in (outsider, other_csp_coordinator, oversight):
        with pytest.raises(PermissionDenied):
            document_store(
                actor=person, review=review, upload=upload("a.docx", DOCX), purpose="imr"
            )
    assert not Document.objects.exists()


def test_a_contributor_uploads_only_for_their_own_agency(
    review: Any, contributor_b: Any, agency_a: Any, agency_b: Any, upload: Any
) -> None:
    with pytest.raises(PermissionDenied):
        document_store(
            actor=contributor_b,
            review=review,
            upload=upload("a.docx", DOCX),
            purpose="imr",
            agency=agency_a,
        )
    # With no agency given, the document is filed under the one agency they speak for.
    document = document_store(
        actor=contributor_b, review=review, upload=upload("a.docx", DOCX), purpose="imr"
    )
    assert document.agency == agency_b


def test_a_purpose_outside_the_list_is_refused(review: Any, coordinator: Any, upload: Any) -> None:
    with pytest.raises(ValidationError):
        document_store(
            actor=coordinator, review=review, upload=upload("a.docx", DOCX), purpose="secret"
        )


def test_superseding_keeps_both_versions(
    review: Any, contributor_a: Any, agency_a: Any, upload: Any
) -> None:
    first = document_store(
        actor=contributor_a, review=review, upload=upload("v1.docx", DOCX), purpose="imr"
    )
    second = document_supersede(
        actor=contributor_a, document=first, upload=upload("v2.docx", docx_bytes("Version 2"))
    )
    first.refresh_from_db()
    assert first.superseded_by == second
    assert (second.agency, second.purpose) == (agency_a, "imr")
    assert Document.objects.filter(review=review).count() == 2
    with pytest.raises(ValidationError):
        document_supersede(actor=contributor_a, document=first, upload=upload("v3.docx", DOCX))


def test_another_agency_cannot_supersede(
    review: Any, contributor_a: Any, contributor_b: Any, upload: Any
) -> None:
    first = document_store(
        actor=contributor_a, review=review, upload=upload("v1.docx", DOCX), purpose="imr"
    )
    with pytest.raises(PermissionDenied):
        document_supersede(actor=contributor_b, document=first, upload=upload("x.docx", DOCX))
