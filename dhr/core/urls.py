from __future__ import annotations

from django.urls import path

from dhr.core import views

app_name = "core"

urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("language/<str:language>/", views.language_switch, name="language-switch"),
]
