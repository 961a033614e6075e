"""The combined chronology: the timeline and table, marks, the gap setting, sharing, exports."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dhr.audit.services import event_record
from dhr.chronology import exports
from dhr.chronology.choices import ContactType, PersonInvolved
from dhr.chronology.combined import (
    PAGE_SIZE,
    Combined,
    Filters,
    build,
    parse_filters,
    timeline_svg,
)
from dhr.chronology.forms import GapForm, MarkForm
from dhr.chronology.models import ChronologySubmission
from dhr.chronology.selectors import entry_get_for, settings_for
from dhr.chronology.services import entry_mark, settings_update, sharing_set
from dhr.chronology.views import XLSX, attachment
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _combined(request: HttpRequest, review: Review) -> tuple[Combined, Filters]:
    settings = settings_for(review)
    agency_ids = set(
        ChronologySubmission.objects.filter(review=review, superseded=False).values_list(
            "agency_id", flat=True
        )
    )
    filters = parse_filters(request.GET, agency_ids)
    return build(review=review, filters=filters, gap_days=settings.gap_days), filters


def _page(request: HttpRequest, review: Review, *, gap_form: GapForm | None = None) -> HttpResponse:
    settings = settings_for(review)
    combined, filters = _combined(request, review)
    paginator = Paginator(combined.entries, PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    numbers: dict[Any, int] = {
        entry.pk: number for number, entry in enumerate(combined.entries, start=1)
    }
    rows = [
        {
            "number": numbers[entry.pk],
            "entry": entry,
            "date": exports.entry_date(entry),
            "duplicates": sorted(
                numbers[key] for key in combined.duplicates.get(entry.pk, ()) if key in numbers
            ),
            "duplicate_hidden": bool(combined.duplicates.get(entry.pk))
            and not any(key in numbers for key in combined.duplicates.get(entry.pk, ())),
            "gap": combined.gap_after.get(entry.pk),
        }
        for entry in combined.load([shown.pk for shown in page.object_list])
    ]
    context = {
        "review": review,
        "settings": settings,
        "combined": combined,
        "filters": filters,
        "page": page,
        "rows": rows,
        "duplicate_count": sum(1 for entry in combined.entries if entry.pk in combined.duplicates),
        "svg": timeline_svg(combined, title=_("Combined chronology timeline")),
        "gap_form": gap_form or GapForm(initial={"gap_days": settings.gap_days}),
        "form": gap_form,
        "person_choices": PersonInvolved.choices,
        "type_choices": ContactType.choices,
        "query": filters.query(),
        "can_mark": request.user.has_perm("chronology.mark_entry", review),
        "can_configure": request.user.has_perm("chronology.configure_chronology", review),
        "can_share": request.user.has_perm("chronology.share_chronology", review),
        "can_export": request.user.has_perm("chronology.export_combined", review),
    }
    return render(request, "chronology/combined.html", context)


@require_GET
@login_required
def combined(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="chronology.view_combined",
        audit_action="chronology.view_combined",
    )
    return _page(request, review)


@require_POST
@login_required
def settings_change(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="chronology.configure_chronology", audit_action=None
    )
    form = GapForm(request.POST)
    if form.is_valid():
        try:
            settings_update(
                actor=request.user, review=review, gap_days=form.cleaned_data["gap_days"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The gap setting is saved."))
            return redirect("chronology:combined", review_id=review.pk)
    return _page(request, review, gap_form=form)


@require_POST
@login_required
def sharing_change(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="chronology.share_chronology", audit_action=None
    )
    shared = request.POST.get("shared") == "yes"
    sharing_set(actor=request.user, review=review, shared=shared)
    messages.success(
        request,
        _("The combined chronology is now shared with the review panel.")
        if shared
        else _("The combined chronology is no longer shared with the review panel."),
    )
    return redirect("chronology:combined", review_id=review.pk)


@require_http_methods(["GET", "POST"])
@login_required
def entry_mark_view(
    request: HttpRequest, review_id: uuid.UUID, entry_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="chronology.mark_entry", audit_action=None
    )
    entry = entry_get_for(user=request.user, review=review, entry_id=entry_id)
    if request.method == "GET":
        event_record(
            action="chronology.view_entry",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=entry,
        )
    form = MarkForm(
        request.POST or None, initial={"mark": entry.panel_mark, "note": entry.panel_note}
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry_mark(
                actor=request.user,
                review=review,
                entry=entry,
                mark=form.cleaned_data["mark"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The panel's mark is saved."))
            return redirect("chronology:combined", review_id=review.pk)
    return render(
        request,
        "chronology/entry_mark.html",
        {"review": review, "entry": entry, "form": form, "date": exports.entry_date(entry)},
    )


def _export(request: HttpRequest, review_id: uuid.UUID, fmt: str) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="chronology.export_combined", audit_action=None
    )
    combined, _filters = _combined(request, review)
    event_record(
        action="chronology.export",
        actor=request.user,
        request=request,
        review_id=review.pk,
        detail={"format": fmt, "entries": len(combined.entries)},
    )
    if fmt == "xlsx":
        content = exports.xlsx_bytes(review=review, combined=combined)
        return attachment(
            content, content_type=XLSX, filename=exports.export_filename(review, "xlsx")
        )
    content = exports.docx_bytes(review=review, combined=combined)
    return attachment(content, content_type=DOCX, filename=exports.export_filename(review, "docx"))


@require_GET
@login_required
def export_xlsx(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    return _export(request, review_id, "xlsx")


@require_GET
@login_required
def export_docx(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    return _export(request, review_id, "docx")
