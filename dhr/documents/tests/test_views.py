"""The documents pages: access for every persona, uploads with GOV.UK errors, downloads."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from dhr.audit.models import Event
from dhr.documents.models import Document
from dhr.documents.services import document_store
from dhr.documents.tests.conftest import EXE_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

DOCX = docx_bytes("Agency involvement")


@pytest.fixture
def doc_a(review: Any, contributor_a: Any, upload: Any) -> Document:
    return document_store(
        actor=contributor_a,
        review=review,
        upload=upload("Alex Example police IMR.docx", DOCX),
        purpose="imr",
    )


def download_url(document: Document) -> str:
    return reverse(
        "documents:document-download",
        kwargs={"review_id": document.review_id, "document_id": document.pk},
    )


def upload_url(review: Any) -> str:
    return reverse("documents:document-upload", kwargs={"review_id": review.pk})


def test_download_is_an_attachment_named_by_the_reference_with_nosniff(
    login: Any, coordinator: Any, doc_a: Document
) -> None:
    response = login(coordinator).get(download_url(doc_a))
    assert response.status_code == 200
    expected = f"DHR-WSF-2026-0001-imr-{str(doc_a.pk)[:8]}.docx"
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'
    assert "Alex" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Type"] == doc_a.content_type
    assert b"".join(response.streaming_content) == DOCX
    events = Event.objects.filter(action="document.downloaded", object_id=str(doc_a.pk))
    assert events.count() == 1


def test_a_contributor_downloads_their_own_agencys_document(
    login: Any, contributor_a: Any, doc_a: Document
) -> None:
    assert login(contributor_a).get(download_url(doc_a)).status_code == 200


def test_another_agencys_contributor_gets_404_for_the_document(
    login: Any, contributor_b: Any, doc_a: Document
) -> None:
    response = login(contributor_b).get(download_url(doc_a))
    assert response.status_code == 404
    assert not Event.objects.filter(action="document.downloaded").exists()


def test_outsiders_and_other_csps_get_404(
    login: Any, outsider: Any, other_csp_coordinator: Any, doc_a: Document
) -> None:
    for person in (outsider, other_csp_coordinator):
        assert login(person).get(download_url(doc_a)).status_code == 404


def test_a_panel_member_is_refused_and_it_is_logged(
    login: Any, panel_member: Any, doc_a: Document
) -> None:
    assert login(panel_member).get(download_url(doc_a)).status_code == 403
    assert Event.objects.filter(action="authz.denied", actor=panel_member).exists()


def test_a_document_of_another_review_is_404_through_this_review(
    login: Any, coordinator: Any, csp: Any, upload: Any, doc_a: Document
) -> None:
    from dhr.testing import factories as f

    second: Any = f.ReviewFactory(lead_csp=csp, reference="DHR-WSF-2026-0002")
    url = reverse(
        "documents:document-download", kwargs={"review_id": second.pk, "document_id": doc_a.pk}
    )
    assert login(coordinator).get(url).status_code == 404


def test_the_list_shows_a_contributor_only_their_agencys_documents(
    login: Any,
    review: Any,
    coordinator: Any,
    contributor_a: Any,
    contributor_b: Any,
    upload: Any,
    doc_a: Document,
) -> None:
    doc_b = document_store(
        actor=contributor_b, review=review, upload=upload("nhs.docx", DOCX), purpose="imr"
    )
    url = reverse("documents:document-list", kwargs={"review_id": review.pk})
    page_b = login(contributor_b).get(url).content.decode()
    assert str(doc_b.pk) in page_b
    assert str(doc_a.pk) not in page_b
    page_coordinator = login(coordinator).get(url).content.decode()
    assert str(doc_a.pk) in page_coordinator and str(doc_b.pk) in page_coordinator


def test_the_upload_page_stores_a_file_and_returns_to_the_list(
    login: Any, review: Any, contributor_a: Any, agency_a: Any
) -> None:
    client = login(contributor_a)
    page = client.get(upload_url(review))
    assert page.status_code == 200
    assert b'enctype="multipart/form-data"' in page.content
    response = client.post(
        upload_url(review),
        {"purpose": "imr", "file": SimpleUploadedFile("imr.docx", DOCX)},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "documents:document-list", kwargs={"review_id": review.pk}
    )
    document = Document.objects.get()
    assert document.agency == agency_a
    assert document.uploaded_by == contributor_a


def test_a_renamed_file_is_shown_in_the_error_summary_and_nothing_is_saved(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        upload_url(review),
        {"purpose": "evidence", "file": SimpleUploadedFile("invoice.pdf", EXE_BYTES)},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "The selected file is not a real PDF" in content
    assert not Document.objects.exists()


def test_no_file_chosen_says_select_a_file(login: Any, review: Any, coordinator: Any) -> None:
    response = login(coordinator).post(upload_url(review), {"purpose": "imr"})
    assert "Select a file" in response.content.decode()


@override_settings(DHR_MAX_UPLOAD_BYTES=1024)
def test_an_over_size_upload_gets_413_with_a_govuk_error_page(
    login: Any, review: Any, coordinator: Any
) -> None:
    response = login(coordinator).post(
        upload_url(review),
        {"purpose": "imr", "file": SimpleUploadedFile("big.docx", DOCX)},
    )
    assert response.status_code == 413
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "The selected file must be smaller than 1KB" in content
    assert not Document.objects.exists()


def test_the_random_document_id_of_the_matrix_is_404_for_members(
    login: Any, review: Any, coordinator: Any
) -> None:
    url = reverse(
        "documents:document-download", kwargs={"review_id": review.pk, "document_id": uuid.uuid4()}
    )
    assert login(coordinator).get(url).status_code == 404
