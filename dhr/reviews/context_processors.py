"""What the navigation offers: only actions the person can take."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from dhr.reviews.access import csps_where


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user

    def can_record() -> bool:
        if not user.is_authenticated:
            return False
        return csps_where(user, "csp_coordinator", "csp_chair").exists()

    # Lazy: pages that never show the link never run the query.
    return {"can_record_notification": SimpleLazyObject(can_record)}
