"""Every write to the statutory clock: starting and meeting deadlines, pauses.

A deadline snapshots its rule's period when it starts, so changing settings later (six months
to twelve) does not silently move a clock that is already running.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.clock.models import Deadline, Pause
from dhr.clock.selectors import live_completion_deadline
from dhr.clock.statutory import rule_for
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add


def _overrides() -> dict[str, int]:
    return dict(getattr(settings, "DHR_CLOCK_OVERRIDES", {}))


@transaction.atomic
def deadline_start(*, review: Any, rule_code: str, starts_on: dt.date) -> Deadline:
    """Start (or restart from a new anchor date) the clock `rule_code` on `review`."""
    rule = rule_for(rule_code, overrides=_overrides())
    Deadline.objects.filter(review=review, rule_code=rule_code, cancelled=False).exclude(
        starts_on=starts_on
    ).update(cancelled=True)
    deadline, _created = Deadline.objects.get_or_create(
        review=review,
        rule_code=rule_code,
        cancelled=False,
        defaults={
            "starts_on": starts_on,
            "period_value": rule.period.amount,
            "period_unit": str(rule.period.unit),
            "pausable": rule.pausable,
        },
    )
    return deadline


@transaction.atomic
def deadline_meet(*, review: Any, rule_code: str, met_on: dt.date) -> Deadline | None:
    """Mark the live clock `rule_code` met on `met_on` (no-op if it is not running)."""
    deadline = (
        Deadline.objects.select_for_update()
        .filter(review=review, rule_code=rule_code, cancelled=False)
        .first()
    )
    if deadline is None:
        return None
    if deadline.met_on is None:
        deadline.met_on = met_on
        deadline.save(update_fields=["met_on", "updated_at"])
    return deadline


# --- Pauses (R46) ------------------------------------------------------------------------------
# A pause stops the completion clock, for example until criminal proceedings conclude (Brighton &
# Hove, DHR "Mr C" executive summary, para 3.2). It is recorded, explained and approved by the
# chair, and stays on the ledger for timescale reporting: never silent drift.


def _reason_phrase(label: str) -> str:
    """Lower-case a reason for use mid-sentence, unless it starts with an acronym (IOPC)."""
    first_word = label.split(" ", 1)[0]
    return label if first_word.isupper() else label[:1].lower() + label[1:]


def _validate_pause_start(*, review: Review, started_on: dt.date, today: dt.date) -> None:
    completion = live_completion_deadline(review=review)
    if completion is None:
        raise ValidationError(
            _("The completion clock is not running for this review, so it cannot be paused")
        )
    if started_on > today:
        raise ValidationError({"started_on": _("The pause must start today or in the past")})
    if started_on < completion.starts_on:
        raise ValidationError(
            {
                "started_on": _(
                    "The pause cannot start before the completion clock started on %(date)s"
                )
                % {"date": date_format(completion.starts_on, "j F Y")}
            }
        )
    if review.pauses.filter(ended_on__isnull=True).exists():
        raise ValidationError(
            _("The clock is already paused. End the current pause before recording another")
        )
    if review.pauses.filter(started_on__lte=started_on, ended_on__gt=started_on).exists():
        raise ValidationError(
            {"started_on": _("The pause cannot start during an earlier recorded pause")}
        )


@transaction.atomic
def pause_approve(
    *,
    actor: Any,
    review: Review,
    reason: str,
    explanation: str,
    evidence: str,
    started_on: dt.date,
) -> Pause:
    """Record a pause of the completion clock, approved by ``actor`` (the chair) (R46).

    Only a running, pausable completion clock can be paused; the pause cannot start in the future
    or before the clock started, nor while another pause is open.
    """
    if not actor.has_perm("clock.approve_pause", review):
        raise PermissionDenied("clock.approve_pause")
    # Serialise concurrent approvals on one review, so two open pauses cannot both pass the check.
    Review.objects.select_for_update().get(pk=review.pk)
    _validate_pause_start(review=review, started_on=started_on, today=timezone.localdate())
    pause = Pause(
        review=review,
        reason=reason,
        explanation=explanation,
        evidence=evidence,
        started_on=started_on,
        approved_by=actor,
    )
    pause.full_clean()
    pause.save()
    timeline_add(
        review=review,
        kind="clock.pause",
        summary=_("Clock paused: %(reason)s")
        % {"reason": _reason_phrase(pause.get_reason_display())},
        actor=actor,
    )
    event_record(
        action="clock.pause_approved",
        actor=actor,
        review_id=review.pk,
        obj=pause,
        detail={"reason": reason, "started_on": started_on.isoformat()},
    )
    return pause


@transaction.atomic
def pause_end(*, actor: Any, review: Review, pause: Pause, ended_on: dt.date) -> Pause:
    """End an open pause: the clock runs again from ``ended_on`` (R46, R56)."""
    if not actor.has_perm("clock.approve_pause", review):
        raise PermissionDenied("clock.approve_pause")
    pause = Pause.objects.select_for_update().get(pk=pause.pk, review=review)
    if pause.ended_on is not None:
        raise ValidationError(_("This pause has already ended"))
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": _("The pause must end today or in the past")})
    if ended_on < pause.started_on:
        raise ValidationError(
            {
                "ended_on": _("The pause cannot end before it started on %(date)s")
                % {"date": date_format(pause.started_on, "j F Y")}
            }
        )
    pause.ended_on = ended_on
    pause.full_clean()
    pause.save(update_fields=["ended_on", "updated_at"])
    timeline_add(
        review=review,
        kind="clock.pause_ended",
        summary=_("Clock restarted after a pause for %(reason)s (%(days)s days)")
        % {
            "reason": _reason_phrase(pause.get_reason_display()),
            "days": (ended_on - pause.started_on).days,
        },
        actor=actor,
    )
    event_record(
        action="clock.pause_ended",
        actor=actor,
        review_id=review.pk,
        obj=pause,
        detail={"reason": pause.reason, "ended_on": ended_on.isoformat()},
    )
    return pause
