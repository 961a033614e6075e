"""Recording the CSP's decision whether to hold a review (R19)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dhr.reviews.forms_decision import DecisionForm
from dhr.reviews.services.decision import (
    assessment_reasons,
    decision_due_on,
    decision_record,
    forum_label,
    latest_assessment,
    recommendation_label,
)
from dhr.reviews.viewing import review_for_request


def add_service_error(form: Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on its field where the form has one."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@require_http_methods(["GET", "POST"])
@login_required
def decision_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.record_decision",
        audit_action="review.view_decision" if request.method == "GET" else None,
    )
    existing = review.decisions.first()
    assessment = latest_assessment(review)
    form = DecisionForm(request.POST or None, review=review, assessment=assessment)
    if existing is None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision_record(
                actor=request.user,
                review=review,
                outcome=data["outcome"],
                forum=data["forum"],
                decided_on=data["decided_on"],
                rationale=data.get("rationale", ""),
                joint_with=data.get("joint_with", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Decision recorded. Now tell the Home Office."))
            if request.user.has_perm("reviews.send_home_office_letter", review):
                return redirect("reviews:home-office-response", review_id=review.pk)
            return redirect("reviews:review-detail", review_id=review.pk)
    due_on = decision_due_on(review)
    context = {
        "review": review,
        "form": form,
        "existing": existing,
        "assessment": assessment,
        "recommendation": recommendation_label(assessment) if assessment else "",
        "reasons": assessment_reasons(assessment) if assessment else [],
        "existing_forum": forum_label(review, existing.forum) if existing else "",
        "due_on": due_on,
        "overdue": existing is None and timezone.localdate() > due_on,
    }
    status = 409 if existing is not None and request.method == "POST" else 200
    return render(request, "reviews/decision_create.html", context, status=status)
