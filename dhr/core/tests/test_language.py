"""Switching to Welsh and back from a plain link."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_switch_to_welsh_sets_cookie_and_returns(client: Any) -> None:
    url = reverse("core:language-switch", args=["cy"]) + "?next=/accounts/login/"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cy"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="cy"' in page
    assert ">English</a>" in page


def test_switch_refuses_offsite_redirect_and_unknown_language(client: Any) -> None:
    response = client.get(
        reverse("core:language-switch", args=["xx"]) + "?next=https://evil.example/"
    )
    assert response["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
