from __future__ import annotations

from django.apps import AppConfig


class FamilyConfig(AppConfig):
    name = "dhr.family"
    label = "family"
