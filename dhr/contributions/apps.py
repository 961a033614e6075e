from __future__ import annotations

from django.apps import AppConfig


class ContributionsConfig(AppConfig):
    name = "dhr.contributions"
    label = "contributions"
