"""The deadline dashboard, a review's clock, and recording and ending pauses (R46, R56, R58)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.clock import services
from dhr.clock.forms import PauseEndForm, PauseForm
from dhr.clock.models import Pause
from dhr.clock.selectors import (
    clock_readings_for,
    dashboard_for,
    live_completion_deadline,
    pause_ledger_for,
    rag_tag,
)
from dhr.reviews.viewing import review_for_request


def _add_errors(form: Form, error: ValidationError) -> None:
    """Attach a service's ValidationError to the form field it names, if the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_GET
@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    board = dashboard_for(user=request.user, today=timezone.localdate())
    event_record(action="dashboard.view", actor=request.user, request=request)
    return render(request, "clock/dashboard.html", {"dashboard": board})


@require_GET
@login_required
def clock_detail(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="clock.view_clock", audit_action="review.view_clock"
    )
    readings = clock_readings_for(review=review, today=timezone.localdate())
    can_approve = request.user.has_perm("clock.approve_pause", review)
    context = {
        "review": review,
        "clocks": [(row, rag_tag(row.reading)) for row in readings],
        "pauses": pause_ledger_for(review=review),
        "can_approve": can_approve,
        "can_pause": can_approve
        and live_completion_deadline(review=review) is not None
        and not review.pauses.filter(ended_on__isnull=True).exists(),
    }
    return render(request, "clock/clock_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def pause_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="clock.approve_pause", audit_action=None
    )
    if live_completion_deadline(review=review) is None:
        messages.error(
            request,
            _("The completion clock is not running for this review, so it cannot be paused."),
        )
        return redirect("clock:clock-detail", review_id=review.pk)
    form = PauseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pause_approve(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Pause recorded. The completion clock is stopped."))
            return redirect("clock:clock-detail", review_id=review.pk)
    return render(request, "clock/pause_form.html", {"review": review, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def pause_end(request: HttpRequest, review_id: uuid.UUID, pause_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="clock.approve_pause", audit_action=None
    )
    try:
        pause = review.pauses.get(pk=pause_id, ended_on__isnull=True)
    except Pause.DoesNotExist as error:
        raise Http404("No open pause found") from error
    form = PauseEndForm(request.POST or None, initial={"ended_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.pause_end(
                actor=request.user,
                review=review,
                pause=pause,
                ended_on=form.cleaned_data["ended_on"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Pause ended. The completion clock is running again."))
            return redirect("clock:clock-detail", review_id=review.pk)
    return render(request, "clock/pause_end.html", {"review": review, "pause": pause, "form": form})
