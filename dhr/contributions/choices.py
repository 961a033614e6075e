"""Fixed vocabularies of agency information requests and IMRs."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    SCOPING = "scoping", _("Scoping request")
    IMR = "imr", _("Individual management review (IMR) request")


class RequestStatus(models.TextChoices):
    """What is stored. "Overdue" and "Declined" are derived when shown (see `request_status`)."""

    SENT = "sent", _("Sent")
    NIL_RETURN = "nil_return", _("Nil return: no contact in the period")
    CONTACT_CONFIRMED = "contact_confirmed", _("Contact confirmed")
    RECEIVED = "received", _("IMR received")
    ESCALATED = "escalated", _("Escalated")


class ShownStatus(models.TextChoices):
    """What a person sees: the stored status, or a state derived from dates and declines."""

    SENT = "sent", _("Awaiting reply")
    NIL_RETURN = "nil_return", _("Nil return")
    CONTACT_CONFIRMED = "contact_confirmed", _("Contact confirmed")
    RECEIVED = "received", _("IMR received")
    ESCALATED = "escalated", _("Escalated")
    OVERDUE = "overdue", _("Overdue")
    DECLINED = "declined", _("Declined")


# Requests still waiting on the agency: reminders go, and they can become overdue.
OPEN_STATUSES = (RequestStatus.SENT, RequestStatus.ESCALATED)


class IMRState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned_for_revision", _("Returned for revision")
    ACCEPTED = "accepted", _("Accepted")


# The Home Office outline for an IMR (2016 guidance Appendix One; domain.md 4.3): field name,
# heading. Shared by the model, the form, the version snapshot and the pages.
IMR_SECTIONS: tuple[tuple[str, Any], ...] = (
    ("involvement_summary", _("Summary of the agency's involvement")),
    ("analysis", _("Analysis of involvement against policy and practice")),
    ("good_practice", _("Good practice")),
    ("lessons_learned", _("Lessons learned")),
    ("recommendations", _("Recommendations for the agency")),
)
