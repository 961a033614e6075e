from __future__ import annotations

from django.urls import path

from dhr.family import views

app_name = "family"

BASE = "reviews/<uuid:review_id>/family/"

urlpatterns = [
    path(BASE, views.family_overview, name="family-overview"),
    path(f"{BASE}arrangement/", views.arrangement_update, name="arrangement-update"),
    path(f"{BASE}people/add/", views.contact_create_view, name="contact-create"),
    path(f"{BASE}people/<uuid:contact_id>/", views.contact_detail, name="contact-detail"),
    path(
        f"{BASE}people/<uuid:contact_id>/change/",
        views.contact_update_view,
        name="contact-update",
    ),
    path(
        f"{BASE}people/<uuid:contact_id>/letters/<str:template>/",
        views.letter_create,
        name="letter-create",
    ),
    path(f"{BASE}steps/add/", views.step_create, name="step-create"),
    path(f"{BASE}draft-comments/add/", views.comment_create, name="comment-create"),
    path(
        f"{BASE}draft-comments/<uuid:comment_id>/respond/",
        views.comment_respond,
        name="comment-respond",
    ),
    path(f"{BASE}perpetrator/add/", views.perpetrator_create, name="perpetrator-create"),
]
