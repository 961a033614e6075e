"""Cross-cutting request rules: session lifetimes, mandatory MFA, no caching of private pages."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

Handler = Callable[[HttpRequest], HttpResponse]

SESSION_STARTED_KEY = "dhr_session_started_at"
SESSION_SEEN_KEY = "dhr_session_last_seen_at"

# Paths a signed-in person must reach before MFA is set up: the MFA set-up itself, sign-out,
# and the machine endpoints.
MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/language/", "/library/")
# "Last seen" is refreshed at most this often, so an ordinary page view does not rewrite the
# session row; the idle limit is therefore exact to within this many seconds.
LAST_SEEN_RESOLUTION_SECONDS = 60


class SessionLifetimeMiddleware:
    """Ends a session after 30 idle minutes or 10 hours in all (OWASP ASVS 7.3.1, 7.3.2)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.get(SESSION_STARTED_KEY, now)
            last_seen = request.session.get(SESSION_SEEN_KEY, now)
            idle = now - last_seen > settings.SESSION_IDLE_TIMEOUT_SECONDS
            too_long = now - started > settings.SESSION_ABSOLUTE_TIMEOUT_SECONDS
            if idle or too_long:
                from dhr.audit.services import event_record

                event_record(
                    action="auth.session_expired",
                    actor=request.user,
                    request=request,
                    detail={"reason": "idle" if idle else "absolute"},
                )
                logout(request)
                messages.info(request, _("You were signed out to protect your account."))
                return redirect(f"{reverse('account_login')}?next={request.path}")
            if SESSION_STARTED_KEY not in request.session:
                request.session[SESSION_STARTED_KEY] = started
            if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS or SESSION_SEEN_KEY not in (
                request.session
            ):
                request.session[SESSION_SEEN_KEY] = now
        return self.get_response(request)


def user_has_mfa(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireMultiFactorMiddleware:
    """Sends every signed-in account without TOTP to set it up (ASVS 6.3.2, L2)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            settings.DHR_REQUIRE_MFA
            and request.user.is_authenticated
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not user_has_mfa(request.user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class NoStoreForAuthenticatedMiddleware:
    """Private pages must not be kept by browsers or proxies (ASVS 14.3.2)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated or request.path.startswith("/accounts/"):
            response["Cache-Control"] = "no-store, max-age=0"
            response["Pragma"] = "no-cache"
        return response
