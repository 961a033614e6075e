"""The personal calendar feed: panel meetings and statutory deadlines of a person's reviews.

The feed is fetched by calendar programs that hold no session, so it sits behind a per-user
secret (`User.calendar_token`). Resetting the token revokes every old subscription. Events
carry only the review reference and what the event is ("Panel meeting", "Decision due"):
never a victim's, family member's or suspect's name. Meetings carry their location (a
professional venue) or "Online", because people need to know where to go.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dhr.audit.services import event_record
from dhr.clock.selectors import clock_readings_for
from dhr.panel.ics import CalendarEvent, render_calendar
from dhr.panel.models import PanelMeeting
from dhr.reviews.access import reviews_visible_to

# Meetings more than this many days ago are left out: the feed is for what is coming.
PAST_DAYS = 90
DEADLINE_LABELS = {
    "decision": gettext_lazy("Decision due"),
    "home_office_notified": gettext_lazy("Home Office notification due"),
    "completion": gettext_lazy("Review completion due"),
    "imr_due": gettext_lazy("IMRs due"),
}


def deadline_label(rule_code: str) -> str:
    return str(DEADLINE_LABELS.get(rule_code, gettext_lazy("Deadline")))


def calendar_token_reset(*, actor: Any) -> str:
    """Create or replace the person's secret; any link made with the old one stops working."""
    token = secrets.token_urlsafe(32)
    actor.calendar_token = token
    actor.save(update_fields=["calendar_token"])
    event_record(action="calendar.token_reset", actor=actor, detail={})
    return token


def user_for_token(token: str) -> Any | None:
    """The active account whose secret is `token`, compared in constant time; else None."""
    if len(token) < 40:
        return None
    user = get_user_model().objects.filter(calendar_token=token, is_active=True).first()
    if user is None or not secrets.compare_digest(user.calendar_token, token):
        return None
    return user


def calendar_events_for(*, user: Any, today: dt.date | None = None) -> list[CalendarEvent]:
    today = today or timezone.localdate()
    reviews = list(
        reviews_visible_to(user).prefetch_related("deadlines", "pauses").order_by("reference")
    )
    review_ids = [review.pk for review in reviews]
    references = {review.pk: review.reference for review in reviews}
    since = timezone.now() - dt.timedelta(days=PAST_DAYS)
    events: list[CalendarEvent] = []
    for meeting in PanelMeeting.objects.filter(
        review_id__in=review_ids, starts_at__gte=since
    ).order_by("starts_at"):
        events.append(
            CalendarEvent(
                uid=f"meeting-{meeting.pk}@dhr-manager",
                summary=_("%(reference)s: Panel meeting")
                % {"reference": references[meeting.review_id]},
                start=meeting.starts_at,
                end=meeting.starts_at + dt.timedelta(minutes=meeting.duration_minutes),
                location=meeting.place,
            )
        )
    for review in reviews:
        for row in clock_readings_for(review=review, today=today):
            if row.deadline.met_on is not None:
                continue
            due = row.reading.net_due
            events.append(
                CalendarEvent(
                    uid=f"deadline-{row.deadline.pk}@dhr-manager",
                    summary=f"{review.reference}: {deadline_label(row.deadline.rule_code)}",
                    start=due,
                    end=due + dt.timedelta(days=1),
                )
            )
    return events


def calendar_feed_render(*, user: Any) -> bytes:
    events = calendar_events_for(user=user)
    # The path holds the secret, so the request is not passed on: it would store the token.
    event_record(action="calendar.fetched", actor=user, detail={"events": len(events)})
    return render_calendar(events, name=_("DHR Manager"), stamp=timezone.now())
