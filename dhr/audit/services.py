"""Writing audit events. Every read or download of review data goes through `event_record`.

Never put a name, address or free text from a case into `detail`: ids and codes only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.http import HttpRequest

from dhr.audit.models import Event


def _client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def event_record(
    *,
    action: str,
    actor: Any = None,
    request: HttpRequest | None = None,
    review_id: uuid.UUID | str | None = None,
    obj: Any = None,
    detail: dict[str, Any] | None = None,
) -> Event:
    """Append one event. `actor` may be an anonymous user, in which case none is stored."""
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    return Event.objects.create(
        occurred_at=dt.datetime.now(dt.UTC),
        actor=actor_obj,
        action=action,
        review_id=review_id,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        path=(request.path[:300] if request is not None else ""),
        ip_address=_client_ip(request),
        detail=detail or {},
    )
