"""Every write to a chronology: permission checked, in one transaction, validated, audited.

- A submission replaces the agency's current one (R34; issue 3 item 5): the old submission is
  marked superseded and keeps its entries, so what the agency said before stays in history.
- The import is all-or-nothing: the caller passes only a fully valid file, and the rows are
  written in one transaction, so a failure half-way saves nothing.
- Entries typed in the service join the agency's current submission (or start one), so the
  next upload supersedes them too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.audit.services import event_record
from dhr.chronology.choices import DatePrecision, PanelMark, SubmissionMethod
from dhr.chronology.importer import ParsedEntry
from dhr.chronology.models import ChronologyEntry, ChronologySettings, ChronologySubmission
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add

# Validated once per submission, not once per row (they are the same for every row).
ROW_EXCLUDE = ["review", "agency", "submission", "marked_by"]


def _check_agency(actor: Any, review: Review, agency: Organisation) -> None:
    if not actor.has_perm("chronology.submit_chronology", review):
        raise PermissionDenied("chronology.submit_chronology")
    if agency.pk not in contributor_agency_ids(actor, review):
        raise PermissionDenied("chronology.submit_chronology")


def _next_version(review: Review, agency: Organisation) -> int:
    latest = ChronologySubmission.objects.filter(review=review, agency=agency).aggregate(
        latest=Max("version")
    )["latest"]
    return (latest or 0) + 1


def _supersede_current(review: Review, agency: Organisation) -> ChronologySubmission | None:
    current = (
        ChronologySubmission.objects.select_for_update()
        .filter(review=review, agency=agency, superseded=False)
        .first()
    )
    if current is not None:
        current.superseded = True
        current.save(update_fields=["superseded", "updated_at"])
    return current


@transaction.atomic
def submission_import(
    *,
    actor: Any,
    review: Review,
    agency: Organisation,
    entries: Sequence[ParsedEntry],
) -> ChronologySubmission:
    """Save a fully validated file as the agency's new current chronology."""
    _check_agency(actor, review, agency)
    if not entries:
        raise ValidationError(_("The file has no entries."))
    previous = _supersede_current(review, agency)
    submission = ChronologySubmission(
        review=review,
        agency=agency,
        version=_next_version(review, agency),
        method=SubmissionMethod.UPLOAD,
        uploaded_by=actor,
        row_count=len(entries),
    )
    submission.full_clean()
    submission.save()
    rows = []
    for number, parsed in enumerate(entries):
        entry = ChronologyEntry(review=review, agency=agency, submission=submission, **vars(parsed))
        # The importer has checked every field against the same choices and limits, so the
        # model's field checks run on the first row (to catch drift between the two) and its
        # invariants (`clean`) on every row: a 10,000-row file saves in about a second.
        if number == 0:
            entry.full_clean(exclude=ROW_EXCLUDE, validate_unique=False, validate_constraints=False)
        else:
            entry.clean()
        rows.append(entry)
    ChronologyEntry.objects.bulk_create(rows, batch_size=1000)
    timeline_add(
        review=review,
        kind="chronology",
        summary=_("Chronology from %(agency)s: version %(version)s, %(count)s entries")
        % {"agency": agency.name, "version": submission.version, "count": len(rows)},
        actor=actor,
    )
    event_record(
        action="chronology.imported",
        actor=actor,
        review_id=review.pk,
        obj=submission,
        detail={
            "agency_id": str(agency.pk),
            "version": submission.version,
            "rows": len(rows),
            "superseded": str(previous.pk) if previous else "",
        },
    )
    return submission


