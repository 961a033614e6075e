"""Authentication events into the audit log (ASVS 16.3.1)."""

from __future__ import annotations

from typing import Any

from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.dispatch import receiver

from dhr.audit.services import event_record


@receiver(auth_signals.user_logged_in)
def _logged_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(action="auth.login", actor=user, request=request)


@receiver(auth_signals.user_logged_out)
def _logged_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    event_record(action="auth.logout", actor=user, request=request)


@receiver(auth_signals.user_login_failed)
def _login_failed(sender: Any, credentials: Any, request: Any = None, **kwargs: Any) -> None:
    # The attempted e-mail is personal data: store nothing of it.
    event_record(action="auth.login_failed", request=request)


@receiver(mfa_signals.authenticator_added)
def _mfa_added(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.added", actor=user, request=request, detail={"type": authenticator.type}
    )


@receiver(mfa_signals.authenticator_removed)
def _mfa_removed(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.removed", actor=user, request=request, detail={"type": authenticator.type}
    )


@receiver(mfa_signals.authenticator_reset)
def _mfa_reset(sender: Any, request: Any, user: Any, authenticator: Any, **kwargs: Any) -> None:
    event_record(
        action="mfa.reset", actor=user, request=request, detail={"type": authenticator.type}
    )
