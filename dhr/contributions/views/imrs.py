"""Writing, submitting, reading and assessing IMRs. Every read is audited with the IMR's id."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dhr.audit.services import event_record
from dhr.contributions.choices import IMR_SECTIONS, IMRState, RequestKind
from dhr.contributions.forms import (
    IMRReturnForm,
    IMRSectionsForm,
    IMRSubmitForm,
    IMRUploadForm,
)
from dhr.contributions.models import IMR, IMRVersion
from dhr.contributions.selectors import imr_get_for, request_get_for
from dhr.contributions.services.imrs import (
    EDITABLE_STATES,
    imr_accept,
    imr_return,
    imr_save,
    imr_share_with_panel,
    imr_submit,
    imr_upload,
    submission_problems,
)
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


def _sections(source: IMR | IMRVersion) -> list[tuple[str, str]]:
    return [(str(heading), getattr(source, name)) for name, heading in IMR_SECTIONS]


def _imr_for(
    request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID, *, permission: str
) -> tuple[Review, IMR]:
    review = review_for_request(request, review_id, permission=permission, audit_action=None)
    imr = imr_get_for(user=request.user, review=review, imr_id=imr_id)
    if request.method == "GET":
        event_record(
            action="contributions.view_imr",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=imr,
        )
    return review, imr


@require_http_methods(["GET", "POST"])
@login_required
def imr_write(request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID) -> HttpResponse:
    """Start or continue the draft IMR that answers an IMR request."""
    review = review_for_request(
        request, review_id, permission="contributions.write_imrs", audit_action=None
    )
    info_request = request_get_for(user=request.user, review=review, request_id=request_id)
    if info_request.kind != RequestKind.IMR:
        raise Http404
    imr = IMR.objects.filter(request=info_request).first()
    if request.method == "GET":
        event_record(
            action="contributions.view_imr" if imr else "contributions.view_request",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=imr or info_request,
        )
    if imr is not None and imr.state not in EDITABLE_STATES:
        return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    initial = {name: getattr(imr, name) for name, _heading in IMR_SECTIONS} if imr else {}
    form = IMRSectionsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            imr = imr_save(
                actor=request.user, review=review, request=info_request, sections=form.cleaned_data
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your draft IMR is saved."))
            return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    return render(
        request,
        "contributions/imr_write.html",
        {"review": review, "info_request": info_request, "imr": imr, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
def imr_upload_view(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID
) -> HttpResponse:
    """Upload the agency's own IMR document instead of writing the sections here."""
    review = review_for_request(
        request, review_id, permission="contributions.write_imrs", audit_action=None
    )
    info_request = request_get_for(user=request.user, review=review, request_id=request_id)
    if info_request.kind != RequestKind.IMR:
        raise Http404
    imr = IMR.objects.filter(request=info_request).first()
    if request.method == "GET":
        event_record(
            action="contributions.view_imr" if imr else "contributions.view_request",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=imr or info_request,
        )
    if imr is not None and imr.state not in EDITABLE_STATES:
        return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    form = IMRUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            imr = imr_upload(
                actor=request.user,
                review=review,
                request=info_request,
                upload=form.cleaned_data["upload"],
            )
        except ValidationError as error:
            form.add_error("upload", error.messages)
        else:
            messages.success(request, _("Your IMR document is uploaded."))
            return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    return render(
        request,
        "contributions/imr_upload.html",
        {"review": review, "info_request": info_request, "imr": imr, "form": form},
    )


@require_GET
@login_required
def imr_detail(request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID) -> HttpResponse:
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.view_imrs")
    user = request.user
    can_write = user.has_perm(
        "contributions.write_imrs", review
    ) and imr.agency_id in contributor_agency_ids(user, review)
    context = {
        "review": review,
        "imr": imr,
        "sections": _sections(imr),
        "versions": imr.versions.all(),
        "editable": can_write and imr.state in EDITABLE_STATES,
        "can_assess": user.has_perm("contributions.assess_imrs", review),
        "submitted": imr.state == IMRState.SUBMITTED,
    }
    return render(request, "contributions/imr_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def imr_submit_view(request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID) -> HttpResponse:
    """Check your answers, the author's declaration and the sign-off, then submit."""
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.write_imrs")
    initial = {
        "author_name": imr.author_name,
        "author_role": imr.author_role,
        "independence_declared": imr.independence_declared,
        "sign_off_name": imr.sign_off_name,
        "sign_off_role": imr.sign_off_role,
        "signed_off_on": imr.signed_off_on,
    }
    form = IMRSubmitForm(request.POST or None, initial=initial)
    editable = imr.state in EDITABLE_STATES
    if request.method == "POST" and editable and form.is_valid():
        try:
            imr_submit(actor=request.user, review=review, imr=imr, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your IMR is submitted to the independent chair."))
            return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    missing_sections = [
        problem for name, problem in submission_problems(imr).items() if name in dict(IMR_SECTIONS)
    ]
    context = {
        "review": review,
        "imr": imr,
        "form": form,
        "sections": _sections(imr),
        "missing_sections": missing_sections,
        "editable": editable,
    }
    status = 409 if request.method == "POST" and not editable else 200
    return render(request, "contributions/imr_submit.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def imr_return_view(request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID) -> HttpResponse:
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.assess_imrs")
    form = IMRReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            imr_return(
                actor=request.user, review=review, imr=imr, comments=form.cleaned_data["comments"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The IMR is returned to the agency with your comments."))
            return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)
    return render(
        request,
        "contributions/imr_return.html",
        {"review": review, "imr": imr, "form": form, "submitted": imr.state == IMRState.SUBMITTED},
    )


@require_POST
@login_required
def imr_accept_view(request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID) -> HttpResponse:
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.assess_imrs")
    try:
        imr_accept(actor=request.user, review=review, imr=imr)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The IMR is accepted."))
    return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)


@require_POST
@login_required
def imr_share_view(request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID) -> HttpResponse:
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.assess_imrs")
    shared = request.POST.get("shared") == "yes"
    try:
        imr_share_with_panel(actor=request.user, review=review, imr=imr, shared=shared)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The review panel can now read this IMR.")
            if shared
            else _("The review panel can no longer read this IMR."),
        )
    return redirect("contributions:imr-detail", review_id=review.pk, imr_id=imr.pk)


@require_GET
@login_required
def imr_version(
    request: HttpRequest, review_id: uuid.UUID, imr_id: uuid.UUID, version_id: uuid.UUID
) -> HttpResponse:
    review, imr = _imr_for(request, review_id, imr_id, permission="contributions.view_imrs")
    version = get_object_or_404(IMRVersion, pk=version_id, imr=imr)
    return render(
        request,
        "contributions/imr_version.html",
        {"review": review, "imr": imr, "version": version, "sections": _sections(version)},
    )
