"""Writing, submitting and assessing Individual Management Reviews (R33).

Rules (domain.md 2.6 F3, 4.3; section 7.4 R33):

- The IMR follows the national outline (2016 guidance Appendix One): every section is
  completed before submission ("None" is an answer).
- The author declares independence: not directly involved with the victim, perpetrator or
  family, and not the line manager of practitioners involved; name and role recorded.
- A senior manager of the agency signs it off (name, role, date) before submission.
- The independent chair accepts it or returns it for revision with comments (required).
- Every submission is kept as an `IMRVersion`; django-simple-history keeps every edit.
- Instead of the sections, the agency may upload its own IMR as a DOCX or PDF; the file goes
  through the one upload intake (`dhr.documents.services.document_store`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.contributions.choices import IMR_SECTIONS, IMRState, RequestKind, RequestStatus
from dhr.contributions.models import IMR, IMRVersion, InformationRequest
from dhr.contributions.services.requests import require_own_agency
from dhr.documents.services import document_store
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

SECTION_FIELDS = tuple(name for name, _heading in IMR_SECTIONS)
CONTENT_FIELDS = (
    *SECTION_FIELDS,
    "author_name",
    "author_role",
    "independence_declared",
    "sign_off_name",
    "sign_off_role",
    "signed_off_on",
    "document",
)
# An uploaded IMR is the agency's own document: Word or PDF only.
IMR_FILE_TYPES = frozenset({"docx", "pdf"})
EDITABLE_STATES = (IMRState.DRAFT, IMRState.RETURNED)


def _require(actor: Any, permission: str, review: Review) -> None:
    if not actor.has_perm(permission, review):
        raise PermissionDenied(permission)


def _locked(imr: IMR) -> IMR:
    return IMR.objects.select_for_update().get(pk=imr.pk)


def _draft_for(*, actor: Any, review: Review, request: InformationRequest) -> IMR:
    """The editable IMR answering `request` (a new, unsaved one if there is none yet)."""
    _require(actor, "contributions.write_imrs", review)
    require_own_agency(actor, review, request.agency_id)
    if request.kind != RequestKind.IMR:
        raise ValidationError(_("An IMR answers an IMR request, not a scoping request."))
    imr = IMR.objects.select_for_update().filter(request=request).first()
    if imr is None:
        return IMR(request=request, review=review, agency_id=request.agency_id)
    if imr.state not in EDITABLE_STATES:
        raise ValidationError(_("This IMR has been submitted and cannot be changed now."))
    return imr


@transaction.atomic
def imr_save(
    *, actor: Any, review: Review, request: InformationRequest, sections: dict[str, str]
) -> IMR:
    """Create or update the draft IMR for an IMR request, in the outline's sections."""
    request = InformationRequest.objects.select_for_update().get(pk=request.pk, review=review)
    imr = _draft_for(actor=actor, review=review, request=request)
    for name in SECTION_FIELDS:
        setattr(imr, name, (sections.get(name) or "").strip())
    imr.full_clean()
    imr.save()
    event_record(action="contributions.imr_saved", actor=actor, review_id=review.pk, obj=imr)
    return imr


def imr_upload(
    *, actor: Any, review: Review, request: InformationRequest, upload: UploadedFile
) -> IMR:
    """Attach the agency's own IMR document (DOCX or PDF) to its draft.

    The file is checked and stored by the documents intake before the IMR is touched, outside
    this app's transaction, so a refused file is logged there and nothing changes here.
    """
    with transaction.atomic():
        _draft_for(actor=actor, review=review, request=request)  # permission and state first
    document = document_store(
        actor=actor,
        review=review,
        upload=upload,
        purpose="imr",
        agency=request.agency,
        allowed_types=IMR_FILE_TYPES,
    )
    with transaction.atomic():
        locked = InformationRequest.objects.select_for_update().get(pk=request.pk, review=review)
        imr = _draft_for(actor=actor, review=review, request=locked)
        imr.document = document
        imr.full_clean()
        imr.save()
        event_record(
            action="contributions.imr_uploaded",
            actor=actor,
            review_id=review.pk,
            obj=imr,
            detail={"document_id": str(document.pk)},
        )
    return imr


