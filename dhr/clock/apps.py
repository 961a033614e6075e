from __future__ import annotations

from django.apps import AppConfig


class ClockConfig(AppConfig):
    name = "dhr.clock"
    label = "clock"
    verbose_name = "Statutory clock"
