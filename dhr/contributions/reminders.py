"""Reminder e-mails for information requests due soon or overdue (R32, R35).

Run by `python manage.py send_due_reminders` (one cron job for every reminder). A request that
is still open (sent or escalated) with a due date gets a "due soon" reminder in the seven days
before it is due and an "overdue" reminder after. The agency's contributors on the review and
the CSP's coordinators hear of it. Each e-mail is recorded in `RequestReminderSent` (unique on
request, recipient, kind and due date) in the same transaction as it is sent, so a second run
sends nothing, and a changed due date earns a fresh reminder.

E-mails carry no name, no agency and no case detail: only the review reference and a link.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from dhr.accounts.models import Membership, Role
from dhr.contributions.choices import OPEN_STATUSES
from dhr.contributions.models import InformationRequest, RequestReminderSent
from dhr.reviews.models import ReviewMembership

# The same window as the statutory clock reminders (dhr.clock.reminders).
REMINDER_WINDOW_DAYS = 7
DUE_SOON = "due_soon"
OVERDUE = "overdue"


def request_reminder_kind(request: InformationRequest, *, today: dt.date) -> str | None:
    if request.status not in OPEN_STATUSES or request.due_on is None:
        return None
    days_remaining = (request.due_on - today).days
    if days_remaining < 0:
        return OVERDUE
    if days_remaining <= REMINDER_WINDOW_DAYS:
        return DUE_SOON
    return None


def _recipients(requests: list[InformationRequest]) -> dict[Any, list[Any]]:
    """Per request: the agency's active contributors on the review and the CSP coordinators."""
    contributors: dict[tuple[Any, Any], list[Any]] = defaultdict(list)
    for membership in ReviewMembership.objects.filter(
        review_id__in={request.review_id for request in requests},
        role=Role.AGENCY_CONTRIBUTOR,
        user__is_active=True,
    ).select_related("user"):
        contributors[(membership.review_id, membership.agency_id)].append(membership.user)
    coordinators: dict[Any, list[Any]] = defaultdict(list)
    for csp_membership in Membership.objects.filter(
        organisation_id__in={request.review.lead_csp_id for request in requests},
        role=Role.CSP_COORDINATOR,
        user__is_active=True,
    ).select_related("user"):
        coordinators[csp_membership.organisation_id].append(csp_membership.user)
    people: dict[Any, list[Any]] = {}
    for request in requests:
        everyone = (
            contributors[(request.review_id, request.agency_id)]
            + coordinators[request.review.lead_csp_id]
        )
        people[request.pk] = list({p.pk: p for p in everyone if p.email}.values())
    return people


def _message(*, request: InformationRequest, kind: str, recipient: Any) -> EmailMultiAlternatives:
    path = reverse(
        "contributions:request-detail",
        kwargs={"review_id": request.review_id, "request_id": request.pk},
    )
    context = {
        "overdue": kind == OVERDUE,
        "reference": request.review.reference,
        "url": settings.SERVICE_BASE_URL.rstrip("/") + path,
    }
    subject = (
        _("DHR Manager: an information request is overdue")
        if kind == OVERDUE
        else _("DHR Manager: an information request is due soon")
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("contributions/emails/request_reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )
    message.attach_alternative(
        render_to_string("contributions/emails/request_reminder.html", context), "text/html"
    )
    return message


def request_reminders_send_due(*, today: dt.date) -> int:
    """Send every request reminder not yet sent; returns the number of e-mails sent."""
    due: list[tuple[InformationRequest, str]] = []
    for request in (
        InformationRequest.objects.filter(
            status__in=OPEN_STATUSES, due_on__isnull=False, sent_on__lte=today
        )
        .select_related("review")
        .order_by("review_id", "due_on")
    ):
        kind = request_reminder_kind(request, today=today)
        if kind is not None:
            due.append((request, kind))
    people = _recipients([request for request, _kind in due])
    sent = 0
    for request, kind in due:
        for recipient in people[request.pk]:
            # Record and send together: a failed send rolls the record back for the next run.
            with transaction.atomic():
                _record, created = RequestReminderSent.objects.get_or_create(
                    request=request, recipient=recipient, kind=kind, due_on=request.due_on
                )
                if not created:
                    continue
                _message(request=request, kind=kind, recipient=recipient).send()
            sent += 1
    return sent
