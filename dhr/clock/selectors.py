"""Every read of the statutory clock, scoped to the reviews the user may see.

The arithmetic is in dhr/clock/arithmetic.py (pure); this module feeds it the rows of a review:
each live deadline's snapshot period (so a later settings change does not move a running clock)
and, for pausable deadlines only, the review's recorded pauses (R46, R56).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.conf import settings
from django.utils.translation import gettext as _

from dhr.clock import arithmetic
from dhr.clock.arithmetic import ClockReading, Period, PeriodUnit, Rag, read_clock
from dhr.clock.models import Deadline, Pause
from dhr.clock.statutory import DeadlineRule, rule_for
from dhr.family.selectors import next_update_from_annotations, with_family_updates
from dhr.reviews.access import reviews_visible_to
from dhr.reviews.models import Review

# The dashboard's "due soon" count: deadlines whose net due date is within this many days.
DUE_SOON_DAYS = 14


class ClockRow(NamedTuple):
    """One live deadline with the rule it follows and where it stands today."""

    deadline: Deadline
    rule: DeadlineRule
    reading: ClockReading


@dataclass(frozen=True, slots=True)
class RagTag:
    """The words and colour of a status tag. The words carry the meaning, not the colour."""

    label: str
    css_class: str


def rag_tag(reading: ClockReading) -> RagTag:
    """RED "Overdue", AMBER "Paused" or "Due soon", GREEN "On track", or "Met"."""
    if reading.rag is Rag.COMPLETED:
        return RagTag(_("Met"), "govuk-tag--grey")
    if reading.rag is Rag.RED:
        return RagTag(_("Overdue"), "govuk-tag--red")
    if reading.rag is Rag.AMBER:
        if reading.is_paused:
            return RagTag(_("Paused"), "govuk-tag--yellow")
        return RagTag(_("Due soon"), "govuk-tag--yellow")
    return RagTag(_("On track"), "govuk-tag--green")


def _overrides() -> dict[str, int]:
    return dict(getattr(settings, "DHR_CLOCK_OVERRIDES", {}))


def rule_for_deadline(deadline: Deadline) -> DeadlineRule:
    """The deadline's rule with the period it snapshotted when it started."""
    return _snapshot_rule(
        deadline.rule_code,
        deadline.period_value,
        deadline.period_unit,
        deadline.pausable,
        tuple(sorted(_overrides().items())),
    )


@functools.lru_cache(maxsize=256)
def _snapshot_rule(
    code: str, amount: int, unit: str, pausable: bool, overrides: tuple[tuple[str, int], ...]
) -> DeadlineRule:
    # Rules are immutable data, so a dashboard of many reviews builds each variant once.
    rule = rule_for(code, overrides=dict(overrides))
    period = Period(amount, PeriodUnit(unit))
    return dataclasses.replace(rule, period=period, pausable=pausable)


def _pauses_for_clock(pauses: Iterable[Pause], *, starts_on: dt.date) -> list[arithmetic.Pause]:
    """Pauses as the arithmetic sees them, clipped to the clock's start.

    A clock restarted from a later anchor date (``deadline_start``) may leave earlier pauses on
    the ledger; only the part of a pause after the clock started can stop it.
    """
    clipped: list[arithmetic.Pause] = []
    for pause in pauses:
        if pause.ended_on is not None and pause.ended_on <= starts_on:
            continue
        clipped.append(
            arithmetic.Pause(
                started_on=max(pause.started_on, starts_on),
                ended_on=pause.ended_on,
                reason=pause.reason,
            )
        )
    return clipped


def reading_for(deadline: Deadline, *, pauses: Iterable[Pause], today: dt.date) -> ClockRow:
    """Read one deadline as at ``today``; ``pauses`` are ignored unless it is pausable."""
    rule = rule_for_deadline(deadline)
    # A clock whose anchor is later than today (a date typed ahead) reads as on its first day.
    as_at = max(today, deadline.starts_on)
    completed_on = deadline.met_on
    if completed_on is not None:
        completed_on = max(completed_on, deadline.starts_on)
    reading = read_clock(
        started_on=deadline.starts_on,
        period=rule.period,
        pauses=_pauses_for_clock(pauses, starts_on=deadline.starts_on) if rule.pausable else (),
        today=as_at,
        completed_on=completed_on,
    )
    return ClockRow(deadline, rule, reading)


def _rows(
    deadlines: Iterable[Deadline], pauses: Iterable[Pause], *, today: dt.date
) -> list[ClockRow]:
    pauses = list(pauses)
    return [
        reading_for(deadline, pauses=pauses, today=today)
        for deadline in deadlines
        if not deadline.cancelled
    ]


