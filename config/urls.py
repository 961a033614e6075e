"""Top-level routes. Every route here must appear in docs/authorisation-matrix.md."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("dhr.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("reviews/", include("dhr.reviews.urls")),
    path("", include("dhr.clock.urls")),
]

handler404 = "dhr.core.views.page_not_found"
handler403 = "dhr.core.views.permission_denied"
handler500 = "dhr.core.views.server_error"
