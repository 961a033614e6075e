"""An IMR uploaded as a DOCX or PDF through the documents intake, instead of the sections."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dhr.contributions.choices import IMRState
from dhr.contributions.models import IMR
from dhr.contributions.services.imrs import imr_submit
from dhr.contributions.tests.conftest import SIGN_OFF
from dhr.documents.models import Document

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Individual management review (fictional).")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _url(review: Any, request: Any) -> str:
    return reverse(
        "contributions:imr-upload", kwargs={"review_id": review.pk, "request_id": request.pk}
    )


def test_contributor_uploads_a_docx_and_submits_without_the_sections(
    login: Any,
    review: Any,
    contributor_a: Any,
    independent_chair: Any,
    imr_request_a: Any,
    agency_a: Any,
) -> None:
    upload = SimpleUploadedFile("imr.docx", _docx(), content_type=DOCX)
    response = login(contributor_a).post(_url(review, imr_request_a), {"upload": upload})

    assert response.status_code == 302
    imr = IMR.objects.get()
    assert imr.document is not None
    assert (imr.document.purpose, imr.document.agency) == ("imr", agency_a)

    version = imr_submit(actor=contributor_a, review=review, imr=imr, **SIGN_OFF)
    assert version.document == imr.document
    imr.refresh_from_db()
    assert imr.state == IMRState.SUBMITTED

    page = login(independent_chair).get(
        reverse("contributions:imr-detail", kwargs={"review_id": review.pk, "imr_id": imr.pk})
    )
    download = reverse(
        "documents:document-download",
        kwargs={"review_id": review.pk, "document_id": imr.document.pk},
    )
    assert download.encode() in page.content


def test_a_file_that_is_not_really_a_pdf_is_refused_and_nothing_is_saved(
    login: Any, review: Any, contributor_a: Any, imr_request_a: Any
) -> None:
    fake = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
    upload = SimpleUploadedFile("imr.pdf", fake, content_type="application/pdf")
    response = login(contributor_a).post(_url(review, imr_request_a), {"upload": upload})

    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert not IMR.objects.exists()
    assert not Document.objects.exists()


def test_contributor_b_cannot_upload_for_agency_a(
    login: Any, review: Any, contributor_b: Any, imr_request_a: Any
) -> None:
    upload = SimpleUploadedFile("imr.docx", _docx(), content_type=DOCX)
    response = login(contributor_b).post(_url(review, imr_request_a), {"upload": upload})
    assert response.status_code == 404
    assert not Document.objects.exists()
