"""Telling the Home Office of a decision, recording its response, and escalating agencies.

Rules (domain.md 2.2 B6, 2.3, 4.2, section 7.2 and 7.4):

- R20: every decision, to hold a review or not, is notified and the date sent is recorded.
- R21: a decision not to hold a review is provisional until the Home Office responds: the case
  stays open (DECIDED_NO_REVIEW) until the response is "accepted" (Hansard, Lords, 13 Dec 2021).
- R22: a Secretary of State direction under s.9(2) DVCVA 2004, to establish or to participate,
  is recorded with the directed body and date; a direction to establish reopens the case.
- R35: an agency that declines to take part is recorded and escalated by letter asking the
  Home Office to consider a direction to participate (Sheffield "Agency Non-Engagement").

Letters are built here from the record and rendered by the framework-free
dhr.documents.rendering package. They carry the reference and pseudonym, never a name.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.clock.arithmetic import add_months
from dhr.clock.models import Deadline
from dhr.clock.services import deadline_meet, deadline_start
from dhr.documents import rendering
from dhr.documents.rendering.letters import format_date
from dhr.reviews.choices import AppointmentRole, DecisionOutcome, HomeOfficeResponse, OtherReview
from dhr.reviews.models import AgencyDecline, Decision, HomeOfficeNotification, Review
from dhr.reviews.services.decision import (
    assessment_reasons,
    forum_label,
    latest_assessment,
    recommendation_label,
)
from dhr.reviews.services.timeline import timeline_add

R = HomeOfficeResponse

CONTENT_TYPES: dict[str, str] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
RENDERERS: dict[str, Callable[[rendering.Letter], bytes]] = {
    "docx": rendering.render_docx,
    "pdf": rendering.render_pdf,
}

# The rationale recorded on the decision a direction to establish creates (R22).
DIRECTION_RATIONALE = (
    "Secretary of State direction under s.9(2) of the Domestic Violence, Crime and Victims "
    "Act 2004 to establish a Domestic Homicide Review."
)

# Which responses make sense for which decision. A review already being held cannot be
# directed to be established; a "no review" decision has no agency to direct to participate.
RESPONSES_FOR_NO_REVIEW = (R.ACCEPTED, R.CHALLENGED, R.DIRECTION_ESTABLISH)
RESPONSES_FOR_REVIEW = (R.ACCEPTED, R.CHALLENGED, R.DIRECTION_PARTICIPATE)
# A challenge is not the end: the Home Office may still accept or direct afterwards.
OPEN_RESPONSES = (R.AWAITING, R.CHALLENGED)


@dataclass(frozen=True)
class RenderedLetter:
    content: bytes
    filename: str
    content_type: str


def current_notification(review: Review) -> HomeOfficeNotification | None:
    return (
        review.home_office_notifications.select_related("decision", "sent_by")
        .order_by("-created_at")
        .first()
    )


def response_choices(decision: Decision) -> list[tuple[str, str]]:
    allowed = (
        RESPONSES_FOR_NO_REVIEW
        if decision.outcome == DecisionOutcome.NO_REVIEW
        else RESPONSES_FOR_REVIEW
    )
    return [(value.value, str(value.label)) for value in allowed]


def _safe_reference(review: Review) -> str:
    return re.sub(r"[^A-Za-z0-9-]+", "-", review.reference).strip("-") or "review"


def _csp_fields(review: Review) -> dict[str, Any]:
    csp = review.lead_csp
    address = tuple(line.strip() for line in csp.address.splitlines() if line.strip())
    contact = [csp.name] + ([csp.contact_email] if csp.contact_email else [])
    return {
        "csp_name": csp.name,
        "csp_address": address,
        "review_reference": review.reference,
        "pseudonym": review.pseudonym or None,
        "contact_lines": tuple(contact),
        # Signed for the Partnership by role: document properties and letters travel widely.
        "signatory_lines": ("Chair", csp.name),
    }


def _letter_decision(decision: Decision) -> rendering.Decision:
    if decision.outcome == DecisionOutcome.NO_REVIEW:
        return rendering.Decision.NOT_HOLD
    if decision.outcome == DecisionOutcome.SUSR:
        return rendering.Decision.SUSR_WALES
    if decision.outcome == DecisionOutcome.JOINT_REVIEW:
        if decision.joint_with == OtherReview.CSPR:
            return rendering.Decision.JOINT_CSPR
        return rendering.Decision.JOINT_SAR
    return rendering.Decision.HOLD


def eligibility_summary(review: Review) -> str:
    """The latest recommendation and its reasons, in plain text for the letter."""
    assessment = latest_assessment(review)
    if assessment is None:
        return "No eligibility check was recorded before the decision."
    lines = [f"Recommendation: {recommendation_label(assessment)}."]
    lines += [f"- {text}" for text in assessment_reasons(assessment)]
    return "\n".join(lines)


def _expected_timescale(review: Review) -> str | None:
    deadline = Deadline.objects.filter(
        review=review, rule_code="completion", cancelled=False
    ).first()
    if deadline is None:
        return None
    if deadline.period_unit != "months":
        return f"{deadline.period_value} {deadline.period_unit} from the decision"
    due = add_months(deadline.starts_on, deadline.period_value)
    words = "six" if deadline.period_value == 6 else str(deadline.period_value)
    return f"{words.capitalize()} months from the decision (by {format_date(due, 'en')})"


def decision_letter_for(review: Review, notice: HomeOfficeNotification) -> rendering.Letter:
    decision = notice.decision
    notification = review.notifications.order_by("-notified_at").first()
    chair = (
        review.appointments.filter(role=AppointmentRole.INDEPENDENT_CHAIR)
        .order_by("-appointed_on")
        .first()
    )
    data = rendering.DecisionLetterData(
        **_csp_fields(review),
        letter_date=notice.sent_on or timezone.localdate(),
        death_came_to_attention=review.came_to_attention_on,
        date_of_death=notification.date_of_death if notification else None,
        decision=_letter_decision(decision),
        decision_date=decision.decided_on,
        decision_maker_role=forum_label(review, decision.forum),
        rationale=decision.rationale,
        eligibility_summary=eligibility_summary(review),
        chair=chair.name if chair else None,
        expected_timescale=_expected_timescale(review),
    )
    return rendering.decision_letter(data)


def home_office_letter_render(*, review: Review, fmt: str) -> RenderedLetter:
    """The decision letter as DOCX or PDF; raises LookupError if there is nothing to send."""
    notice = current_notification(review)
    if notice is None or fmt not in RENDERERS:
        raise LookupError("no letter")
    letter = decision_letter_for(review, notice)
    return RenderedLetter(
        content=RENDERERS[fmt](letter),
        filename=f"{_safe_reference(review)}-home-office-decision.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )


def _not_future(value: dt.date, field: str, message: str) -> None:
    if value > timezone.localdate():
        raise ValidationError({field: message})


@transaction.atomic
def home_office_mark_sent(
    *, actor: Any, review: Review, sent_on: dt.date
) -> HomeOfficeNotification:
    """R20: record the date the letter went to the Home Office; meets the notification clock."""
    if not actor.has_perm("reviews.send_home_office_letter", review):
        raise PermissionDenied("reviews.send_home_office_letter")
    notice = current_notification(review)
    if notice is None:
        raise ValidationError(_("Record the decision before telling the Home Office."))
    notice = HomeOfficeNotification.objects.select_for_update().get(pk=notice.pk)
    if notice.sent_on is not None:
        raise ValidationError(_("The letter has already been marked as sent."))
    _not_future(sent_on, "sent_on", _("The date sent must be today or in the past"))
    if sent_on < notice.decision.decided_on:
        raise ValidationError(
            {"sent_on": _("The date sent must be the same as or after the date of decision")}
        )
    notice.sent_on = sent_on
    notice.sent_by = actor
    notice.full_clean()
    notice.save()
    deadline_meet(review=review, rule_code="home_office_notified", met_on=sent_on)
    timeline_add(
        review=review,
        kind="home_office",
        summary=_("Decision letter sent to the Home Office"),
        actor=actor,
    )
    event_record(action="review.home_office_sent", actor=actor, review_id=review.pk, obj=notice)
    return notice


def _reopen_on_direction(
    *, actor: Any, review: Review, notice: HomeOfficeNotification, response_on: dt.date
) -> None:
    review.reopen_on_direction()
    review.save()
    directed = Decision(
        review=review,
        outcome=DecisionOutcome.REVIEW,
        forum=notice.decision.forum,
        decided_on=response_on,
        rationale=DIRECTION_RATIONALE,
        decided_by=actor,
        following_direction=True,
    )
    directed.full_clean()
    directed.save()
    # R56: the review is "decided" when directed, so six months run from the direction.
    deadline_start(review=review, rule_code="completion", starts_on=response_on)
    timeline_add(
        review=review,
        kind="decision",
        summary=_("Review reopened: the Secretary of State directed that a review be held"),
        actor=actor,
    )


@transaction.atomic
def home_office_response_record(
    *,
    actor: Any,
    review: Review,
    response: str,
    response_on: dt.date,
    directed_body: str = "",
    notes: str = "",
) -> HomeOfficeNotification:
    """R21, R22: record the answer; close, keep open or reopen the case as the answer says."""
    if not actor.has_perm("reviews.record_home_office_response", review):
        raise PermissionDenied("reviews.record_home_office_response")
    review = Review.objects.select_for_update().select_related("lead_csp").get(pk=review.pk)
    notice = current_notification(review)
    if notice is None or notice.sent_on is None:
        raise ValidationError(_("Mark the letter as sent before recording a response."))
    if notice.response not in OPEN_RESPONSES:
        raise ValidationError(_("The Home Office response has already been recorded."))
    if response not in dict(response_choices(notice.decision)):
        raise ValidationError({"response": _("Choose a response that fits this decision")})
    _not_future(response_on, "response_on", _("The date of response must be today or in the past"))
    if response_on < notice.sent_on:
        raise ValidationError(
            {"response_on": _("The date of response must be the same as or after the date sent")}
        )
    if response == R.DIRECTION_ESTABLISH and not directed_body.strip():
        directed_body = review.lead_csp.name
    if response == R.DIRECTION_PARTICIPATE and not directed_body.strip():
        raise ValidationError({"directed_body": _("Enter the body the direction is made to")})

    before = review.state
    notice.response = response
    notice.response_on = response_on
    notice.directed_body = directed_body.strip()
    notice.response_notes = notes.strip()
    notice.full_clean()
    notice.save()

    is_no_review = notice.decision.outcome == DecisionOutcome.NO_REVIEW
    if is_no_review and response == R.ACCEPTED:
        review.close_no_review_accepted()
        review.save()
    elif is_no_review and response == R.DIRECTION_ESTABLISH:
        _reopen_on_direction(actor=actor, review=review, notice=notice, response_on=response_on)

    timeline_add(
        review=review,
        kind="home_office",
        summary=_("Home Office response recorded: %(response)s")
        % {"response": notice.get_response_display()},
        actor=actor,
    )
    event_record(
        action="review.home_office_response",
        actor=actor,
        review_id=review.pk,
        obj=notice,
        detail={"response": response, "from": before, "to": review.state},
    )
    return notice


# --- Agencies that decline (R35) -----------------------------------------------------------


@transaction.atomic
def agency_decline_record(
    *,
    actor: Any,
    review: Review,
    agency: Organisation,
    asked_on: dt.date,
    declined_on: dt.date,
    reason_given: str = "",
    steps_taken: str = "",
) -> AgencyDecline:
    if not actor.has_perm("reviews.record_agency_decline", review):
        raise PermissionDenied("reviews.record_agency_decline")
    if agency.is_csp:
        raise ValidationError({"agency": _("Choose an agency, not a Community Safety Partnership")})
    _not_future(declined_on, "declined_on", _("The date declined must be today or in the past"))
    if declined_on < asked_on:
        raise ValidationError(
            {"declined_on": _("The date declined must be the same as or after the date asked")}
        )
    decline = AgencyDecline(
        review=review,
        agency=agency,
        asked_on=asked_on,
        declined_on=declined_on,
        reason_given=reason_given.strip(),
        steps_taken=steps_taken.strip(),
        recorded_by=actor,
    )
    decline.full_clean()
    decline.save()
    timeline_add(
        review=review,
        kind="agency_decline",
        summary=_("An agency declined to take part: %(agency)s") % {"agency": agency.name},
        actor=actor,
    )
    event_record(
        action="review.agency_decline_recorded", actor=actor, review_id=review.pk, obj=decline
    )
    return decline


def _direction_letter(review: Review, decline: AgencyDecline) -> rendering.Letter:
    steps = tuple(line.strip(" -•\t") for line in decline.steps_taken.splitlines())
    data = rendering.AgencyDirectionRequestData(
        **_csp_fields(review),
        letter_date=decline.direction_requested_on or timezone.localdate(),
        agency_name=decline.agency.name,
        agency_body_type=decline.agency.get_kind_display(),
        date_asked=decline.asked_on,
        date_declined=decline.declined_on,
        reason_given=decline.reason_given or None,
        steps_taken=steps,
    )
    return rendering.agency_direction_request_letter(data)


@transaction.atomic
def agency_decline_letter_render(
    *, actor: Any, review: Review, decline: AgencyDecline, fmt: str
) -> RenderedLetter:
    """Render the direction request; the first download records that a direction was sought."""
    if not actor.has_perm("reviews.record_agency_decline", review):
        raise PermissionDenied("reviews.record_agency_decline")
    if fmt not in RENDERERS:
        raise LookupError(fmt)
    decline = (
        AgencyDecline.objects.select_for_update()
        .select_related("agency")
        .get(pk=decline.pk, review=review)
    )
    first_request = decline.direction_requested_on is None
    if first_request:
        decline.direction_requested_on = timezone.localdate()
    content = RENDERERS[fmt](_direction_letter(review, decline))
    if first_request:
        decline.save(update_fields=["direction_requested_on", "updated_at"])
        timeline_add(
            review=review,
            kind="agency_decline",
            summary=_("Letter prepared asking the Home Office to consider a direction"),
            actor=actor,
        )
    return RenderedLetter(
        content=content,
        filename=f"{_safe_reference(review)}-direction-request-{str(decline.pk)[:8]}.{fmt}",
        content_type=CONTENT_TYPES[fmt],
    )
