"""Telling the Home Office (R20-R22) and escalating agencies that decline (R35)."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dhr.audit.services import event_record
from dhr.reviews.choices import DecisionOutcome, HomeOfficeResponse
from dhr.reviews.forms_decision import AgencyDeclineForm, HomeOfficeResponseForm, MarkSentForm
from dhr.reviews.models import AgencyDecline, Review
from dhr.reviews.services.decision import forum_label
from dhr.reviews.services.home_office import (
    OPEN_RESPONSES,
    RENDERERS,
    RenderedLetter,
    agency_decline_letter_render,
    agency_decline_record,
    current_notification,
    home_office_letter_render,
    home_office_mark_sent,
    home_office_response_record,
)
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


def _attachment(letter: RenderedLetter) -> HttpResponse:
    response = HttpResponse(letter.content, content_type=letter.content_type)
    response["Content-Disposition"] = f'attachment; filename="{letter.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


def _page(
    request: HttpRequest,
    review: Review,
    *,
    sent_form: MarkSentForm | None = None,
    response_form: HomeOfficeResponseForm | None = None,
) -> HttpResponse:
    """The "Tell the Home Office" task page: summary, letters, then sent, then response."""
    notice = current_notification(review)
    if notice is None:
        raise Http404(_("No decision has been recorded yet"))
    decision = notice.decision
    if notice.sent_on is None:
        sent_form = sent_form or MarkSentForm(decision=decision)
    can_respond = notice.sent_on is not None and notice.response in OPEN_RESPONSES
    if can_respond:
        response_form = response_form or HomeOfficeResponseForm(
            decision=decision, sent_on=notice.sent_on
        )
    context: dict[str, Any] = {
        "review": review,
        "notice": notice,
        "decision": decision,
        "forum": forum_label(review, decision.forum),
        "is_no_review": decision.outcome == DecisionOutcome.NO_REVIEW,
        "challenged": notice.response == HomeOfficeResponse.CHALLENGED,
        "sent_form": sent_form,
        "response_form": response_form if can_respond else None,
        # The error summary partial reads `form`: give it whichever form has the errors.
        "form": sent_form if sent_form is not None and sent_form.errors else response_form,
        "directed_decision": review.decisions.filter(following_direction=True).first(),
        "can_record_response": request.user.has_perm("reviews.record_home_office_response", review),
    }
    return render(request, "reviews/home_office_detail.html", context)


@require_GET
@login_required
def letter_download(request: HttpRequest, review_id: uuid.UUID, fmt: str) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404
    review = review_for_request(
        request, review_id, permission="reviews.send_home_office_letter", audit_action=None
    )
    try:
        letter = home_office_letter_render(review=review, fmt=fmt)
    except LookupError as error:
        raise Http404 from error
    except ValueError as error:
        messages.error(request, _("The letter could not be made: %(problem)s") % {"problem": error})
        return redirect("reviews:home-office-response", review_id=review.pk)
    event_record(
        action="review.download_letter",
        actor=request.user,
        request=request,
        review_id=review.pk,
        detail={"letter": "home_office_decision", "format": fmt},
    )
    return _attachment(letter)


@require_POST
@login_required
def letter_mark_sent(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="reviews.send_home_office_letter", audit_action=None
    )
    notice = current_notification(review)
    if notice is None:
        raise Http404
    form = MarkSentForm(request.POST, decision=notice.decision)
    if form.is_valid():
        try:
            home_office_mark_sent(
                actor=request.user, review=review, sent_on=form.cleaned_data["sent_on"]
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The letter is recorded as sent to the Home Office."))
            return redirect("reviews:home-office-response", review_id=review.pk)
    return _page(request, review, sent_form=form)


@require_http_methods(["GET", "POST"])
@login_required
def response_record(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    if request.method == "GET":
        review = review_for_request(
            request,
            review_id,
            permission="reviews.send_home_office_letter",
            audit_action="review.view_home_office",
        )
        return _page(request, review)
    review = review_for_request(
        request, review_id, permission="reviews.record_home_office_response", audit_action=None
    )
    notice = current_notification(review)
    if notice is None:
        raise Http404
    form = HomeOfficeResponseForm(request.POST, decision=notice.decision, sent_on=notice.sent_on)
    if form.is_valid():
        data = form.cleaned_data
        try:
            home_office_response_record(
                actor=request.user,
                review=review,
                response=data["response"],
                response_on=data["response_on"],
                directed_body=data.get("directed_body", ""),
                notes=data.get("notes", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The Home Office response is recorded."))
            return redirect("reviews:home-office-response", review_id=review.pk)
    return _page(request, review, response_form=form)


@require_http_methods(["GET", "POST"])
@login_required
def agency_decline_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.record_agency_decline",
        audit_action="review.view_agency_declines" if request.method == "GET" else None,
    )
    form = AgencyDeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency_decline_record(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                _("Recorded. Download the letter asking the Home Office to consider a direction."),
            )
            return redirect("reviews:agency-decline-create", review_id=review.pk)
    declines = review.agency_declines.select_related("agency").order_by("-declined_on")
    return render(
        request,
        "reviews/agency_decline_create.html",
        {"review": review, "form": form, "declines": declines},
    )


@require_GET
@login_required
def agency_decline_letter(
    request: HttpRequest, review_id: uuid.UUID, decline_id: uuid.UUID, fmt: str
) -> HttpResponse:
    if fmt not in RENDERERS:
        raise Http404
    review = review_for_request(
        request, review_id, permission="reviews.record_agency_decline", audit_action=None
    )
    decline = get_object_or_404(AgencyDecline, pk=decline_id, review=review)
    try:
        letter = agency_decline_letter_render(
            actor=request.user, review=review, decline=decline, fmt=fmt
        )
    except ValueError as error:
        messages.error(request, _("The letter could not be made: %(problem)s") % {"problem": error})
        return redirect("reviews:agency-decline-create", review_id=review.pk)
    event_record(
        action="review.download_letter",
        actor=request.user,
        request=request,
        review_id=review.pk,
        obj=decline,
        detail={"letter": "agency_direction_request", "format": fmt},
    )
    return _attachment(letter)
