"""Top-level routes. Every route here must appear in docs/authorisation-matrix.md."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [
    path("", include("dhr.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("reviews/", include("dhr.reviews.urls")),
    path("", include("dhr.clock.urls")),
    # Feature apps give full paths themselves: review-scoped ones under reviews/<uuid:review_id>/.
    path("", include("dhr.panel.urls")),
    path("", include("dhr.contributions.urls")),
    path("", include("dhr.chronology.urls")),
    path("", include("dhr.documents.urls")),
    path("", include("dhr.family.urls")),
    path("", include("dhr.proceedings.urls")),
    path("", include("dhr.anonymisation.urls")),
    path("", include("dhr.library.urls")),
]

handler404 = "dhr.core.views.page_not_found"
handler403 = "dhr.core.views.permission_denied"
handler500 = "dhr.core.views.server_error"
