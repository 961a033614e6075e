"""The review list, the review's task list page, its timeline, members and lifecycle steps."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dhr.audit.services import event_record
from dhr.reviews.forms import MemberAddForm, TimelineFilterForm
from dhr.reviews.lifecycle import available_manual_transitions
from dhr.reviews.models import TimelineEvent
from dhr.reviews.sections import section_links_for
from dhr.reviews.selectors import review_list_for, timeline_events_for
from dhr.reviews.services.lifecycle import review_advance
from dhr.reviews.services.membership import review_member_add
from dhr.reviews.tasklist import task_list_for
from dhr.reviews.timeline_kinds import group_choices, group_kinds, group_of
from dhr.reviews.viewing import review_for_request


@require_GET
@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    reviews = list(review_list_for(user=request.user))
    event_record(action="review.list", actor=request.user, request=request)
    return render(request, "reviews/review_list.html", {"reviews": reviews})


@require_GET
@login_required
def review_detail(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(request, review_id)
    context = {
        "review": review,
        "tasks": task_list_for(review=review, user=request.user),
        "sections": section_links_for(review=review, user=request.user),
        "transitions": [
            t
            for t in available_manual_transitions(review)
            if request.user.has_perm(t.permission, review)
        ],
    }
    return render(request, "reviews/review_detail.html", context)


@require_GET
@login_required
def review_timeline(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    """Everything that happened on the review, newest first, filtered by kind and date range.

    Only kinds present on this review are offered; unknown ones in the query string are ignored
    with a notice rather than an error, so an old bookmark still works.
    """
    review = review_for_request(
        request, review_id, permission="reviews.view_timeline", audit_action="review.view_timeline"
    )
    groups = group_kinds(review.timeline.values_list("kind", flat=True).distinct())
    choices = group_choices(groups)
    asked = request.GET.getlist("kind")
    data = request.GET.copy()
    data.setlist("kind", [kind for kind in asked if kind in groups])
    filtering = any(key == "kind" or key.startswith(("from_", "to_")) for key in request.GET)
    form = TimelineFilterForm(data if filtering else None, choices=choices)
    if form.is_bound and not form.is_valid():
        events = TimelineEvent.objects.none()
    elif form.is_bound:
        wanted = form.cleaned_data["kind"]
        events = timeline_events_for(
            review=review,
            kinds=[kind for group in wanted for kind in groups[group]],
            since=form.cleaned_data["from"],
            until=form.cleaned_data["to"],
        )
    else:
        events = timeline_events_for(review=review)
    page = Paginator(events, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    kind_labels = dict(choices)
    context = {
        "review": review,
        "form": form,
        "rows": [(event, kind_labels.get(group_of(event.kind), "")) for event in page],
        "page": page,
        "page_numbers": page.paginator.get_elided_page_range(page.number, on_each_side=2),
        "query": query.urlencode(),
        "unknown_kinds": sorted({kind for kind in asked if kind not in groups}),
        "filtered": form.is_bound,
    }
    return render(request, "reviews/timeline.html", context)


@require_GET
@login_required
def member_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="reviews.view_case_record",
        audit_action="review.view_members",
    )
    members = review.memberships.select_related("user", "agency").order_by("role")
    return render(
        request,
        "reviews/members.html",
        {
            "review": review,
            "members": members,
            "can_manage": request.user.has_perm("reviews.manage_members", review),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def member_add(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="reviews.manage_members", audit_action=None
    )
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review_member_add(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Person added to the review."))
            return redirect("reviews:member-list", review_id=review.pk)
    return render(request, "reviews/member_add.html", {"review": review, "form": form})


@require_POST
@login_required
def lifecycle_advance(request: HttpRequest, review_id: uuid.UUID, transition: str) -> HttpResponse:
    review = review_for_request(request, review_id, audit_action=None)
    try:
        review_advance(actor=request.user, review=review, slug=transition)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The review has moved to its next stage."))
    return redirect("reviews:review-detail", review_id=review.pk)
