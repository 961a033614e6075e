"""Stable public addresses of the library (others link to and harvest them: do not rename)."""

from __future__ import annotations

from django.urls import path

from dhr.library import views

app_name = "library"

urlpatterns = [
    path("library/", views.report_list, name="report-list"),
    path("library/catalogue.csv", views.catalogue_csv, name="catalogue-csv"),
    path("library/catalogue.json", views.catalogue_json, name="catalogue-json"),
    path("library/feed.atom", views.feed_atom, name="feed-atom"),
    path("library/about/", views.about, name="about"),
    path("library/reports/<slug:slug>/", views.report_detail, name="report-detail"),
]
