"""Every write to the statutory clock: starting and meeting deadlines, pauses.

A deadline snapshots its rule's period when it starts, so changing settings later (six months
to twelve) does not silently move a clock that is already running.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction

from dhr.clock.models import Deadline
from dhr.clock.statutory import rule_for


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
