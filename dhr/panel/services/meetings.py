"""Panel meetings: planning, recording what happened, and the actions agreed (domain.md 2.9).

Meetings may be held online (practice since Covid-19, domain.md 2.9 I2). Minutes and decisions
are versioned (HistoricalRecords on PanelMeeting), so an earlier wording is never lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dhr.audit.services import event_record
from dhr.panel.models import (
    ActionStatus,
    Attendance,
    MeetingAction,
    MeetingAttendance,
    MeetingStatus,
    PanelMeeting,
    PanelMember,
)
from dhr.panel.services._common import require
from dhr.reviews.models import Review
from dhr.reviews.services.timeline import timeline_add


@transaction.atomic
def meeting_create(
    *,
    actor: Any,
    review: Review,
    starts_at: dt.datetime,
    duration_minutes: int,
    online: bool,
    location: str,
    agenda: str,
) -> PanelMeeting:
    require(actor, "panel.manage_panel", review)
    meeting = PanelMeeting(
        review=review,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        online=online,
        location="" if online else location.strip(),
        agenda=agenda.strip(),
    )
    meeting.full_clean()
    meeting.save()
    timeline_add(
        review=review,
        kind="panel_meeting",
        summary=_("Panel meeting planned for %(date)s")
        % {"date": f"{timezone.localtime(starts_at):%d/%m/%Y %H:%M}"},
        actor=actor,
    )
    event_record(
        action="panel.meeting_planned",
        actor=actor,
        review_id=review.pk,
        obj=meeting,
        detail={"online": online},
    )
    return meeting


@transaction.atomic
def meeting_record(
    *,
    actor: Any,
    review: Review,
    meeting: PanelMeeting,
    attendance: Mapping[PanelMember, str],
    minutes: str,
    decisions: str,
) -> PanelMeeting:
    """Record that a meeting was held: who attended, the minutes and the decisions.

    May be repeated to correct the minutes; every earlier wording stays in the history.
    """
    require(actor, "panel.manage_panel", review)
    meeting = PanelMeeting.objects.select_for_update().get(pk=meeting.pk, review=review)
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("A meeting can be recorded as held only once it has started."))
    for member, status in attendance.items():
        if member.review_id != review.pk:
            raise ValidationError(_("Attendance can be recorded only for this review's panel."))
        if status not in Attendance.values:
            raise ValidationError(_("Choose attended, apologies or absent for each member."))
    if not minutes.strip():
        raise ValidationError({"minutes": _("Enter the minutes of the meeting")})
    first_time = meeting.status != MeetingStatus.HELD
    meeting.status = MeetingStatus.HELD
    meeting.minutes = minutes.strip()
    meeting.decisions = decisions.strip()
    meeting.full_clean()
    meeting.save()
    for member, status in attendance.items():
        MeetingAttendance.objects.update_or_create(
            meeting=meeting, member=member, defaults={"status": status}
        )
    timeline_add(
        review=review,
        kind="panel_meeting",
        summary=(
            _("Panel meeting minutes recorded")
            if first_time
            else _("Panel meeting minutes revised")
        ),
        actor=actor,
    )
    event_record(
        action="panel.minutes_recorded",
        actor=actor,
        review_id=review.pk,
        obj=meeting,
        detail={"first_time": first_time, "attendance": len(attendance)},
    )
    return meeting


@transaction.atomic
def action_add(
    *,
    actor: Any,
    review: Review,
    meeting: PanelMeeting,
    description: str,
    owner: PanelMember,
    due_on: dt.date,
) -> MeetingAction:
    require(actor, "panel.manage_panel", review)
    if meeting.review_id != review.pk:
        raise ValidationError(_("This meeting belongs to another review."))
    if due_on < timezone.localtime(meeting.starts_at).date():
        raise ValidationError({"due_on": _("The due date must be on or after the meeting")})
    action = MeetingAction(
        meeting=meeting, description=description.strip(), owner=owner, due_on=due_on
    )
    action.full_clean()
    action.save()
    timeline_add(review=review, kind="panel_action", summary=_("Panel action agreed"), actor=actor)
    event_record(
        action="panel.action_added",
        actor=actor,
        review_id=review.pk,
        obj=action,
        detail={"due_on": due_on.isoformat()},
    )
    return action


@transaction.atomic
def action_complete(*, actor: Any, review: Review, action: MeetingAction) -> MeetingAction:
    require(actor, "panel.manage_panel", review)
    action = MeetingAction.objects.select_for_update().get(pk=action.pk, meeting__review=review)
    if action.status == ActionStatus.DONE:
        raise ValidationError(_("This action is already marked as done."))
    action.status = ActionStatus.DONE
    action.full_clean()
    action.save()
    timeline_add(review=review, kind="panel_action", summary=_("Panel action done"), actor=actor)
    event_record(action="panel.action_done", actor=actor, review_id=review.pk, obj=action)
    return action
