"""The append-only security and access log (OWASP ASVS V16; UK GDPR Art. 5(2)).

Rows are written once and never changed: the database itself refuses UPDATE and DELETE
(triggers installed by migration 0002 on SQLite and PostgreSQL). Times are UTC.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Event(models.Model):
    occurred_at = models.DateTimeField(db_index=True)
    # No foreign-key constraint: deleting an account must never need to touch the log.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    action = models.CharField(max_length=64, db_index=True)
    review_id = models.UUIDField(null=True, blank=True, db_index=True)
    object_type = models.CharField(max_length=64, blank=True)
    object_id = models.CharField(max_length=64, blank=True)
    path = models.CharField(max_length=300, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%dT%H:%M:%SZ} {self.action}"
