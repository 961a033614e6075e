"""Shared model bases. Review data is addressed by random UUIDs so URLs reveal nothing."""

from __future__ import annotations

import uuid

from django.db import models


class UUIDModel(models.Model):
    """A model whose primary key is a random UUID (never a name, never guessable)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(UUIDModel):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
