"""Recording a notification of a death (form, check your answers, duplicate warning) and reading it.

The journey lives at one address. Answers wait in the session between the form and the check
page, encrypted, because they hold names; nothing about the death ever goes in a URL.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.audit.services import event_record
from dhr.core import crypto
from dhr.reviews.choices import OtherReview, PersonRole
from dhr.reviews.forms_notification import NotificationForm
from dhr.reviews.services.notification import (
    DuplicateNotification,
    duplicate_warning_record,
    notification_record,
    notifying_csps_for,
)
from dhr.reviews.viewing import review_for_request

DRAFT_SESSION_KEY = "reviews.notification_draft"
_NOT_ANSWERS = frozenset({"csrfmiddlewaretoken", "action"})


def _draft_save(request: HttpRequest) -> None:
    answers = {k: v for k, v in request.POST.lists() if k not in _NOT_ANSWERS}
    request.session[DRAFT_SESSION_KEY] = crypto.encrypt(json.dumps(answers))


def _draft_load(request: HttpRequest) -> MultiValueDict[str, Any] | None:
    token = request.session.get(DRAFT_SESSION_KEY)
    if not token:
        return None
    return MultiValueDict(json.loads(crypto.decrypt(token)))


def _draft_clear(request: HttpRequest) -> None:
    request.session.pop(DRAFT_SESSION_KEY, None)


def _form_page(request: HttpRequest, form: NotificationForm) -> HttpResponse:
    return render(request, "reviews/notification_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def notification_create(request: HttpRequest) -> HttpResponse:
    csps = notifying_csps_for(request.user)
    if not csps.exists():
        event_record(
            action="authz.denied",
            actor=request.user,
            request=request,
            detail={"permission": "reviews.record_notification"},
        )
        raise PermissionDenied("reviews.record_notification")

    if request.method == "GET":
        if request.GET.get("step") == "check":
            draft = _draft_load(request)
            if draft is None:
                return redirect("reviews:notification-create")
            form = NotificationForm(draft, csps=csps)
            if not form.is_valid():
                return _form_page(request, form)
            return render(request, "reviews/notification_check.html", {"form": form})
        draft = _draft_load(request) if request.GET.get("change") else None
        if draft is None:
            _draft_clear(request)
            return _form_page(request, NotificationForm(csps=csps))
        return _form_page(request, NotificationForm(draft, csps=csps))

    action = request.POST.get("action", "continue")
    if action == "cancel":
        _draft_clear(request)
        messages.info(request, _("The notification was not recorded."))
        return redirect("reviews:review-list")
    if action not in ("confirm", "confirm_different"):
        form = NotificationForm(request.POST, csps=csps)
        if not form.is_valid():
            return _form_page(request, form)
        _draft_save(request)
        return redirect(reverse("reviews:notification-create") + "?step=check")

    draft = _draft_load(request)
    if draft is None:
        return redirect("reviews:notification-create")
    form = NotificationForm(draft, csps=csps)
    if not form.is_valid():
        return _form_page(request, form)
    try:
        review = notification_record(
            actor=request.user,
            allow_duplicate=action == "confirm_different",
            **form.service_kwargs(),
        )
    except DuplicateNotification as duplicate:
        duplicate_warning_record(actor=request.user, matches=duplicate.matches, request=request)
        return render(
            request, "reviews/notification_duplicate.html", {"matches": duplicate.matches}
        )
    except ValidationError as error:
        form.add_error(None, error.messages)
        return _form_page(request, form)
    _draft_clear(request)
    messages.success(
        request,
        _("Notification recorded. The review reference is %(reference)s.")
        % {"reference": review.reference},
    )
    return redirect("reviews:review-detail", review_id=review.pk)


@require_GET
@login_required
def notification_detail(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.view_case_record",
        audit_action="review.view_notification",
    )
    people = list(review.people.all())
    other_review_labels = dict(OtherReview.choices)
    notifications = [
        (n, [other_review_labels.get(code, code) for code in n.other_reviews])
        for n in review.notifications.select_related("notifying_agency", "recorded_by")
    ]
    context = {
        "review": review,
        "notifications": notifications,
        "victims": [p for p in people if p.role == PersonRole.VICTIM],
        "suspects": [p for p in people if p.role == PersonRole.SUSPECT],
        "cooperating_csps": list(review.cooperating_csps.order_by("name")),
        "can_assess": request.user.has_perm("reviews.assess_eligibility", review),
    }
    return render(request, "reviews/notification_detail.html", context)
