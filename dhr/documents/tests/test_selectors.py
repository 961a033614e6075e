"""document_list_for: scoped to what each persona may see (D.4 item 2, cross-tenant)."""

from __future__ import annotations

from typing import Any

import pytest

from dhr.audit.models import Event
from dhr.documents.forms import DocumentUploadForm
from dhr.documents.selectors import document_list_for
from dhr.documents.services import document_store
from dhr.documents.tests.conftest import docx_bytes
from dhr.testing import factories as f

pytestmark = pytest.mark.django_db

DOCX = docx_bytes("text")


@pytest.fixture
def documents(
    review: Any, coordinator: Any, contributor_a: Any, contributor_b: Any, upload: Any
) -> dict[str, Any]:
    return {
        "a": document_store(
            actor=contributor_a, review=review, upload=upload("a.docx", DOCX), purpose="imr"
        ),
        "b": document_store(
            actor=contributor_b, review=review, upload=upload("b.docx", DOCX), purpose="imr"
        ),
        "csp": document_store(
            actor=coordinator, review=review, upload=upload("c.docx", DOCX), purpose="other"
        ),
    }


def ids(user: Any, review: Any) -> set[Any]:
    return set(document_list_for(user=user, review=review).values_list("pk", flat=True))


def test_each_persona_sees_only_what_it_may(
    review: Any,
    documents: dict[str, Any],
    coordinator: Any,
    independent_chair: Any,
    oversight: Any,
    contributor_a: Any,
    contributor_b: Any,
    panel_member: Any,
    outsider: Any,
    other_csp_coordinator: Any,
) -> None:
    everything = {d.pk for d in documents.values()}
    assert ids(coordinator, review) == everything
    assert ids(independent_chair, review) == everything
    assert ids(oversight, review) == everything
    assert ids(contributor_a, review) == {documents["a"].pk}
    assert ids(contributor_b, review) == {documents["b"].pk}
    for nobody in (panel_member, outsider, other_csp_coordinator):
        assert ids(nobody, review) == set()


def test_another_csps_documents_never_appear(
    other_csp: Any, other_csp_coordinator: Any, coordinator: Any, review: Any, upload: Any
) -> None:
    other_review: Any = f.ReviewFactory(lead_csp=other_csp, reference="DHR-ESF-2026-0001")
    theirs = document_store(
        actor=other_csp_coordinator,
        review=other_review,
        upload=upload("e.docx", DOCX),
        purpose="other",
    )
    assert theirs.pk not in ids(coordinator, review)
    assert ids(coordinator, other_review) == set()


def test_a_contributor_for_one_agency_is_not_asked(review: Any, contributor_a: Any) -> None:
    form = DocumentUploadForm(user=contributor_a, review=review)
    assert "agency" not in form.fields


def test_the_list_page_writes_one_audit_event(
    login: Any, review: Any, coordinator: Any, documents: dict[str, Any]
) -> None:
    from django.urls import reverse

    client = login(coordinator)
    before = Event.objects.count()
    response = client.get(reverse("documents:document-list", kwargs={"review_id": review.pk}))
    assert response.status_code == 200
    assert Event.objects.count() == before + 1
    assert Event.objects.latest("occurred_at").action == "document.list_viewed"
