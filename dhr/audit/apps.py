from __future__ import annotations

from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "dhr.audit"
    label = "audit"
    verbose_name = "Audit log"

    def ready(self) -> None:
        from dhr.audit import signals  # noqa: F401  (connects sign-in and MFA receivers)