@transaction.atomic
def entry_add(
    *,
    actor: Any,
    review: Review,
    agency: Organisation,
    occurred_on: dt.date,
    occurred_time: dt.time | None,
    date_precision: str,
    contact_type: str,
    what_happened: str,
    people_involved: list[str],
    abuse_disclosed: bool,
    source_reference: str = "",
    risk_assessment: str = "",
    referrals_made: list[str] | None = None,
    action_taken: str = "",
) -> ChronologyEntry:
    """Add one entry typed in the service to the agency's current submission."""
    _check_agency(actor, review, agency)
    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date must be today or in the past")})
    submission = (
        ChronologySubmission.objects.select_for_update()
        .filter(review=review, agency=agency, superseded=False)
        .first()
    )
    if submission is None:
        submission = ChronologySubmission(
            review=review,
            agency=agency,
            version=_next_version(review, agency),
            method=SubmissionMethod.FORM,
            uploaded_by=actor,
        )
        submission.full_clean()
        submission.save()
    entry = ChronologyEntry(
        review=review,
        agency=agency,
        submission=submission,
        occurred_on=occurred_on,
        occurred_time=occurred_time if date_precision == DatePrecision.EXACT else None,
        date_precision=date_precision,
        source_reference=source_reference,
        contact_type=contact_type,
        what_happened=what_happened,
        people_involved=people_involved,
        abuse_disclosed=abuse_disclosed,
        risk_assessment=risk_assessment,
        referrals_made=referrals_made or [],
        action_taken=action_taken,
    )
    entry.full_clean()
    entry.save()
    submission.row_count = submission.entries.count()
    submission.save(update_fields=["row_count", "updated_at"])
    event_record(
        action="chronology.entry_added",
        actor=actor,
        review_id=review.pk,
        obj=entry,
        detail={"agency_id": str(agency.pk), "submission_id": str(submission.pk)},
    )
    return entry


@transaction.atomic
def entry_mark(
    *, actor: Any, review: Review, entry: ChronologyEntry, mark: str, note: str
) -> ChronologyEntry:
    """The panel's reading of an entry: a missed opportunity or good practice, with a note."""
    if not actor.has_perm("chronology.mark_entry", review):
        raise PermissionDenied("chronology.mark_entry")
    if entry.review_id != review.pk:
        raise PermissionDenied("chronology.mark_entry")
    if mark not in PanelMark.values:
        raise ValidationError({"mark": _("Choose a mark")})
    if mark and not note.strip():
        raise ValidationError({"note": _("Enter a note explaining the mark")})
    entry.panel_mark = mark
    entry.panel_note = note.strip() if mark else ""
    entry.marked_by = actor if mark else None
    entry.full_clean(exclude=ROW_EXCLUDE)
    entry.save()
    event_record(
        action="chronology.entry_marked",
        actor=actor,
        review_id=review.pk,
        obj=entry,
        detail={"mark": mark},
    )
    return entry


def _settings_locked(review: Review) -> ChronologySettings:
    found = ChronologySettings.objects.select_for_update().filter(review=review).first()
    return found or ChronologySettings(review=review)


@transaction.atomic
def settings_update(*, actor: Any, review: Review, gap_days: int) -> ChronologySettings:
    if not actor.has_perm("chronology.configure_chronology", review):
        raise PermissionDenied("chronology.configure_chronology")
    settings = _settings_locked(review)
    settings.gap_days = gap_days
    settings.full_clean()
    settings.save()
    event_record(
        action="chronology.settings_changed",
        actor=actor,
        review_id=review.pk,
        obj=settings,
        detail={"gap_days": gap_days},
    )
    return settings


@transaction.atomic
def sharing_set(*, actor: Any, review: Review, shared: bool) -> ChronologySettings:
    """The independent chair shares the combined chronology with the review panel, or stops."""
    if not actor.has_perm("chronology.share_chronology", review):
        raise PermissionDenied("chronology.share_chronology")
    settings = _settings_locked(review)
    settings.shared_with_panel = shared
    settings.full_clean()
    settings.save()
    timeline_add(
        review=review,
        kind="chronology",
        summary=_("Combined chronology shared with the review panel")
        if shared
        else _("Combined chronology no longer shared with the review panel"),
        actor=actor,
    )
    event_record(
        action="chronology.shared" if shared else "chronology.unshared",
        actor=actor,
        review_id=review.pk,
        obj=settings,
    )
    return settings
