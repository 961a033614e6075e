"""Storing uploaded documents: the one intake every feature uses (IMRs, chronologies, letters).

`document_store` checks who may upload, validates the file by its content (validation.py),
asks the antivirus hook, saves the bytes privately under `documents/<uuid4>` and records the
row, the timeline entry and the audit event in one transaction. Text extraction runs after
commit in a background task. A refused file raises `ValidationError` with a message for the
person uploading, and nothing is saved.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.documents import antivirus
from dhr.documents.models import Document, ExtractionStatus, Purpose, ScanStatus
from dhr.documents.tasks import extract_text
from dhr.documents.validation import (
    ALL_KINDS,
    DEFAULT_MAX_BYTES,
    UploadRejected,
    check_upload,
    gettext_noop,
    human_size,
)
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review
from dhr.reviews.rules import can_view_case_record
from dhr.reviews.services.timeline import timeline_add

STORAGE_PREFIX = "documents/"
# Formats with no text to extract here (images; ODT until we parse its XML safely).
NO_EXTRACTION = frozenset({"png", "jpeg", "odt"})


def max_upload_bytes() -> int:
    """The size limit: `DHR_MAX_UPLOAD_BYTES` in settings, 25 MB when it is not set."""
    return int(getattr(settings, "DHR_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _refuse(rejected: UploadRejected, *, actor: Any, review: Review) -> ValidationError:
    """Audit the refusal (a code, never the filename) and turn it into the user's message."""
    event_record(
        action="document.rejected",
        actor=actor,
        review_id=review.pk,
        detail={"reason": rejected.code},
    )
    return ValidationError(_(rejected.template) % rejected.params, code=rejected.code)


def _upload_agency(*, actor: Any, review: Review, agency: Organisation | None) -> Any:
    """The agency the document belongs to, checked against what the actor speaks for.

    People who read the whole case record may file a document under any agency. An agency
    contributor may file only under an agency they speak for in this review; when they speak
    for exactly one, that agency is used if none is given, so their document stays visible
    to them (a document with no agency is for the case-record readers only).
    """
    if can_view_case_record.test(actor, review):
        return agency
    own = {agency_id for agency_id in contributor_agency_ids(actor, review) if agency_id}
    if agency is None:
        if len(own) == 1:
            return Organisation.objects.get(pk=next(iter(own)))
        raise PermissionDenied("documents.upload_document: choose an agency")
    if agency.pk not in own:
        raise PermissionDenied("documents.upload_document: not your agency")
    return agency


def document_store(
    *,
    actor: Any,
    review: Review,
    upload: UploadedFile,
    purpose: str,
    agency: Organisation | None = None,
    allowed_types: Iterable[str] | None = None,
) -> Document:
    """Validate, scan and store one uploaded file for `review`; return the new Document.

    `allowed_types` narrows the service-wide list, e.g. {"pdf", "docx"} for an IMR. Raises
    PermissionDenied when the actor may not upload (for that agency), and ValidationError with
    the user-facing message (code "too_large" for an over-size file) when the file is refused.
    """
    if not actor.has_perm("documents.upload_document", review):
        raise PermissionDenied("documents.upload_document")
    agency = _upload_agency(actor=actor, review=review, agency=agency)
    if purpose not in Purpose.values:
        raise ValidationError({"purpose": _("Choose what the document is")})

    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise _refuse(
            UploadRejected(
                gettext_noop("The selected file must be smaller than %(size)s"),
                {"size": human_size(limit)},
                code="too_large",
            ),
            actor=actor,
            review=review,
        )
    data = b"".join(upload.chunks())
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:255]
    try:
        detected = check_upload(
            name,
            data,
            allowed=frozenset(allowed_types) if allowed_types is not None else ALL_KINDS,
            max_bytes=limit,
        )
    except UploadRejected as rejected:
        raise _refuse(rejected, actor=actor, review=review) from rejected

    verdict = antivirus.scan(data)
    if verdict == antivirus.Verdict.INFECTED:
        raise _refuse(
            UploadRejected(
                gettext_noop("The selected file contains a virus. It has not been uploaded"),
                code="infected",
            ),
            actor=actor,
            review=review,
        )
    if verdict == antivirus.Verdict.ERROR:
        raise _refuse(
            UploadRejected(
                gettext_noop("The selected file could not be checked for viruses. Try again later"),
                code="scan_error",
            ),
            actor=actor,
            review=review,
        )

    # A random key, never the uploader's filename (ASVS 5.3.2: "../../etc/passwd.pdf" stays
    # a name in an encrypted column and never reaches the file system).
    storage_key = default_storage.save(f"{STORAGE_PREFIX}{uuid.uuid4()}", ContentFile(data))
    try:
        document = _document_create(
            actor=actor,
            review=review,
            agency=agency,
            purpose=purpose,
            name=name,
            data=data,
            detected_mime=detected.mime_type,
            extract=detected.kind not in NO_EXTRACTION,
            scan_status=ScanStatus(verdict.value),
            storage_key=storage_key,
        )
    except BaseException:
        default_storage.delete(storage_key)
        raise
    return document


@transaction.atomic
def _document_create(
    *,
    actor: Any,
    review: Review,
    agency: Organisation | None,
    purpose: str,
    name: str,
    data: bytes,
    detected_mime: str,
    extract: bool,
    scan_status: ScanStatus,
    storage_key: str,
) -> Document:
    document = Document(
        review=review,
        agency=agency,
        purpose=purpose,
        original_name=name,
        content_type=detected_mime,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_key=storage_key,
        uploaded_by=actor,
        extraction_status=(
            ExtractionStatus.PENDING if extract else ExtractionStatus.NOT_APPLICABLE
        ),
        scan_status=scan_status,
    )
    document.full_clean()
    document.save()
    timeline_add(
        review=review,
        kind="document",
        summary=_("Document uploaded: %(purpose)s") % {"purpose": document.get_purpose_display()},
        actor=actor,
    )
    event_record(
        action="document.uploaded",
        actor=actor,
        review_id=review.pk,
        obj=document,
        detail={
            "purpose": purpose,
            "content_type": detected_mime,
            "size": document.size,
            "scan": scan_status.value,
            "agency": str(agency.pk) if agency is not None else "",
        },
    )
    if extract:
        document_id = str(document.pk)
        transaction.on_commit(lambda: extract_text.enqueue(document_id))
    return document


@transaction.atomic
def document_supersede(*, actor: Any, document: Document, upload: UploadedFile) -> Document:
    """Store `upload` as the new version of `document`; the old version is kept, marked.

    Same review, agency and purpose as the old one. Only someone who may download the old
    version may replace it, and a version can be replaced only once (then replace the newest).
    """
    document = Document.objects.select_for_update().select_related("review").get(pk=document.pk)
    if not actor.has_perm("documents.download_document", document):
        raise PermissionDenied("documents.download_document")
    if document.superseded_by_id is not None:
        raise ValidationError(
            _("A newer version of this document has already been uploaded. Replace that one")
        )
    newer = document_store(
        actor=actor,
        review=document.review,
        upload=upload,
        purpose=document.purpose,
        agency=document.agency,
    )
    document.superseded_by = newer
    document.full_clean()
    document.save(update_fields=["superseded_by", "updated_at"])
    event_record(
        action="document.superseded",
        actor=actor,
        review_id=document.review_id,
        obj=document,
        detail={"superseded_by": str(newer.pk)},
    )
    return newer


def document_open(document: Document) -> IO[bytes]:
    """The stored bytes, opened for reading. Callers have already checked the permission."""
    file: IO[bytes] = default_storage.open(document.storage_key, "rb")
    return file
