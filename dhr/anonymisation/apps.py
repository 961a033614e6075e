from __future__ import annotations

from django.apps import AppConfig


class AnonymisationConfig(AppConfig):
    name = "dhr.anonymisation"
    label = "anonymisation"
    verbose_name = "Anonymisation"
