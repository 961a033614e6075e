"""The personal calendar feed (behind a per-user secret) and the page that manages it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from dhr.panel.services.calendar import calendar_feed_render, calendar_token_reset, user_for_token


@require_http_methods(["GET", "POST"])
@login_required
def calendar_settings(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        had_link = bool(user.calendar_token)  # type: ignore[union-attr]
        calendar_token_reset(actor=user)
        messages.success(
            request,
            _("Your calendar link has been reset. The old link no longer works.")
            if had_link
            else _("Your calendar link has been created."),
        )
        return redirect("panel:calendar-settings")
    token = user.calendar_token  # type: ignore[union-attr]
    feed_url = (
        request.build_absolute_uri(reverse("panel:calendar-feed", kwargs={"token": token}))
        if token
        else ""
    )
    return render(request, "panel/calendar_settings.html", {"feed_url": feed_url})


@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No session: calendar programs fetch this with the secret in the path (never audited)."""
    user = user_for_token(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        calendar_feed_render(user=user), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = 'inline; filename="dhr-manager.ics"'
    return response
