from __future__ import annotations

from django.urls import path

from dhr.clock import views

app_name = "clock"

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("reviews/<uuid:review_id>/clock/", views.clock_detail, name="clock-detail"),
    path("reviews/<uuid:review_id>/clock/pauses/add/", views.pause_create, name="pause-create"),
    path(
        "reviews/<uuid:review_id>/clock/pauses/<uuid:pause_id>/end/",
        views.pause_end,
        name="pause-end",
    ),
]
