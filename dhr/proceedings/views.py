"""Proceedings beside a review: the list, recording, disclosure liaison, pause proposals."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.clock.selectors import live_completion_deadline
from dhr.proceedings import proposals, services
from dhr.proceedings.forms import (
    DisclosureDecisionForm,
    ProceedingEventForm,
    ProceedingForm,
    ProposalApproveForm,
    ProposalRejectForm,
)
from dhr.proceedings.models import PauseProposal, Proceeding, ProposalKind
from dhr.proceedings.selectors import (
    disclosure_list_for,
    pending_proposal_get,
    proceeding_list_for,
    proposal_list_for,
)
from dhr.reviews.models import Review
from dhr.reviews.viewing import review_for_request

# The clock's services name the date they refuse; on these forms it is one field.
_DATE_FIELDS = {"started_on": "effective_on", "ended_on": "effective_on"}


def _add_errors(form: Form, error: ValidationError, renames: dict[str, str] | None = None) -> None:
    """Attach a service's ValidationError to the form field it names, if the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            name = (renames or {}).get(field, field)
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _to_list(review: Review) -> HttpResponse:
    return redirect("proceedings:proceeding-list", review_id=review.pk)


@require_GET
@login_required
def proceeding_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="proceedings.view_proceedings",
        audit_action="proceedings.view",
    )
    context = {
        "review": review,
        "proceedings": proceeding_list_for(review=review),
        "disclosures": disclosure_list_for(review=review),
        "proposals": proposal_list_for(review=review),
        "clock_running": live_completion_deadline(review=review) is not None,
        "can_record": request.user.has_perm("proceedings.record_proceedings", review),
        "can_decide": request.user.has_perm("clock.approve_pause", review),
    }
    return render(request, "proceedings/proceeding_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def proceeding_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="proceedings.record_proceedings", audit_action=None
    )
    form = ProceedingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proceeding_create(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Proceedings recorded."))
            return _to_list(review)
    return render(request, "proceedings/proceeding_form.html", {"review": review, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def event_create(
    request: HttpRequest, review_id: uuid.UUID, proceeding_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="proceedings.record_proceedings", audit_action=None
    )
    try:
        proceeding = review.proceedings.get(pk=proceeding_id)
    except Proceeding.DoesNotExist as error:
        raise Http404("No such proceedings") from error
    form = ProceedingEventForm(request.POST or None, proceeding=proceeding)
    if request.method == "POST" and form.is_valid():
        try:
            services.proceeding_event_record(
                actor=request.user, proceeding=proceeding, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Event recorded."))
            return _to_list(review)
    return render(
        request,
        "proceedings/event_form.html",
        {"review": review, "proceeding": proceeding, "form": form},
    )


@require_http_methods(["GET", "POST"])
@login_required
def disclosure_create(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="proceedings.record_proceedings", audit_action=None
    )
    form = DisclosureDecisionForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        try:
            services.disclosure_decision_record(
                actor=request.user, review=review, **form.cleaned_data
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Disclosure decision recorded."))
            return _to_list(review)
    return render(request, "proceedings/disclosure_form.html", {"review": review, "form": form})


def _pending(review: Review, proposal_id: uuid.UUID) -> PauseProposal:
    try:
        return pending_proposal_get(review=review, proposal_id=proposal_id)
    except PauseProposal.DoesNotExist as error:
        raise Http404("No proposal waiting") from error


@require_http_methods(["GET", "POST"])
@login_required
def proposal_approve(
    request: HttpRequest, review_id: uuid.UUID, proposal_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="clock.approve_pause", audit_action=None
    )
    proposal = _pending(review, proposal_id)
    pausing = proposal.kind == ProposalKind.PAUSE
    event = proposal.event
    initial = {
        "effective_on": proposal.proposed_on,
        "explanation": _("%(proceeding)s: %(event)s on %(date)s.")
        % {
            "proceeding": event.proceeding.get_kind_display(),
            "event": str(event.get_kind_display()).lower(),
            "date": event.occurred_on.strftime("%d/%m/%Y"),
        },
    }
    form = ProposalApproveForm(request.POST or None, initial=initial, pausing=pausing)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.proposal_approve(actor=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error, _DATE_FIELDS)
        else:
            messages.success(
                request,
                _("Pause approved. The completion clock is stopped.")
                if pausing
                else _("Restart approved. The completion clock is running again."),
            )
            return _to_list(review)
    context = {
        "review": review,
        "proposal": proposal,
        "blocker": proposals.proposal_blocker(proposal),
        "form": form,
    }
    return render(request, "proceedings/proposal_approve.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def proposal_reject(
    request: HttpRequest, review_id: uuid.UUID, proposal_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="clock.approve_pause", audit_action=None
    )
    proposal = _pending(review, proposal_id)
    form = ProposalRejectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            proposals.proposal_reject(
                actor=request.user, proposal=proposal, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Proposal rejected. The clock has not changed."))
            return _to_list(review)
    return render(
        request,
        "proceedings/proposal_reject.html",
        {"review": review, "proposal": proposal, "form": form},
    )
