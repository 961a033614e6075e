"""The panel home page, the roster (R29) and the agencies considered (R30)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.panel.forms import AgencyConsideredForm, DeclarationForm, PanelMemberForm
from dhr.panel.models import PanelMember
from dhr.panel.services.members import (
    agencies_overview,
    agency_consider,
    panel_member_add,
    panel_member_declare,
    roster_summary,
)
from dhr.panel.services.terms import current_version
from dhr.reviews.viewing import review_for_request
from dhr.reviews.views.decision import add_service_error


@require_GET
@login_required
def panel_home(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_panel", audit_action="panel.view_home"
    )
    user = request.user
    context = {
        "review": review,
        "roster": roster_summary(review),
        "agencies": agencies_overview(review),
        "meeting_count": review.panel_meetings.count(),
        "can_manage": user.has_perm("panel.manage_panel", review),
        "can_view_terms": user.has_perm("panel.view_terms", review),
        "terms": current_version(review) if user.has_perm("panel.view_terms", review) else None,
    }
    return render(request, "panel/home.html", context)


@require_GET
@login_required
def member_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_panel", audit_action="panel.view_members"
    )
    context = {
        "review": review,
        "roster": roster_summary(review),
        "can_manage": request.user.has_perm("panel.manage_panel", review),
    }
    return render(request, "panel/members.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def member_add(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_members" if request.method == "GET" else None,
    )
    form = PanelMemberForm(request.POST or None, review=review)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            panel_member_add(actor=request.user, review=review, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Panel member added."))
            return redirect("panel:member-list", review_id=review.pk)
    return render(request, "panel/member_add.html", {"review": review, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def member_declaration(
    request: HttpRequest, review_id: uuid.UUID, member_id: uuid.UUID
) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_members" if request.method == "GET" else None,
    )
    member = get_object_or_404(PanelMember, pk=member_id, review=review)
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            panel_member_declare(
                actor=request.user,
                review=review,
                member=member,
                declared_on=form.cleaned_data["declared_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Declaration recorded."))
            return redirect("panel:member-list", review_id=review.pk)
    return render(
        request, "panel/member_declaration.html", {"review": review, "member": member, "form": form}
    )


@require_GET
@login_required
def agency_list(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request, review_id, permission="panel.view_panel", audit_action="panel.view_agencies"
    )
    context = {
        "review": review,
        "agencies": agencies_overview(review),
        "can_manage": request.user.has_perm("panel.manage_panel", review),
    }
    return render(request, "panel/agencies.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def agency_add(request: HttpRequest, review_id: uuid.UUID) -> HttpResponse:
    review = review_for_request(
        request,
        review_id,
        permission="panel.manage_panel",
        audit_action="panel.view_agencies" if request.method == "GET" else None,
    )
    form = AgencyConsideredForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            agency_consider(actor=request.user, review=review, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Agency recorded."))
            return redirect("panel:agency-list", review_id=review.pk)
    return render(request, "panel/agency_add.html", {"review": review, "form": form})
