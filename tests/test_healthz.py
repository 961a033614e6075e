"""The health check that load balancers and monitoring call."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError
from django.test import Client


@pytest.mark.django_db
def test_healthz_reports_ok_with_a_working_database(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_fails(client: Client, monkeypatch: Any) -> None:
    from django.db import connection

    def broken_cursor(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("database is unreachable")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] != "ok"
    assert response.json()["status"] != "ok"


@pytest.mark.django_db
def test_healthz_needs_no_sign_in_and_is_not_cached(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
