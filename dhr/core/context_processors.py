from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


def service(request: HttpRequest) -> dict[str, Any]:
    return {"service_name": _("DHR Manager")}
