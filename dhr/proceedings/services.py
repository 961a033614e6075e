"""Recording proceedings beside a review, their dated events, and disclosure liaison.

Rules (domain.md 2.8; R45, R47, R48): see dhr/proceedings/models.py. Event dates follow the
order a prosecution takes: a trial cannot start before the charge, nor a verdict come before
the trial starts, nor a sentence before the verdict. Only hearings and trials may be dated
ahead (they are listed); they are then shown as scheduled.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.proceedings.models import (
    CONCLUDING_EVENTS,
    EVENTS_FOR_KIND,
    SCHEDULABLE_EVENTS,
    DisclosureDecision,
    EventKind,
    Proceeding,
    ProceedingEvent,
    ProceedingStatus,
)
from dhr.proceedings.proposals import proposal_for_event
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

PERMISSION = "proceedings.record_proceedings"

# (event, event that must not come later, error) — the order of a prosecution.
_MUST_FOLLOW: tuple[tuple[str, str, str], ...] = (
    (EventKind.TRIAL, EventKind.CHARGE, "trial_before_charge"),
    (EventKind.VERDICT, EventKind.TRIAL, "verdict_before_trial"),
    (EventKind.SENTENCE, EventKind.VERDICT, "sentence_before_verdict"),
)


def _order_message(code: str, other_on: dt.date) -> str:
    when = date_format(other_on, "j F Y")
    messages = {
        "trial_before_charge": _(
            "The trial cannot start before the charge, which was recorded on %(date)s"
        ),
        "verdict_before_trial": _(
            "The verdict cannot come before the trial started, which was recorded on %(date)s"
        ),
        "sentence_before_verdict": _(
            "The sentence cannot come before the verdict, which was recorded on %(date)s"
        ),
    }
    return messages[code] % {"date": when}


def _reverse_order_message(code: str, other_on: dt.date) -> str:
    when = date_format(other_on, "j F Y")
    messages = {
        "trial_before_charge": _("The charge cannot come after the trial start on %(date)s"),
        "verdict_before_trial": _("The trial cannot start after the verdict on %(date)s"),
        "sentence_before_verdict": _("The verdict cannot come after the sentence on %(date)s"),
    }
    return messages[code] % {"date": when}


def _check(actor: Any, review: Review) -> None:
    if not actor.has_perm(PERMISSION, review):
        raise PermissionDenied(PERMISSION)


@transaction.atomic
def proceeding_create(
    *,
    actor: Any,
    review: Review,
    kind: str,
    body: str = "",
    shared_reference: str = "",
    liaison_name: str = "",
    liaison_role: str = "",
) -> Proceeding:
    """Record a process running beside the review (R45); disciplinary ones stay separate (R48)."""
    _check(actor, review)
    proceeding = Proceeding(
        review=review,
        kind=kind,
        body=body.strip(),
        shared_reference=shared_reference.strip(),
        liaison_name=liaison_name.strip(),
        liaison_role=liaison_role.strip(),
        recorded_by=actor,
    )
    proceeding.full_clean()
    proceeding.save()
    timeline_add(
        review=review,
        kind="proceedings.proceeding",
        summary=_("Parallel process recorded: %(kind)s") % {"kind": proceeding.get_kind_display()},
        actor=actor,
    )
    event_record(
        action="proceedings.proceeding_recorded",
        actor=actor,
        review_id=review.pk,
        obj=proceeding,
        detail={"kind": kind},
    )
    return proceeding


def _validate_event(
    *, proceeding: Proceeding, kind: str, occurred_on: dt.date, verdict: str, today: dt.date
) -> None:
    if kind not in EVENTS_FOR_KIND[proceeding.kind]:
        raise ValidationError({"kind": _("Choose an event that belongs to this proceeding")})
    errors: dict[str, str] = {}
    if occurred_on > today and kind not in SCHEDULABLE_EVENTS:
        errors["occurred_on"] = _(
            "The date must be today or in the past; only hearings and trials can be scheduled"
        )
    if kind == EventKind.VERDICT and not verdict:
        errors["verdict"] = _("Select the verdict")
    if kind != EventKind.VERDICT and verdict:
        errors["verdict"] = _("A verdict can only be recorded with the verdict event")
    if errors:
        raise ValidationError(errors)
    events = proceeding.events.all()
    for later, earlier, code in _MUST_FOLLOW:
        if kind == later:
            first = events.filter(kind=earlier).order_by("-occurred_on").first()
            if first is not None and occurred_on < first.occurred_on:
                raise ValidationError({"occurred_on": _order_message(code, first.occurred_on)})
        if kind == earlier:
            after = events.filter(kind=later).order_by("occurred_on").first()
            if after is not None and occurred_on > after.occurred_on:
                raise ValidationError(
                    {"occurred_on": _reverse_order_message(code, after.occurred_on)}
                )


@transaction.atomic
def proceeding_event_record(
    *,
    actor: Any,
    proceeding: Proceeding,
    kind: str,
    occurred_on: dt.date,
    verdict: str = "",
    note: str = "",
) -> ProceedingEvent:
    """Record a dated event; a charge, trial date, inquest or verdict proposes a clock change."""
    review = proceeding.review
    _check(actor, review)
    proceeding = Proceeding.objects.select_for_update().get(pk=proceeding.pk)
    today = timezone.localdate()
    _validate_event(
        proceeding=proceeding, kind=kind, occurred_on=occurred_on, verdict=verdict, today=today
    )
    event = ProceedingEvent(
        proceeding=proceeding,
        kind=kind,
        occurred_on=occurred_on,
        scheduled=occurred_on > today,
        verdict=verdict,
        note=note.strip(),
        recorded_by=actor,
    )
    event.full_clean()
    event.save()
    if kind in CONCLUDING_EVENTS and proceeding.status != ProceedingStatus.CONCLUDED:
        proceeding.status = ProceedingStatus.CONCLUDED
        proceeding.save(update_fields=["status", "updated_at"])
    summary = (
        _("%(proceeding)s: %(event)s scheduled for %(date)s")
        if event.scheduled
        else _("%(proceeding)s: %(event)s on %(date)s")
    )
    timeline_add(
        review=review,
        kind="proceedings.event",
        summary=summary
        % {
            "proceeding": proceeding.get_kind_display(),
            "event": str(event.get_kind_display()).lower(),
            "date": date_format(occurred_on, "j F Y"),
        },
        actor=actor,
    )
    event_record(
        action="proceedings.event_recorded",
        actor=actor,
        review_id=review.pk,
        obj=event,
        detail={"kind": kind, "occurred_on": occurred_on.isoformat()},
    )
    proposal_for_event(event=event, actor=actor)
    return event


@transaction.atomic
def disclosure_decision_record(
    *,
    actor: Any,
    review: Review,
    proceeding: Proceeding,
    liaised_with: str,
    decided_on: dt.date,
    may_proceed_with: str,
    must_wait: str = "",
    wait_until: dt.date | None = None,
) -> DisclosureDecision:
    """Record what the SIO or CPS agreed the review may do while proceedings run (R47)."""
    _check(actor, review)
    errors: dict[str, str] = {}
    if proceeding.review_id != review.pk:
        errors["proceeding"] = _("Choose a proceeding of this review")
    if decided_on > timezone.localdate():
        errors["decided_on"] = _("The date agreed must be today or in the past")
    if wait_until is not None and wait_until < decided_on:
        errors["wait_until"] = _("The date to wait until must be on or after the date agreed")
    if wait_until is not None and not must_wait.strip():
        errors["must_wait"] = _("Say what must wait until that date")
    if errors:
        raise ValidationError(errors)
    decision = DisclosureDecision(
        review=review,
        proceeding=proceeding,
        liaised_with=liaised_with,
        decided_on=decided_on,
        may_proceed_with=may_proceed_with.strip(),
        must_wait=must_wait.strip(),
        wait_until=wait_until,
        recorded_by=actor,
    )
    decision.full_clean()
    decision.save()
    timeline_add(
        review=review,
        kind="proceedings.disclosure",
        summary=_("Disclosure liaison recorded: %(who)s, agreed on %(date)s")
        % {
            "who": decision.get_liaised_with_display(),
            "date": date_format(decided_on, "j F Y"),
        },
        actor=actor,
    )
    event_record(
        action="proceedings.disclosure_recorded",
        actor=actor,
        review_id=review.pk,
        obj=decision,
        detail={"liaised_with": liaised_with},
    )
    return decision