def submission_problems(imr: IMR) -> dict[str, Any]:
    """What stops the IMR being submitted, by field (empty when it may be submitted).

    The sections are required unless the agency uploaded its IMR as a document.
    """
    problems: dict[str, Any] = {}
    for name, heading in IMR_SECTIONS:
        if imr.document_id is None and not getattr(imr, name).strip():
            problems[name] = _("Complete the section: %(heading)s") % {"heading": heading}
    if not imr.author_name.strip():
        problems["author_name"] = _("Enter the author's name")
    if not imr.author_role.strip():
        problems["author_role"] = _("Enter the author's role")
    if not imr.independence_declared:
        problems["independence_declared"] = _(
            "The author must declare their independence before the IMR is submitted"
        )
    if not imr.sign_off_name.strip():
        problems["sign_off_name"] = _("Enter the name of the senior manager who signed it off")
    if not imr.sign_off_role.strip():
        problems["sign_off_role"] = _("Enter the senior manager's role")
    if imr.signed_off_on is None:
        problems["signed_off_on"] = _("Enter the date it was signed off")
    elif imr.signed_off_on > timezone.localdate():
        problems["signed_off_on"] = _("The date signed off must be today or in the past")
    return problems


@transaction.atomic
def imr_submit(
    *,
    actor: Any,
    review: Review,
    imr: IMR,
    author_name: str,
    author_role: str,
    independence_declared: bool,
    sign_off_name: str,
    sign_off_role: str,
    signed_off_on: dt.date | None,
) -> IMRVersion:
    """Declaration and sign-off, then submission: the IMR is snapshotted as a new version."""
    _require(actor, "contributions.write_imrs", review)
    imr = _locked(imr)
    require_own_agency(actor, review, imr.agency_id)
    if imr.state not in EDITABLE_STATES:
        raise ValidationError(_("This IMR has already been submitted."))
    imr.author_name = author_name.strip()
    imr.author_role = author_role.strip()
    imr.independence_declared = independence_declared
    imr.sign_off_name = sign_off_name.strip()
    imr.sign_off_role = sign_off_role.strip()
    imr.signed_off_on = signed_off_on
    problems = submission_problems(imr)
    if problems:
        raise ValidationError(problems)
    imr.state = IMRState.SUBMITTED
    imr.full_clean()
    imr.save()
    version = IMRVersion(
        imr=imr,
        number=imr.versions.count() + 1,
        submitted_by=actor,
        **{name: getattr(imr, name) for name in CONTENT_FIELDS},
    )
    version.full_clean()
    version.save()
    InformationRequest.objects.filter(pk=imr.request_id).update(status=RequestStatus.RECEIVED)
    timeline_add(
        review=review,
        kind="imr",
        summary=_("An IMR was submitted (version %(number)d)") % {"number": version.number},
        actor=actor,
    )
    event_record(
        action="contributions.imr_submitted",
        actor=actor,
        review_id=review.pk,
        obj=imr,
        detail={"version": version.number},
    )
    return version


@transaction.atomic
def imr_return(*, actor: Any, review: Review, imr: IMR, comments: str) -> IMR:
    """The chair returns a submitted IMR for revision; the comments are required."""
    _require(actor, "contributions.assess_imrs", review)
    imr = _locked(imr)
    if imr.state != IMRState.SUBMITTED:
        raise ValidationError(_("Only a submitted IMR can be returned."))
    if not comments.strip():
        raise ValidationError({"comments": _("Enter your comments for the agency")})
    imr.state = IMRState.RETURNED
    imr.chair_comments = comments.strip()
    imr.full_clean()
    imr.save()
    latest = imr.versions.order_by("-number").first()
    if latest is not None:
        latest.return_comments = imr.chair_comments
        latest.save(update_fields=["return_comments", "updated_at"])
    timeline_add(
        review=review, kind="imr", summary=_("An IMR was returned for revision"), actor=actor
    )
    event_record(action="contributions.imr_returned", actor=actor, review_id=review.pk, obj=imr)
    return imr


@transaction.atomic
def imr_accept(*, actor: Any, review: Review, imr: IMR) -> IMR:
    _require(actor, "contributions.assess_imrs", review)
    imr = _locked(imr)
    if imr.state != IMRState.SUBMITTED:
        raise ValidationError(_("Only a submitted IMR can be accepted."))
    imr.state = IMRState.ACCEPTED
    imr.full_clean()
    imr.save()
    timeline_add(review=review, kind="imr", summary=_("An IMR was accepted"), actor=actor)
    event_record(action="contributions.imr_accepted", actor=actor, review_id=review.pk, obj=imr)
    return imr


@transaction.atomic
def imr_share_with_panel(*, actor: Any, review: Review, imr: IMR, shared: bool) -> IMR:
    """The chair decides which IMRs the review panel may read (issue 3 item 8)."""
    _require(actor, "contributions.assess_imrs", review)
    imr = _locked(imr)
    if shared and imr.state == IMRState.DRAFT:
        raise ValidationError(_("A draft IMR cannot be shared with the panel."))
    imr.shared_with_panel = shared
    imr.save(update_fields=["shared_with_panel", "updated_at"])
    event_record(
        action="contributions.imr_shared" if shared else "contributions.imr_unshared",
        actor=actor,
        review_id=review.pk,
        obj=imr,
    )
    return imr
