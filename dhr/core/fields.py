"""Model fields that keep identifiers encrypted at rest."""

from __future__ import annotations

from typing import Any

from django.db import models

from dhr.core import crypto


class EncryptedTextField(models.TextField):
    """Stores Fernet ciphertext; Python code sees plaintext. Cannot be filtered or sorted on."""

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return crypto.encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: Any) -> Any:
        if value in (None, ""):
            return value
        return crypto.decrypt(value)
