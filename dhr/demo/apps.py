from __future__ import annotations

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "dhr.demo"
    label = "demo"
    verbose_name = "Demonstration data"
    default_auto_field = "django.db.models.BigAutoField"
