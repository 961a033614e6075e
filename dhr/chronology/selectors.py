"""Every read of chronology data, scoped to what the user may see (issue 3 item 8).

An agency contributor's queries are limited to their own agencies, so another agency's
submission or entry id is simply not found (404), however it was obtained.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from dhr.accounts.models import Organisation
from dhr.chronology.importer import parse_iso_date
from dhr.chronology.models import ChronologyEntry, ChronologySettings, ChronologySubmission
from dhr.reviews.access import contributor_agency_ids
from dhr.reviews.models import Review


def visible_agency_ids(*, user: Any, review: Review) -> frozenset[Any] | None:
    """None means every agency (chair, writer, coordinator); otherwise the user's own."""
    if user.has_perm("chronology.view_combined", review) or user.has_perm(
        "chronology.export_combined", review
    ):
        return None
    return contributor_agency_ids(user, review)


def own_agencies(*, user: Any, review: Review) -> list[Organisation]:
    return list(Organisation.objects.filter(pk__in=contributor_agency_ids(user, review)))


def submission_list_for(*, user: Any, review: Review) -> QuerySet[ChronologySubmission]:
    queryset = ChronologySubmission.objects.filter(review=review).select_related(
        "agency", "uploaded_by"
    )
    agencies = visible_agency_ids(user=user, review=review)
    if agencies is not None:
        queryset = queryset.filter(agency_id__in=agencies)
    return queryset


def submission_get_for(
    *, user: Any, review: Review, submission_id: uuid.UUID
) -> ChronologySubmission:
    submission = submission_list_for(user=user, review=review).filter(pk=submission_id).first()
    if submission is None:
        raise Http404
    return submission


def entry_get_for(*, user: Any, review: Review, entry_id: uuid.UUID) -> ChronologyEntry:
    queryset = ChronologyEntry.objects.filter(review=review, pk=entry_id)
    agencies = visible_agency_ids(user=user, review=review)
    if agencies is not None:
        queryset = queryset.filter(agency_id__in=agencies)
    entry = queryset.select_related("agency", "submission").first()
    if entry is None:
        raise Http404
    return entry


def current_entries(*, review: Review) -> QuerySet[ChronologyEntry]:
    """Every agency's current entries: those of submissions not superseded."""
    return (
        ChronologyEntry.objects.filter(review=review, submission__superseded=False)
        .select_related("agency")
        .order_by("occurred_on", "occurred_time", "agency__name", "row_number")
    )


def settings_for(review: Review) -> ChronologySettings:
    found = ChronologySettings.objects.filter(review=review).first()
    return found or ChronologySettings(review=review)


def victim_born_on(review: Review) -> dt.date | None:
    """The victim's date of birth, if recorded (an encrypted ISO string that may be blank)."""
    victim = review.people.filter(role="victim").first()
    return parse_iso_date(victim.date_of_birth or "") if victim is not None else None
