"""Every read of requests and IMRs, scoped to what the user may see (issue 3 item 8).

The independent chair, report writer and coordinator see every agency's material; the CSP
chair and oversight see request statuses; an agency contributor sees only their own agency's
requests and IMRs; a review panel member sees only IMRs the chair has shared with the panel.
Anything outside that scope is 404, so changing an id in the URL reveals nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from dhr.accounts.models import Role
from dhr.contributions.choices import OPEN_STATUSES, RequestStatus, ShownStatus
from dhr.contributions.models import IMR, InformationRequest
from dhr.reviews.access import contributor_agency_ids, review_roles
from dhr.reviews.models import Review

SEES_ALL_REQUESTS = frozenset(
    {
        Role.CSP_COORDINATOR,
        Role.INDEPENDENT_CHAIR,
        Role.REPORT_WRITER,
        Role.CSP_CHAIR,
        Role.OVERSIGHT,
    }
)
SEES_ALL_IMRS = frozenset({Role.CSP_COORDINATOR, Role.INDEPENDENT_CHAIR, Role.REPORT_WRITER})


def request_list_for(*, user: Any, review: Review) -> QuerySet[InformationRequest]:
    requests = InformationRequest.objects.filter(review=review).select_related("agency")
    roles = review_roles(user, review)
    if roles & SEES_ALL_REQUESTS:
        return requests
    if Role.AGENCY_CONTRIBUTOR in roles:
        return requests.filter(agency_id__in=contributor_agency_ids(user, review))
    return requests.none()


def request_get_for(*, user: Any, review: Review, request_id: uuid.UUID) -> InformationRequest:
    found = request_list_for(user=user, review=review).filter(pk=request_id).first()
    if found is None:
        raise Http404
    return found


def imr_list_for(*, user: Any, review: Review) -> QuerySet[IMR]:
    imrs = IMR.objects.filter(review=review).select_related("agency", "request")
    roles = review_roles(user, review)
    if roles & SEES_ALL_IMRS:
        return imrs
    scope = Q(pk__in=[])
    if Role.AGENCY_CONTRIBUTOR in roles:
        scope |= Q(agency_id__in=contributor_agency_ids(user, review))
    if Role.REVIEW_PANEL_MEMBER in roles:
        scope |= Q(shared_with_panel=True)
    return imrs.filter(scope)


def imr_get_for(*, user: Any, review: Review, imr_id: uuid.UUID) -> IMR:
    found = imr_list_for(user=user, review=review).filter(pk=imr_id).first()
    if found is None:
        raise Http404
    return found


@dataclass(frozen=True)
class RequestRow:
    request: InformationRequest
    status: ShownStatus
    days_overdue: int
    imr: IMR | None


def request_shown_status(
    request: InformationRequest, *, today: dt.date, declined: bool = False
) -> ShownStatus:
    """Declined (an AgencyDecline is recorded) and Overdue are derived, never stored."""
    if request.status in OPEN_STATUSES:
        if declined:
            return ShownStatus.DECLINED
        if request.due_on is not None and request.due_on < today:
            return ShownStatus.OVERDUE
    return ShownStatus(request.status)


def request_rows_for(*, user: Any, review: Review, today: dt.date) -> list[RequestRow]:
    """The request list with shown statuses and the IMR each IMR request has (if visible)."""
    requests = list(request_list_for(user=user, review=review))
    declined = set(review.agency_declines.values_list("agency_id", flat=True))
    imrs = {imr.request_id: imr for imr in imr_list_for(user=user, review=review)}
    rows = []
    for request in requests:
        status = request_shown_status(request, today=today, declined=request.agency_id in declined)
        overdue = (
            (today - request.due_on).days if status is ShownStatus.OVERDUE and request.due_on else 0
        )
        rows.append(
            RequestRow(
                request=request, status=status, days_overdue=overdue, imr=imrs.get(request.pk)
            )
        )
    return rows


def request_is_open(request: InformationRequest) -> bool:
    return request.status in (RequestStatus.SENT, RequestStatus.ESCALATED)
