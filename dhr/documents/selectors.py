"""Reading documents, always scoped to what the user may see (never a bare queryset)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from dhr.documents.models import Document
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review
from dhr.reviews.rules import can_view_case_record


def document_list_for(*, user: Any, review: Review) -> QuerySet[Document]:
    """The review's documents the user may see: all for case-record readers, else their agency's.

    An agency contributor sees only documents that belong to an agency they speak for in this
    review; everybody else without sight of the case record sees none.
    """
    documents = Document.objects.filter(review=review).select_related("agency")
    if can_view_case_record.test(user, review):
        return documents
    agency_ids = contributor_agency_ids(user, review)
    if agency_ids:
        return documents.filter(agency_id__in=agency_ids)
    return documents.none()
