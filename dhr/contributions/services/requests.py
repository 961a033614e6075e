"""Sending information requests to agencies, their answers, due dates and escalation.

Rules (domain.md 2.6 F7-F8, section 7.4):

- R32: each agency is asked for a scoping answer or an IMR, with a deadline; receipt is
  tracked. The IMR deadline comes from the clock rule `imr_due` (a local default of six
  weeks, IMR_DUE_WEEKS in DHR_CLOCK_OVERRIDES), and can be changed on the request.
- R32/F7: an agency that held no record still answers: a "nil return".
- R35: an agency that does not engage is chased; each step is recorded, and the last step is
  recording a decline (`reviews:agency-decline-create`), whose letter asks the Home Office to
  consider a direction under s.9(2) DVCVA 2004.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.clock.arithmetic import add_period
from dhr.clock.statutory import rule_for
from dhr.contributions.choices import OPEN_STATUSES, RequestKind, RequestStatus
from dhr.contributions.models import EscalationStep, InformationRequest
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add


def imr_default_due_on(sent_on: dt.date) -> dt.date:
    """The `imr_due` clock rule's period after the date sent (six weeks unless configured)."""
    rule = rule_for("imr_due", overrides=settings.DHR_CLOCK_OVERRIDES)
    return add_period(sent_on, rule.period)


def _require(actor: Any, permission: str, review: Review) -> None:
    if not actor.has_perm(permission, review):
        raise PermissionDenied(permission)


def require_own_agency(actor: Any, review: Review, agency_id: Any) -> None:
    """A contributor acts only for their own agency (the views have already given 404)."""
    if agency_id not in contributor_agency_ids(actor, review):
        raise PermissionDenied("contributions: another agency")


def _not_future(value: dt.date, field: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: _("The date must be today or in the past")})


@transaction.atomic
def request_send(
    *,
    actor: Any,
    review: Review,
    agencies: Iterable[Organisation],
    kind: str,
    sent_on: dt.date,
    due_on: dt.date | None = None,
) -> list[InformationRequest]:
    """Send one request of `kind` to each agency; all or nothing."""
    _require(actor, "contributions.send_requests", review)
    agencies = list(agencies)
    if not agencies:
        raise ValidationError({"agencies": _("Choose at least one agency")})
    if kind not in RequestKind.values:
        raise ValidationError({"kind": _("Choose the type of request")})
    _not_future(sent_on, "sent_on")
    already = InformationRequest.objects.filter(
        review=review, kind=kind, agency__in=agencies
    ).select_related("agency")
    if already.exists():
        names = ", ".join(sorted(request.agency.name for request in already))
        raise ValidationError(
            {"agencies": _("This request has already been sent to: %(names)s") % {"names": names}}
        )
    if due_on is None and kind == RequestKind.IMR:
        due_on = imr_default_due_on(sent_on)
    created = []
    for agency in agencies:
        request = InformationRequest(
            review=review, agency=agency, kind=kind, sent_on=sent_on, due_on=due_on, sent_by=actor
        )
        request.full_clean()
        request.save()
        created.append(request)
    timeline_add(
        review=review,
        kind="information_request",
        summary=_("%(kind)s sent to %(count)d agencies")
        % {"kind": RequestKind(kind).label, "count": len(created)},
        actor=actor,
    )
    event_record(
        action="contributions.request_sent",
        actor=actor,
        review_id=review.pk,
        detail={"kind": kind, "request_ids": [str(request.pk) for request in created]},
    )
    return created


@transaction.atomic
def request_answer_scoping(
    *,
    actor: Any,
    review: Review,
    request: InformationRequest,
    had_contact: bool,
    summary: str = "",
) -> InformationRequest:
    """The agency's answer to "did you have contact with the victim or perpetrator?" (R32)."""
    _require(actor, "contributions.answer_requests", review)
    request = InformationRequest.objects.select_for_update().get(pk=request.pk, review=review)
    require_own_agency(actor, review, request.agency_id)
    if request.kind != RequestKind.SCOPING:
        raise ValidationError(_("Only a scoping request is answered this way."))
    if request.status not in OPEN_STATUSES:
        raise ValidationError(_("This request has already been answered."))
    if had_contact and not summary.strip():
        raise ValidationError({"summary": _("Summarise the contact your agency had")})
    request.status = RequestStatus.CONTACT_CONFIRMED if had_contact else RequestStatus.NIL_RETURN
    request.response_notes = summary.strip() if had_contact else ""
    request.answered_by = actor
    request.answered_on = timezone.localdate()
    request.full_clean()
    request.save()
    timeline_add(
        review=review,
        kind="information_request",
        summary=_("Scoping request answered: %(status)s")
        % {"status": request.get_status_display()},
        actor=actor,
    )
    event_record(
        action="contributions.scoping_answered",
        actor=actor,
        review_id=review.pk,
        obj=request,
        detail={"status": request.status},
    )
    return request


@transaction.atomic
def request_change_due_date(
    *, actor: Any, review: Review, request: InformationRequest, due_on: dt.date
) -> InformationRequest:
    _require(actor, "contributions.manage_requests", review)
    request = InformationRequest.objects.select_for_update().get(pk=request.pk, review=review)
    before = request.due_on
    request.due_on = due_on
    request.full_clean()
    request.save()
    event_record(
        action="contributions.request_due_changed",
        actor=actor,
        review_id=review.pk,
        obj=request,
        detail={"from": before.isoformat() if before else "", "to": due_on.isoformat()},
    )
    return request


@transaction.atomic
def escalation_step_record(
    *, actor: Any, review: Review, request: InformationRequest, taken_on: dt.date, step: str
) -> EscalationStep:
    """R35: record a step taken with an agency that has not answered; the request is escalated."""
    _require(actor, "contributions.manage_requests", review)
    request = InformationRequest.objects.select_for_update().get(pk=request.pk, review=review)
    if request.status not in OPEN_STATUSES:
        raise ValidationError(_("The agency has answered this request: there is nothing to chase."))
    _not_future(taken_on, "taken_on")
    if taken_on < request.sent_on:
        raise ValidationError(
            {"taken_on": _("The date of the step must be the same as or after the date sent")}
        )
    if not step.strip():
        raise ValidationError({"step": _("Describe the step taken")})
    escalation = EscalationStep(
        request=request, taken_on=taken_on, step=step.strip(), recorded_by=actor
    )
    escalation.full_clean()
    escalation.save()
    request.status = RequestStatus.ESCALATED
    request.save(update_fields=["status", "updated_at"])
    timeline_add(
        review=review,
        kind="information_request",
        summary=_("An agency's non-engagement was escalated"),
        actor=actor,
    )
    event_record(
        action="contributions.request_escalated", actor=actor, review_id=review.pk, obj=request
    )
    return escalation
