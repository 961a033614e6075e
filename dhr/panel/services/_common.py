"""Small helpers shared by the panel services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from dhr.reviews.models import Review


def require(actor: Any, permission: str, review: Review) -> None:
    """Services check the permission again, so a call from anywhere else is just as safe."""
    if not actor.has_perm(permission, review):
        raise PermissionDenied(permission)


def not_in_future(value: dt.date | None, field: str, message: str) -> None:
    if value is not None and value > timezone.localdate():
        raise ValidationError({field: message})
