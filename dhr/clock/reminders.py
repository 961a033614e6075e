"""Reminder e-mails for deadlines that are due soon or overdue (R58, R59).

Run daily from cron with ``python manage.py send_due_reminders``. Each reminder is recorded in
``ReminderSent`` (unique on deadline, recipient, kind and net due date) in the same transaction
as the e-mail is handed to the mail backend, so a second run the same day sends nothing, and a
failed send is rolled back and retried next run. A pause moves the net due date, so a reminder
for the new date may go.

E-mails leave the service: they carry no name, no case detail and no CSP name, only the review's
reference (which holds none) and a link that works only after signing in.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from dhr.accounts.models import Membership, Role
from dhr.clock.arithmetic import Rag
from dhr.clock.models import Deadline, Pause, ReminderSent
from dhr.clock.selectors import ClockRow, reading_for
from dhr.reviews.models import Review, ReviewMembership

# Net due within this many days (inclusive; due today counts) sends a "due soon" reminder.
REMINDER_WINDOW_DAYS = 7

DUE_SOON = "due_soon"
OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class DueReminder:
    row: ClockRow
    kind: str
    recipients: tuple[Any, ...]


def reminder_kind(row: ClockRow) -> str | None:
    """``overdue`` once the net due date has passed, ``due_soon`` within the window, else None."""
    reading = row.reading
    if reading.rag is Rag.COMPLETED:
        return None
    if reading.days_remaining < 0:
        return OVERDUE
    if reading.days_remaining <= REMINDER_WINDOW_DAYS:
        return DUE_SOON
    return None


PeopleByKey = dict[Any, list[Any]]


def _recipients_by_review(reviews: list[Review]) -> tuple[PeopleByKey, PeopleByKey]:
    """Active CSP coordinators of each lead CSP, and active independent chairs of each review."""
    coordinators: dict[Any, list[Any]] = defaultdict(list)
    for membership in Membership.objects.filter(
        organisation_id__in={review.lead_csp_id for review in reviews},
        role=Role.CSP_COORDINATOR,
        user__is_active=True,
    ).select_related("user"):
        coordinators[membership.organisation_id].append(membership.user)
    chairs: dict[Any, list[Any]] = defaultdict(list)
    for review_membership in ReviewMembership.objects.filter(
        review__in=reviews, role=Role.INDEPENDENT_CHAIR, user__is_active=True
    ).select_related("user"):
        chairs[review_membership.review_id].append(review_membership.user)
    return coordinators, chairs


def reminders_due(*, today: dt.date) -> list[DueReminder]:
    """Every live, unmet deadline that is due soon or overdue, with who should hear of it."""
    deadlines = list(
        Deadline.objects.filter(cancelled=False, met_on__isnull=True, starts_on__lte=today)
        .select_related("review")
        .prefetch_related(Prefetch("review__pauses", queryset=Pause.objects.order_by("started_on")))
        .order_by("review_id", "starts_on", "rule_code")
    )
    reviews = list({deadline.review_id: deadline.review for deadline in deadlines}.values())
    coordinators, chairs = _recipients_by_review(reviews)
    due: list[DueReminder] = []
    for deadline in deadlines:
        review = deadline.review
        row = reading_for(deadline, pauses=review.pauses.all(), today=today)
        kind = reminder_kind(row)
        if kind is None:
            continue
        people = list(coordinators.get(review.lead_csp_id, []))
        if deadline.rule_code == "completion":
            people += chairs.get(review.pk, [])
        unique = tuple({person.pk: person for person in people if person.email}.values())
        if unique:
            due.append(DueReminder(row=row, kind=kind, recipients=unique))
    return due


def _message(*, review: Review, kind: str, recipient: Any) -> EmailMultiAlternatives:
    path = reverse("clock:clock-detail", kwargs={"review_id": review.pk})
    context = {
        "overdue": kind == OVERDUE,
        "reference": review.reference,
        "url": settings.SERVICE_BASE_URL.rstrip("/") + path,
    }
    subject = (
        _("DHR Manager: a deadline is overdue")
        if kind == OVERDUE
        else _("DHR Manager: a deadline is due soon")
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("emails/reminder.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.email],
    )
    message.attach_alternative(render_to_string("emails/reminder.html", context), "text/html")
    return message


def reminders_send_due(*, today: dt.date) -> int:
    """Send every reminder not yet sent for its deadline, recipient, kind and net due date.

    Returns the number of e-mails sent.
    """
    sent = 0
    for reminder in reminders_due(today=today):
        deadline = reminder.row.deadline
        due_on = reminder.row.reading.net_due
        for recipient in reminder.recipients:
            # Record and send together: if the send raises, the record is rolled back and the
            # reminder goes next run; if the record already exists, nothing is sent.
            with transaction.atomic():
                _record, created = ReminderSent.objects.get_or_create(
                    deadline=deadline, recipient=recipient, kind=reminder.kind, due_on=due_on
                )
                if not created:
                    continue
                _message(review=deadline.review, kind=reminder.kind, recipient=recipient).send()
            sent += 1
    return sent
