from __future__ import annotations

from django.apps import AppConfig


class ProceedingsConfig(AppConfig):
    name = "dhr.proceedings"
    label = "proceedings"
