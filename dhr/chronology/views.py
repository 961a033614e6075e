"""An agency's own chronology: the template, adding entries, uploading, and its versions.

Agency contributors see only their own agencies (selectors); another agency's ids are 404.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.chronology import importer
from dhr.chronology.forms import EntryForm, UploadForm
from dhr.chronology.messages import message_for
from dhr.chronology.selectors import (
    own_agencies,
    submission_get_for,
    submission_list_for,
    victim_born_on,
)
from dhr.chronology.services import entry_add, submission_import
from dhr.chronology.template_files import template_csv, template_xlsx
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def template_download(request: HttpRequest, fmt: str) -> HttpResponse:
    """The blank template holds no case data, so any signed-in person may download it."""
    if fmt == "csv":
        return attachment(
            template_csv(), content_type="text/csv", filename="chronology-template.csv"
        )
    return attachment(template_xlsx(), content_type=XLSX, filename="chronology-template.xlsx")


def _agency(request: HttpRequest, review: Review) -> tuple[Organisation, list[Organisation]]:
    """The agency the contributor is working for (chosen with ?agency= if they have several)."""
    agencies = own_agencies(user=request.user, review=review)
    if not agencies:
        raise PermissionDenied("chronology.submit_chronology")
    wanted = request.GET.get("agency", "")
    chosen = next((agency for agency in agencies if str(agency.pk) == wanted), agencies[0])
    return chosen, agencies


@require_GET
@login_required
def agency_chronology(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="chronology.submit_chronology",
        audit_action="chronology.view_own",
    )
    agency, agencies = _agency(request, review)
    submissions = list(submission_list_for(user=request.user, review=review).filter(agency=agency))
    current = next((s for s in submissions if not s.superseded), None)
    entries = list(current.entries.order_by("occurred_on", "occurred_time")) if current else []
    return render(
        request,
        "chronology/agency_chronology.html",
        {
            "review": review,
            "agency": agency,
            "agencies": agencies,
            "submissions": submissions,
            "current": current,
            "entries": entries,
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def entry_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="chronology.submit_chronology",
        audit_action="chronology.view_own" if request.method == "GET" else None,
    )
    agency, _agencies = _agency(request, review)
    form = EntryForm(request.POST or None, victim_born_on=victim_born_on(review))
    if request.method == "POST" and form.is_valid():
        try:
            entry_add(actor=request.user, review=review, agency=agency, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The entry has been added to your chronology."))
            return redirect(_own_url(review, agency))
    return render(
        request, "chronology/entry_form.html", {"review": review, "agency": agency, "form": form}
    )


def _own_url(review: Review, agency: Organisation) -> str:
    from django.urls import reverse

    url = reverse("chronology:agency-chronology", kwargs={"review_id": review.pk})
    return f"{url}?agency={agency.pk}"


@require_http_methods(["GET", "POST"])
@login_required
def upload(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="chronology.submit_chronology",
        audit_action="chronology.view_own" if request.method == "GET" else None,
    )
    agency, _agencies = _agency(request, review)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems: list[dict[str, Any]] = []
    problem_count = 0
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            result = importer.parse_file(
                upload_file.name,
                upload_file.file,
                today=timezone.localdate(),
                victim_born_on=victim_born_on(review),
            )
        except importer.ChronologyImportError as error:
            form.add_error("file", message_for(error.code, error.params))
        else:
            if result.ok:
                try:
                    submission = submission_import(
                        actor=request.user, review=review, agency=agency, entries=result.entries
                    )
                except ValidationError as error:
                    add_service_error(form, error)
                else:
                    messages.success(
                        request,
                        _("Version %(version)s of your chronology is saved: %(count)s entries.")
                        % {"version": submission.version, "count": submission.row_count},
                    )
                    return redirect(_own_url(review, agency))
            else:
                problem_count = result.problem_count
                problems = [
                    {
                        "row": problem.row,
                        "column": problem.column,
                        "message": message_for(problem.code, problem.params),
                    }
                    for problem in result.problems
                ]
                event_record(
                    action="chronology.import_refused",
                    actor=request.user,
                    request=request,
                    review_id=review.pk,
                    detail={"agency_id": str(agency.pk), "problems": problem_count},
                )
    return render(
        request,
        "chronology/upload.html",
        {
            "review": review,
            "agency": agency,
            "form": form,
            "problems": problems,
            "problem_count": problem_count,
            "problems_hidden": problem_count - len(problems),
            "max_rows": importer.MAX_DATA_ROWS,
        },
    )


@require_GET
@login_required
def submission_detail(
    request: HttpRequest, review_id: uuid.UUID, submission_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="chronology.view_submissions", audit_action=None
    )
    submission = submission_get_for(user=request.user, review=review, submission_id=submission_id)
    event_record(
        action="chronology.view_submission",
        actor=request.user,
        request=request,
        review_id=review.pk,
        obj=submission,
    )
    return render(
        request,
        "chronology/submission_detail.html",
        {
            "review": review,
            "submission": submission,
            "entries": list(submission.entries.order_by("occurred_on", "occurred_time")),
        },
    )
