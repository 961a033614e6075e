from __future__ import annotations

from django.urls import path

from dhr.documents import views

app_name = "documents"

R = "reviews/<uuid:review_id>/documents/"

urlpatterns = [
    path(R, views.document_list, name="document-list"),
    path(R + "upload/", views.document_upload, name="document-upload"),
    path(R + "<uuid:document_id>/download/", views.document_download, name="document-download"),
]