def clock_readings_for(*, review: Review, today: dt.date) -> list[ClockRow]:
    """Every live (not cancelled) deadline of ``review`` as (Deadline, DeadlineRule, reading).

    Uses prefetched ``deadlines`` and ``pauses`` when the caller has prefetched them.
    """
    return _rows(review.deadlines.all(), review.pauses.all(), today=today)


def live_completion_deadline(*, review: Review) -> Deadline | None:
    """The running, pausable completion clock of ``review``: the only clock a pause stops."""
    return (
        Deadline.objects.filter(
            review=review, rule_code="completion", cancelled=False, pausable=True, met_on=None
        )
        .order_by("-starts_on")
        .first()
    )


def pause_ledger_for(*, review: Review) -> list[Pause]:
    return list(review.pauses.select_related("approved_by").order_by("started_on", "created_at"))


@dataclass(frozen=True, slots=True)
class DashboardRow:
    review: Review
    next_deadline: ClockRow | None
    # The family's next update (the cadence agreed with them) and whether it has passed.
    family_update_due: dt.date | None = None
    family_update_overdue: bool = False

    @property
    def tag(self) -> RagTag | None:
        return rag_tag(self.next_deadline.reading) if self.next_deadline else None


@dataclass(frozen=True, slots=True)
class Dashboard:
    rows: list[DashboardRow]
    overdue_count: int
    due_soon_count: int
    paused_count: int
    due_soon_days: int = DUE_SOON_DAYS
    family_updates_overdue_count: int = 0


def _most_urgent(rows: list[ClockRow]) -> ClockRow | None:
    open_rows = [row for row in rows if row.reading.rag is not Rag.COMPLETED]
    if not open_rows:
        return None
    return min(open_rows, key=lambda row: (row.reading.net_due, row.deadline.rule_code))


def _dashboard_sort_key(row: DashboardRow) -> tuple[int, dt.date, str]:
    if row.next_deadline is None:
        return (2, dt.date.max, row.review.reference)
    reading = row.next_deadline.reading
    return (0 if reading.is_overdue else 1, reading.net_due, row.review.reference)


def dashboard_for(*, user: Any, today: dt.date) -> Dashboard:
    """Every review ``user`` may see, with its most urgent live, unmet deadline.

    Sorted overdue first, then by net due date; reviews with no running clock come last.
    Counts are of reviews: with a deadline overdue, with one due within DUE_SOON_DAYS (and not
    overdue), and with a paused clock. Three queries whatever the number of reviews: reviews
    (with their lead CSP's name), their live deadlines, their pauses. When the family's next
    update is due is annotated on the first query (subqueries), so it adds no query.
    """
    # Plain queries grouped in Python rather than prefetch_related: the dashboard is the most
    # visited page, and the prefetch machinery cost more than the SQL (docs/performance.md).
    reviews = list(
        with_family_updates(reviews_visible_to(user))
        .select_related("lead_csp")
        .only("id", "reference", "state", "lead_csp__name")
        .order_by("reference")
    )
    review_ids = [review.pk for review in reviews]
    deadlines_by_review: dict[Any, list[Deadline]] = defaultdict(list)
    for deadline in Deadline.objects.filter(review_id__in=review_ids, cancelled=False).only(
        "review_id",
        "rule_code",
        "starts_on",
        "period_value",
        "period_unit",
        "pausable",
        "met_on",
        "cancelled",
    ):
        deadlines_by_review[deadline.review_id].append(deadline)
    pauses_by_review: dict[Any, list[Pause]] = defaultdict(list)
    for pause in (
        Pause.objects.filter(review_id__in=review_ids)
        .only("review_id", "reason", "started_on", "ended_on")
        .order_by("started_on")
    ):
        pauses_by_review[pause.review_id].append(pause)
    rows: list[DashboardRow] = []
    overdue = due_soon = paused = family_overdue = 0
    for review in reviews:
        readings = _rows(deadlines_by_review[review.pk], pauses_by_review[review.pk], today=today)
        open_readings = [r.reading for r in readings if r.reading.rag is not Rag.COMPLETED]
        if any(reading.is_overdue for reading in open_readings):
            overdue += 1
        elif any(0 <= reading.days_remaining <= DUE_SOON_DAYS for reading in open_readings):
            due_soon += 1
        if any(reading.is_paused for reading in open_readings):
            paused += 1
        family_due = next_update_from_annotations(review)
        family_late = family_due is not None and family_due < today
        family_overdue += family_late
        rows.append(
            DashboardRow(
                review=review,
                next_deadline=_most_urgent(readings),
                family_update_due=family_due,
                family_update_overdue=family_late,
            )
        )
    rows.sort(key=_dashboard_sort_key)
    return Dashboard(
        rows=rows,
        overdue_count=overdue,
        due_soon_count=due_soon,
        paused_count=paused,
        family_updates_overdue_count=family_overdue,
    )
