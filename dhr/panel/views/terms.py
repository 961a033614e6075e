"""Terms of reference: the current version, the versions, a new version, and the DOCX."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.panel.forms import TermsForm
from dhr.panel.models import TermsVersion
from dhr.panel.services.terms import (
    agencies_in_scope,
    current_version,
    questions_by_agency,
    terms_docx_render,
    terms_version_create,
)
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


def _version_page(
    request: HttpRequest, review: Review, version: TermsVersion | None
) -> HttpResponse:
    context: dict[str, Any] = {
        "review": review,
        "version": version,
        "latest": current_version(review),
        "questions": questions_by_agency(version) if version else [],
        "can_manage": request.user.has_perm("panel.manage_terms", review),
    }
    return render(request, "panel/terms_detail.html", context)


@require_GET
@login_required
def terms_detail(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_terms", audit_action="panel.view_terms"
    )
    return _version_page(request, review, current_version(review))


@require_GET
@login_required
def terms_version_detail(
    request: HttpRequest, review_id: uuid.UUID, version_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_terms", audit_action="panel.view_terms"
    )
    version = get_object_or_404(TermsVersion, pk=version_id, terms__review=review)
    return _version_page(request, review, version)


@require_GET
@login_required
def terms_versions(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_terms", audit_action="panel.view_terms"
    )
    versions = TermsVersion.objects.filter(terms__review=review).order_by("-number")
    return render(request, "panel/terms_versions.html", {"review": review, "versions": versions})


def _initial_from(version: TermsVersion | None) -> dict[str, Any]:
    if version is None:
        return {}
    initial: dict[str, Any] = {
        "period_start": version.period_start,
        "period_end": version.period_end,
        "lines_of_enquiry": "\n".join(version.lines_of_enquiry),
        "family_consulted": version.family_consulted,
        "family_consulted_on": version.family_consulted_on,
    }
    for question in version.questions.all():
        key = f"questions_{question.agency_id}"
        initial[key] = f"{initial[key]}\n{question.text}" if key in initial else question.text
    return initial


@require_http_methods(["GET", "POST"])
@login_required
def terms_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_terms",
        audit_action="panel.view_terms" if request.method == "GET" else None,
    )
    previous = current_version(review)
    agencies = [row.agency for row in agencies_in_scope(review)]
    form = TermsForm(request.POST or None, agencies=agencies, initial=_initial_from(previous))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            version = terms_version_create(
                actor=request.user,
                review=review,
                period_start=data["period_start"],
                period_end=data["period_end"],
                lines_of_enquiry=form.lines(),
                questions=form.questions(),
                family_consulted=data["family_consulted"],
                family_consulted_on=data.get("family_consulted_on"),
                agreed_on=data.get("agreed_on"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Version %(number)s of the terms of reference saved.")
                % {"number": version.number},
            )
            return redirect("panel:tor-detail", review_id=review.pk)
    context = {"review": review, "form": form, "previous": previous, "agencies": agencies}
    return render(request, "panel/terms_create.html", context)


@require_GET
@login_required
def terms_docx(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_terms", audit_action=None
    )
    version = current_version(review)
    if version is None:
        raise Http404(_("No terms of reference have been written yet"))
    rendered = terms_docx_render(review=review, version=version)
    event_record(
        action="panel.download_terms",
        actor=request.user,
        request=request,
        review_id=review.pk,
        obj=version,
        detail={"number": version.number, "format": "docx"},
    )
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response
