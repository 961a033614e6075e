"""The GOV.UK task list that shows a review's progress, built from its record and state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dhr.reviews.choices import AppointmentRole, HomeOfficeResponse, ReviewState
from dhr.reviews.lifecycle import stage_index
from dhr.reviews.models import Review

S = ReviewState

COMPLETED = "completed"
IN_PROGRESS = "in_progress"
NOT_STARTED = "not_started"
CANNOT_START = "cannot_start"

STATUS_LABELS = {
    COMPLETED: _("Completed"),
    IN_PROGRESS: _("In progress"),
    NOT_STARTED: _("Not yet started"),
    CANNOT_START: _("Cannot start yet"),
}


@dataclass(frozen=True)
class Task:
    title: Any
    status: str
    href: str | None
    hint: Any = ""

    @property
    def status_label(self) -> Any:
        return STATUS_LABELS[self.status]


def task_list_for(*, review: Review, user: Any) -> list[Task]:
    """Tasks from notification to closure; links only where the user may act or read."""
    at = stage_index(review.state)
    rid = review.pk

    def link(name: str, perm: str) -> str | None:
        return reverse(name, kwargs={"review_id": rid}) if user.has_perm(perm, review) else None

    assessed = review.assessments.exists()
    decision = review.decisions.first()
    notice = review.home_office_notifications.first()
    has_chair = review.appointments.filter(role=AppointmentRole.INDEPENDENT_CHAIR).exists()

    if notice is None:
        ho_status = CANNOT_START if decision is None else NOT_STARTED
    elif notice.response != HomeOfficeResponse.AWAITING:
        ho_status = COMPLETED
    else:
        ho_status = IN_PROGRESS

    def later(stage: str) -> str:
        mine = stage_index(stage)
        if at > mine:
            return COMPLETED
        if at == mine:
            return IN_PROGRESS
        return CANNOT_START

    return [
        Task(
            _("Notification"),
            COMPLETED,
            link("reviews:notification-detail", "reviews.view_case_record"),
        ),
        Task(
            _("Eligibility check"),
            COMPLETED if assessed else NOT_STARTED,
            link("reviews:eligibility-assess", "reviews.assess_eligibility"),
        ),
        Task(
            _("Decision"),
            COMPLETED if decision else (NOT_STARTED if at <= 1 else CANNOT_START),
            link("reviews:decision-create", "reviews.record_decision")
            if decision is None
            else None,
            decision.get_outcome_display() if decision else "",
        ),
        Task(
            _("Tell the Home Office"),
            ho_status,
            link("reviews:home-office-response", "reviews.send_home_office_letter")
            if decision
            else None,
        ),
        Task(
            _("Appoint the independent chair and report writer"),
            COMPLETED
            if has_chair
            else (NOT_STARTED if review.state == S.DECIDED_REVIEW else CANNOT_START),
            link("reviews:appointment-create", "reviews.appoint_chair")
            if review.state in (S.DECIDED_REVIEW, S.SET_UP, S.INFORMATION_GATHERING)
            else None,
        ),
        Task(_("Information gathering"), later(S.INFORMATION_GATHERING), None),
        Task(_("Analysis and drafting"), later(S.ANALYSIS_DRAFTING), None),
        Task(_("Local sign-off"), later(S.LOCAL_SIGN_OFF), None),
        Task(_("Home Office quality assurance"), later(S.SUBMITTED_QA), None),
        Task(_("Publication"), later(S.PUBLISHED), None),
        Task(_("Action plan monitoring"), later(S.MONITORING), None),
    ]
