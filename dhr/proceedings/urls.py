from __future__ import annotations

from django.urls import path

from dhr.proceedings import views

app_name = "proceedings"

_BASE = "reviews/<uuid:review_id>/proceedings/"

urlpatterns = [
    path(_BASE, views.proceeding_list, name="proceeding-list"),
    path(f"{_BASE}add/", views.proceeding_create, name="proceeding-create"),
    path(f"{_BASE}<uuid:proceeding_id>/events/add/", views.event_create, name="event-create"),
    path(f"{_BASE}disclosure/add/", views.disclosure_create, name="disclosure-create"),
    path(
        f"{_BASE}proposals/<uuid:proposal_id>/approve/",
        views.proposal_approve,
        name="proposal-approve",
    ),
    path(
        f"{_BASE}proposals/<uuid:proposal_id>/reject/",
        views.proposal_reject,
        name="proposal-reject",
    ),
]
