"""Permission predicates for documents (django-rules), named `documents.<verb>_<noun>`.

- `documents.view_documents` (object: the Review): the case-record readers see every
  document of the review; an agency contributor sees their own agency's. Panel members see
  nothing here for now: what the chair shares with the panel is a later feature.
- `documents.upload_document` (object: the Review): the CSP's staff, the chair, the writer and
  agency contributors. Read-only oversight and panel members do not upload.
- `documents.download_document` (object: a Document): a case-record reader, or an agency
  contributor for a document that belongs to their own agency.
"""

from __future__ import annotations

from typing import Any

import rules

from dhr.accounts.models import Role
from dhr.reviews.access import contributor_agency_ids, review_roles
from dhr.reviews.models import Review
from dhr.reviews.rules import can_view_case_record

UPLOADER_ROLES = frozenset(
    {
        Role.CSP_COORDINATOR,
        Role.CSP_CHAIR,
        Role.DECISION_PANEL_MEMBER,
        Role.INDEPENDENT_CHAIR,
        Role.REPORT_WRITER,
        Role.AGENCY_CONTRIBUTOR,
    }
)


@rules.predicate
def is_agency_contributor(user: Any, review: Review | None) -> bool:
    if review is None:
        return False
    return Role.AGENCY_CONTRIBUTOR in review_roles(user, review)


@rules.predicate
def may_upload(user: Any, review: Review | None) -> bool:
    if review is None:
        return False
    return bool(review_roles(user, review) & UPLOADER_ROLES)


@rules.predicate
def reads_document_case_record(user: Any, document: Any) -> bool:
    if document is None:
        return False
    return bool(can_view_case_record.test(user, document.review))


@rules.predicate
def document_of_own_agency(user: Any, document: Any) -> bool:
    if document is None or document.agency_id is None:
        return False
    return document.agency_id in contributor_agency_ids(user, document.review)


rules.add_perm("documents.view_documents", can_view_case_record | is_agency_contributor)
rules.add_perm("documents.upload_document", may_upload)
rules.add_perm("documents.download_document", reads_document_case_record | document_of_own_agency)
