"""Authentication (D.4 item 4; ASVS V6, V7, 16.3.1).

MFA is compulsory, sign-in is throttled per account, failures are logged without the
attempted e-mail, the session id rotates at sign-in, recovery codes work once, and changing
MFA needs a recent sign-in. The sign-in journeys go through allauth's real forms.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.totp.internal.auth import yield_hotp_counters_from_time as counters
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from dhr.audit.models import Event
from dhr.testing import factories as f
from dhr.testing.factories import DEFAULT_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _empty_cache() -> Any:
    """Rate-limit counters and used TOTP codes live in the cache: start and end empty."""
    cache.clear()
    yield
    cache.clear()


def _totp_code(user: Any) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = get_mfa_adapter().decrypt(authenticator.data["secret"])
    now = list(counters())[len(list(counters())) // 2]
    return format_hotp_value(hotp_value(secret, now))


def _password_step(client: Client, user: Any, password: str = DEFAULT_PASSWORD) -> Any:
    return client.post(LOGIN, {"login": user.email, "password": password})


def _sign_in(client: Client, user: Any, *, code: str | None = None) -> Any:
    """Password, then the second factor. Returns the response to the code step."""
    first = _password_step(client, user)
    assert first.status_code == 302, first.status_code
    assert first["Location"] == reverse("mfa_authenticate")
    return client.post(reverse("mfa_authenticate"), {"code": code or _totp_code(user)})


def _is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


# --- MFA is compulsory -----------------------------------------------------------------


@pytest.fixture
def coordinator_without_mfa(csp: Any) -> Any:
    user = f.UserFactory(full_name="Nia NoMFA", with_mfa=False)
    f.MembershipFactory(user=user, organisation=csp, role="csp_coordinator")
    return user


@pytest.mark.parametrize("page", ["/dashboard/", "/reviews/", "/reviews/notify/"])
def test_a_person_without_totp_is_sent_to_set_it_up(
    login: Any, coordinator_without_mfa: Any, page: str
) -> None:
    response = login(coordinator_without_mfa).get(page)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_person_without_totp_cannot_open_a_review(
    login: Any, coordinator_without_mfa: Any, review: Any
) -> None:
    response = login(coordinator_without_mfa).get(f"/reviews/{review.pk}/")
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_new_person_signs_in_with_a_password_and_is_led_to_set_up_totp(
    client: Client, coordinator_without_mfa: Any
) -> None:
    first = _password_step(client, coordinator_without_mfa)
    assert first.status_code == 302
    assert _is_signed_in(client)
    response = client.get(first["Location"], follow=True)
    # allauth asks for the password once more before any change to MFA.
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    reauth = client.post(
        response.redirect_chain[-1][0], {"password": DEFAULT_PASSWORD}, follow=True
    )
    assert reauth.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert reauth.status_code == 200


def test_a_person_with_totp_gets_through(login: Any, coordinator: Any) -> None:
    assert login(coordinator).get("/reviews/").status_code == 200


def test_a_person_with_totp_reaches_the_dashboard(login: Any, coordinator: Any) -> None:
    assert login(coordinator).get("/dashboard/").status_code == 200


# --- Real sign-in ---------------------------------------------------------------------


def test_password_alone_does_not_sign_in(client: Client, coordinator: Any) -> None:
    response = _password_step(client, coordinator)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert not _is_signed_in(client)
    assert client.get("/reviews/").status_code == 302


def test_password_and_totp_sign_in_end_to_end(client: Client, coordinator: Any) -> None:
    response = _sign_in(client, coordinator)
    assert response.status_code == 302
    assert response["Location"] == reverse(settings.LOGIN_REDIRECT_URL)
    assert _is_signed_in(client)
    assert client.get("/reviews/").status_code == 200
    assert Event.objects.filter(action="auth.login", actor=coordinator).count() == 1


def test_a_wrong_totp_code_does_not_sign_in(client: Client, coordinator: Any) -> None:
    good = _totp_code(coordinator)
    wrong = f"{(int(good) + 1) % 1_000_000:06d}"
    _sign_in(client, coordinator, code=wrong)
    assert not _is_signed_in(client)


def test_sign_in_rotates_the_session_key(client: Client, coordinator: Any) -> None:
    session = client.session
    session["probe"] = "before sign-in"
    session.save()
    before = session.session_key
    assert before is not None
    client.cookies[settings.SESSION_COOKIE_NAME] = before

    _sign_in(client, coordinator)

    assert _is_signed_in(client)
    assert client.session.session_key != before


def test_sign_out_ends_the_session(client: Client, coordinator: Any) -> None:
    _sign_in(client, coordinator)
    key = client.session.session_key
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert client.get("/reviews/").status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()


# --- Throttling and logging of failures -------------------------------------------------


def test_ten_failures_lock_the_account_even_for_the_right_password(
    client: Client, coordinator: Any
) -> None:
    for _ in range(10):
        response = _password_step(client, coordinator, password="not the password at all")
        assert response.status_code == 200
        assert not _is_signed_in(client)

    response = _password_step(client, coordinator)
    refused = response.status_code == 429 or (
        response.status_code == 200 and b"Too many failed" in response.content
    )
    assert refused, response.status_code
    assert response.get("Location") != reverse("mfa_authenticate")


def test_the_lock_lifts_after_fifteen_minutes(client: Client, coordinator: Any) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        for _ in range(10):
            _password_step(client, coordinator, password="not the password at all")
        traveller.shift(dt.timedelta(minutes=16))
        response = _password_step(client, coordinator)
        assert response.status_code == 302
        assert response["Location"] == reverse("mfa_authenticate")


def test_failed_sign_ins_are_logged_without_the_email(client: Client, coordinator: Any) -> None:
    for _ in range(3):
        _password_step(client, coordinator, password="not the password at all")
    events = list(Event.objects.filter(action="auth.login_failed"))
    assert len(events) == 3
    for event in events:
        assert event.actor_id is None
        assert coordinator.email not in str(event.detail)
        assert coordinator.email not in event.path
        assert event.occurred_at.utcoffset() == dt.timedelta(0)


# --- Recovery codes ---------------------------------------------------------------------


def test_a_recovery_code_works_once(coordinator: Any) -> None:
    codes = RecoveryCodes.activate(coordinator).get_unused_codes()
    code = codes[0]

    first = Client()
    _sign_in(first, coordinator, code=code)
    assert _is_signed_in(first)

    second = Client()
    _sign_in(second, coordinator, code=code)
    assert not _is_signed_in(second)

    third = Client()
    _sign_in(third, coordinator, code=codes[1])
    assert _is_signed_in(third)


# --- Re-authentication before changing MFA or e-mail -------------------------------------


def _reauthenticate(client: Client) -> None:
    response = client.post(reverse("account_reauthenticate"), {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302, response.status_code


@pytest.mark.parametrize("route", ["mfa_deactivate_totp", "mfa_generate_recovery_codes"])
def test_changing_mfa_needs_a_recent_sign_in(client: Client, coordinator: Any, route: str) -> None:
    with time_machine.travel(START, tick=False) as traveller:
        _sign_in(client, coordinator)
        assert _is_signed_in(client)
        response = client.get(reverse(route))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))

        _reauthenticate(client)
        traveller.shift(dt.timedelta(minutes=1))
        assert client.get(reverse(route)).status_code == 200

        traveller.shift(dt.timedelta(minutes=5))
        response = client.get(reverse(route))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_reauthenticate"))


def test_an_email_address_cannot_be_added_to_an_account_with_mfa(
    client: Client, coordinator: Any
) -> None:
    """allauth goes further than re-authentication here: it refuses outright."""
    _sign_in(client, coordinator)
    response = client.post(
        reverse("account_email"), {"action_add": "", "email": "new.address@example.gov.uk"}
    )
    assert response.status_code in {200, 302}
    assert not coordinator.emailaddress_set.filter(email="new.address@example.gov.uk").exists()
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("account_reauthenticate"))
