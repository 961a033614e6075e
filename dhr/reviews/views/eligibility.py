"""The guided eligibility check (R1-R15) and its recommendation.

The check recommends; the CSP chair decides (R19). Running it needs reviews.assess_eligibility;
reading a result needs the case record, so decision panel members can read what they decide on.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.reviews.eligibility import RECOMMENDATION_NOTICE, get_ruleset
from dhr.reviews.forms_eligibility import EligibilityForm
from dhr.reviews.services import eligibility as eligibility_service
from dhr.reviews.services.eligibility import (
    STATES_OPEN_TO_CHECK,
    eligibility_initial_answers,
    eligibility_reasons_for_display,
    eligibility_replay,
    flag_label,
    missing_answer_label,
    recommendation_label,
)
from dhr.reviews.viewing import review_for_request


@require_http_methods(["GET", "POST"])
@login_required
def eligibility_assess(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.assess_eligibility",
        audit_action="review.view_eligibility_check" if request.method == "GET" else None,
    )
    notification = review.notifications.order_by("notified_at").first()
    form = EligibilityForm(
        request.POST if request.method == "POST" else None,
        answers=eligibility_initial_answers(review=review),
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = eligibility_service.eligibility_assess(
                actor=request.user, review=review, answers=form.answers()
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect(
                "reviews:eligibility-detail", review_id=review.pk, assessment_id=assessment.pk
            )
    context = {
        "review": review,
        "form": form,
        "notification": notification,
        "open_to_check": review.state in STATES_OPEN_TO_CHECK,
        "previous": review.assessments.order_by("-created_at").first(),
    }
    return render(request, "reviews/eligibility_assess.html", context)


@require_GET
@login_required
def eligibility_detail(
    request: HttpRequest, review_id: uuid.UUID, assessment_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.view_case_record",
        audit_action="review.view_eligibility",
    )
    assessment = review.assessments.select_related("assessed_by").filter(pk=assessment_id).first()
    if assessment is None:
        raise Http404("No assessment found")
    replay = eligibility_replay(assessment)
    try:
        ruleset_title = _(get_ruleset(assessment.ruleset_code).title)
    except KeyError:
        ruleset_title = assessment.ruleset_code
    context = {
        "review": review,
        "assessment": assessment,
        "recommendation": recommendation_label(assessment.recommendation),
        "reasons": eligibility_reasons_for_display(assessment, replay),
        "flags": [flag_label(flag) for flag in assessment.flags],
        "missing": [missing_answer_label(name) for name in (replay.missing if replay else ())],
        "notice": _(RECOMMENDATION_NOTICE),
        "ruleset_title": ruleset_title,
        "can_reassess": (
            review.state in STATES_OPEN_TO_CHECK
            and request.user.has_perm("reviews.assess_eligibility", review)
        ),
        "can_decide": request.user.has_perm("reviews.record_decision", review),
    }
    return render(request, "reviews/eligibility_detail.html", context)
