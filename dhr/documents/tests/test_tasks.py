"""Text extraction runs after commit, reads real files, and never crashes the worker."""

from __future__ import annotations

from typing import Any

import pytest

from dhr.documents.models import ExtractionStatus
from dhr.documents.services import document_store
from dhr.documents.tasks import extract_text
from dhr.documents.tests.conftest import docx_bytes, pdf_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def store_and_extract(
    django_capture_on_commit_callbacks: Any,
    review: Any,
    actor: Any,
    upload: Any,
    name: str,
    data: bytes,
) -> Any:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        document = document_store(
            actor=actor, review=review, upload=upload(name, data), purpose="imr"
        )
    assert len(callbacks) == 1
    document.refresh_from_db()
    return document


def test_docx_paragraphs_and_tables_are_extracted(
    django_capture_on_commit_callbacks: Any, review: Any, coordinator: Any, upload: Any
) -> None:
    data = docx_bytes(
        "The police attended on 3 March.",
        table=[["Date", "Contact"], ["4 March", "GP appointment missed"]],
    )
    document = store_and_extract(
        django_capture_on_commit_callbacks, review, coordinator, upload, "imr.docx", data
    )
    assert document.extraction_status == ExtractionStatus.DONE
    assert "The police attended on 3 March." in document.extracted_text
    assert "GP appointment missed" in document.extracted_text


def test_pdf_text_is_extracted(
    django_capture_on_commit_callbacks: Any, review: Any, coordinator: Any, upload: Any
) -> None:
    data = pdf_bytes("Referral to MARAC was not made")
    document = store_and_extract(
        django_capture_on_commit_callbacks, review, coordinator, upload, "imr.pdf", data
    )
    assert document.extraction_status == ExtractionStatus.DONE
    assert "Referral to MARAC was not made" in document.extracted_text


def test_xlsx_cell_values_are_extracted(
    django_capture_on_commit_callbacks: Any, review: Any, coordinator: Any, upload: Any
) -> None:
    data = xlsx_bytes([["Date", "Event"], ["2026-01-05", "DASH assessment: high risk"], [1, 2.5]])
    document = store_and_extract(
        django_capture_on_commit_callbacks, review, coordinator, upload, "chronology.xlsx", data
    )
    assert document.extraction_status == ExtractionStatus.DONE
    assert "2026-01-05\tDASH assessment: high risk" in document.extracted_text
    assert "1\t2.5" in document.extracted_text


def test_csv_text_is_extracted_without_the_byte_order_mark(
    django_capture_on_commit_callbacks: Any, review: Any, coordinator: Any, upload: Any
) -> None:
    data = "date,event\n2026-01-05,£20 owed\n".encode("utf-8-sig")
    document = store_and_extract(
        django_capture_on_commit_callbacks, review, coordinator, upload, "c.csv", data
    )
    assert document.extracted_text == "date,event\n2026-01-05,£20 owed\n"


def test_a_file_that_cannot_be_read_is_marked_failed_and_the_task_returns(
    review: Any, coordinator: Any, upload: Any
) -> None:
    # A PDF header with nothing behind it passes the magic-byte check but cannot be parsed.
    document = document_store(
        actor=coordinator,
        review=review,
        upload=upload("x.pdf", b"%PDF-1.4\ngarbage"),
        purpose="imr",
    )
    result = extract_text.enqueue(str(document.pk))
    assert result.return_value == ExtractionStatus.FAILED
    document.refresh_from_db()
    assert document.extraction_status == ExtractionStatus.FAILED
    assert document.extracted_text == ""


def test_nothing_is_enqueued_when_the_transaction_does_not_commit(
    django_capture_on_commit_callbacks: Any, review: Any, coordinator: Any, upload: Any
) -> None:
    """The task is queued with on_commit: a rolled-back upload never reaches the worker."""
    from django.db import transaction

    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                document_store(
                    actor=coordinator,
                    review=review,
                    upload=upload("a.docx", docx_bytes("x")),
                    purpose="imr",
                )
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert callbacks == []


def test_a_missing_document_is_not_an_error() -> None:
    assert extract_text.call("00000000-0000-0000-0000-000000000000") == "missing"
