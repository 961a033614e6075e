"""Appointing the independent chair and the report writer (R25-R28)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dhr.reviews.forms_appointments import AppointmentForm
from dhr.reviews.services.appointments import (
    RECENT_CONNECTION_YEARS,
    Conflict,
    appointment_conflicts,
    can_appoint,
)
from dhr.reviews.services.appointments import appointment_create as appointment_create_service
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


@require_http_methods(["GET", "POST"])
@login_required
def appointment_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.appoint_chair",
        audit_action="review.view_appointments" if request.method == "GET" else None,
    )
    form = AppointmentForm(request.POST or None)
    conflicts: list[Conflict] = []
    if request.method == "POST" and form.is_valid():
        conflicts = appointment_conflicts(review=review, links=form.past_links())
        try:
            appointment = appointment_create_service(
                actor=request.user, review=review, **form.service_kwargs()
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("%(role)s appointed.") % {"role": appointment.get_role_display()},
            )
            return redirect("reviews:review-detail", review_id=review.pk)
    appointments = review.appointments.prefetch_related("past_links__agency")
    return render(
        request,
        "reviews/appointment_create.html",
        {
            "review": review,
            "form": form,
            "conflicts": conflicts,
            "blocked": any(conflict.blocking for conflict in conflicts),
            "appointments": appointments,
            "can_appoint": can_appoint(review),
            "recent_years": RECENT_CONNECTION_YEARS,
        },
    )
