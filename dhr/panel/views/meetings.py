"""Panel meetings: the list (dates only), the papers (agenda, minutes, actions) and recording."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dhr.panel.forms import ActionForm, MeetingForm, MeetingRecordForm
from dhr.panel.models import MeetingAction, PanelMeeting
from dhr.panel.services.meetings import action_add, action_complete, meeting_create, meeting_record
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


@require_GET
@login_required
def meeting_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_panel", audit_action="panel.view_meetings"
    )
    context = {
        "review": review,
        "meetings": review.panel_meetings.all(),
        "can_manage": request.user.has_perm("panel.manage_panel", review),
        "can_view_minutes": request.user.has_perm("panel.view_minutes", review),
    }
    return render(request, "panel/meetings.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_create_view(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_meetings" if request.method == "GET" else None,
    )
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            meeting = meeting_create(
                actor=request.user,
                review=review,
                starts_at=form.starts_at(),
                duration_minutes=data["duration_minutes"],
                online=data["online"],
                location=data.get("location", ""),
                agenda=data.get("agenda", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting planned."))
            return redirect("panel:meeting-detail", review_id=review.pk, meeting_id=meeting.pk)
    return render(request, "panel/meeting_create.html", {"review": review, "form": form})


@require_GET
@login_required
def meeting_detail(
    request: HttpRequest, review_id: uuid.UUID, meeting_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_minutes", audit_action="panel.view_minutes"
    )
    meeting = get_object_or_404(PanelMeeting, pk=meeting_id, review=review)
    context = {
        "review": review,
        "meeting": meeting,
        "attendance": meeting.attendance.select_related("member", "member__agency"),
        "actions": meeting.actions.select_related("owner"),
        "versions": meeting.history.count(),
        "can_manage": request.user.has_perm("panel.manage_panel", review),
    }
    return render(request, "panel/meeting_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def meeting_record_view(
    request: HttpRequest, review_id: uuid.UUID, meeting_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_minutes" if request.method == "GET" else None,
    )
    meeting = get_object_or_404(PanelMeeting, pk=meeting_id, review=review)
    members = list(review.panel_members.all())
    existing = {a.member_id: a.status for a in meeting.attendance.all()}
    initial: dict[str, str | None] = {"minutes": meeting.minutes, "decisions": meeting.decisions}
    initial.update({f"attendance_{m.pk}": existing.get(m.pk) for m in members})
    form = MeetingRecordForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_record(
                actor=request.user,
                review=review,
                meeting=meeting,
                attendance=form.attendance(),
                minutes=form.cleaned_data["minutes"],
                decisions=form.cleaned_data.get("decisions", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Meeting recorded."))
            return redirect("panel:meeting-detail", review_id=review.pk, meeting_id=meeting.pk)
    return render(
        request, "panel/meeting_record.html", {"review": review, "meeting": meeting, "form": form}
    )


@require_http_methods(["GET", "POST"])
@login_required
def action_add_view(
    request: HttpRequest, review_id: uuid.UUID, meeting_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_minutes" if request.method == "GET" else None,
    )
    meeting = get_object_or_404(PanelMeeting, pk=meeting_id, review=review)
    form = ActionForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            action_add(actor=request.user, review=review, meeting=meeting, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Action added."))
            return redirect("panel:meeting-detail", review_id=review.pk, meeting_id=meeting.pk)
    return render(
        request, "panel/action_add.html", {"review": review, "meeting": meeting, "form": form}
    )


@require_POST
@login_required
def action_done(
    request: HttpRequest, review_id: uuid.UUID, meeting_id: uuid.UUID, action_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.manage_panel", audit_action=None
    )
    action = get_object_or_404(
        MeetingAction, pk=action_id, meeting_id=meeting_id, meeting__review=review
    )
    try:
        action_complete(actor=request.user, review=review, action=action)
    except ValidationError:
        messages.info(request, _("This action was already marked as done."))
    else:
        messages.success(request, _("Action marked as done."))
    return redirect("panel:meeting-detail", review_id=review.pk, meeting_id=meeting_id)
