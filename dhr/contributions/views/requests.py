"""The contributions home page, sending requests, answers, due dates and escalation."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.clock.statutory import rule_for
from dhr.contributions.choices import OPEN_STATUSES, RequestKind
from dhr.contributions.forms import (
    DueDateForm,
    EscalationStepForm,
    RequestSendForm,
    ScopingAnswerForm,
)
from dhr.contributions.models import InformationRequest
from dhr.contributions.selectors import (
    imr_list_for,
    request_get_for,
    request_rows_for,
    request_shown_status,
)
from dhr.contributions.services.requests import (
    escalation_step_record,
    request_answer_scoping,
    request_change_due_date,
    request_send,
)
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


def _request_for(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID, *, permission: str
) -> tuple[Review, InformationRequest]:
    """The review (404/403 as usual), then the request within the user's scope (else 404)."""
    review = review_for_request(request, review_id, permission=permission, audit_action=None)
    info_request = request_get_for(user=request.user, review=review, request_id=request_id)
    if request.method == "GET":
        event_record(
            action="contributions.view_request",
            actor=request.user,
            request=request,
            review_id=review.pk,
            obj=info_request,
        )
    return review, info_request


@require_GET
@login_required
def request_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="contributions.view_contributions",
        audit_action="contributions.view_requests",
    )
    user = request.user
    rows = request_rows_for(user=user, review=review, today=timezone.localdate())
    context = {
        "review": review,
        "scoping_rows": [row for row in rows if row.request.kind == RequestKind.SCOPING],
        "imr_rows": [row for row in rows if row.request.kind == RequestKind.IMR],
        "shared_imrs": (
            list(imr_list_for(user=user, review=review).filter(shared_with_panel=True))
            if not user.has_perm("contributions.view_requests", review)
            else []
        ),
        "can_see_requests": user.has_perm("contributions.view_requests", review),
        "can_send": user.has_perm("contributions.send_requests", review),
    }
    return render(request, "contributions/request_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def request_send_view(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="contributions.send_requests",
        audit_action="contributions.view_request_send" if request.method == "GET" else None,
    )
    imr_period = str(rule_for("imr_due", overrides=settings.DHR_CLOCK_OVERRIDES).period)
    form = RequestSendForm(
        request.POST or None,
        review=review,
        imr_period=imr_period,
        initial={"sent_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = request_send(
                actor=request.user,
                review=review,
                agencies=data["agencies"],
                kind=data["kind"],
                sent_on=data["sent_on"],
                due_on=data.get("due_on"),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Request sent to %(count)d agencies. Their contributors can now answer it.")
                % {"count": len(created)},
            )
            return redirect("contributions:request-list", review_id=review.pk)
    return render(
        request,
        "contributions/request_send.html",
        {"review": review, "form": form, "imr_period": imr_period},
    )


@require_GET
@login_required
def request_detail(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID
) -> HttpResponse:
    review, info_request = _request_for(
        request, review_id, request_id, permission="contributions.view_requests"
    )
    declined = review.agency_declines.filter(agency_id=info_request.agency_id).exists()
    user = request.user
    imr = imr_list_for(user=user, review=review).filter(request=info_request).first()
    context = {
        "review": review,
        "info_request": info_request,
        "status": request_shown_status(info_request, today=timezone.localdate(), declined=declined),
        "is_open": info_request.status in OPEN_STATUSES,
        "steps": info_request.escalation_steps.all(),
        "imr": imr,
        "can_answer": user.has_perm("contributions.answer_requests", review),
        "can_manage": user.has_perm("contributions.manage_requests", review),
        "can_record_decline": user.has_perm("reviews.record_agency_decline", review),
    }
    return render(request, "contributions/request_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def request_answer(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID
) -> HttpResponse:
    review, info_request = _request_for(
        request, review_id, request_id, permission="contributions.answer_requests"
    )
    if info_request.kind != RequestKind.SCOPING:
        raise Http404
    form = ScopingAnswerForm(request.POST or None)
    answered = info_request.status not in OPEN_STATUSES
    if request.method == "POST" and not answered and form.is_valid():
        try:
            request_answer_scoping(
                actor=request.user,
                review=review,
                request=info_request,
                had_contact=form.cleaned_data["had_contact"],
                summary=form.cleaned_data.get("summary", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your agency's answer is recorded."))
            return redirect(
                "contributions:request-detail", review_id=review.pk, request_id=info_request.pk
            )
    status = 409 if answered and request.method == "POST" else 200
    return render(
        request,
        "contributions/request_answer.html",
        {"review": review, "info_request": info_request, "form": form, "answered": answered},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def request_due_date(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID
) -> HttpResponse:
    review, info_request = _request_for(
        request, review_id, request_id, permission="contributions.manage_requests"
    )
    form = DueDateForm(request.POST or None, initial={"due_on": info_request.due_on})
    if request.method == "POST" and form.is_valid():
        try:
            request_change_due_date(
                actor=request.user,
                review=review,
                request=info_request,
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The date due is changed."))
            return redirect(
                "contributions:request-detail", review_id=review.pk, request_id=info_request.pk
            )
    return render(
        request,
        "contributions/request_due_date.html",
        {"review": review, "info_request": info_request, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
def request_escalate(
    request: HttpRequest, review_id: uuid.UUID, request_id: uuid.UUID
) -> HttpResponse:
    review, info_request = _request_for(
        request, review_id, request_id, permission="contributions.manage_requests"
    )
    form = EscalationStepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            escalation_step_record(
                actor=request.user,
                review=review,
                request=info_request,
                taken_on=form.cleaned_data["taken_on"],
                step=form.cleaned_data["step"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The step is recorded."))
            return redirect(
                "contributions:request-escalate", review_id=review.pk, request_id=info_request.pk
            )
    context = {
        "review": review,
        "info_request": info_request,
        "form": form,
        "steps": info_request.escalation_steps.all(),
        "is_open": info_request.status in OPEN_STATUSES,
        "can_record_decline": request.user.has_perm("reviews.record_agency_decline", review),
    }
    return render(request, "contributions/request_escalate.html", context)
