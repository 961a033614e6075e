from __future__ import annotations

from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "dhr.chronology"
    label = "chronology"
