from __future__ import annotations

from django.urls import path

from dhr.chronology import views, views_combined

app_name = "chronology"

R = "reviews/<uuid:review_id>/chronology/"

urlpatterns = [
    path(
        "chronology/template.xlsx",
        views.template_download,
        {"fmt": "xlsx"},
        name="template-xlsx",
    ),
    path("chronology/template.csv", views.template_download, {"fmt": "csv"}, name="template-csv"),
    path(R, views.agency_chronology, name="agency-chronology"),
    path(R + "entries/add/", views.entry_create, name="entry-create"),
    path(R + "upload/", views.upload, name="upload"),
    path(
        R + "submissions/<uuid:submission_id>/",
        views.submission_detail,
        name="submission-detail",
    ),
    path(R + "combined/", views_combined.combined, name="combined"),
    path(R + "combined/export.xlsx", views_combined.export_xlsx, name="export-xlsx"),
    path(R + "combined/export.docx", views_combined.export_docx, name="export-docx"),
    path(R + "combined/settings/", views_combined.settings_change, name="settings"),
    path(R + "combined/sharing/", views_combined.sharing_change, name="sharing"),
    path(
        R + "entries/<uuid:entry_id>/mark/",
        views_combined.entry_mark_view,
        name="entry-mark",
    ),
]
