from __future__ import annotations

from django.urls import path

from dhr.reviews.views import appointments, decision, eligibility, home_office, notification, review

app_name = "reviews"

R = "<uuid:review_id>/"

urlpatterns = [
    path("", review.review_list, name="review-list"),
    path("notify/", notification.notification_create, name="notification-create"),
    path(R, review.review_detail, name="review-detail"),
    path(R + "timeline/", review.review_timeline, name="review-timeline"),
    path(R + "members/", review.member_list, name="member-list"),
    path(R + "members/add/", review.member_add, name="member-add"),
    path(R + "lifecycle/<slug:transition>/", review.lifecycle_advance, name="lifecycle-advance"),
    path(R + "notification/", notification.notification_detail, name="notification-detail"),
    path(R + "eligibility/", eligibility.eligibility_assess, name="eligibility-assess"),
    path(
        R + "eligibility/<uuid:assessment_id>/",
        eligibility.eligibility_detail,
        name="eligibility-detail",
    ),
    path(R + "decision/", decision.decision_create, name="decision-create"),
    path(
        R + "home-office/letter.<str:fmt>", home_office.letter_download, name="home-office-letter"
    ),
    path(R + "home-office/sent/", home_office.letter_mark_sent, name="home-office-sent"),
    path(R + "home-office/response/", home_office.response_record, name="home-office-response"),
    path(
        R + "agency-declines/add/", home_office.agency_decline_create, name="agency-decline-create"
    ),
    path(
        R + "agency-declines/<uuid:decline_id>/letter.<str:fmt>",
        home_office.agency_decline_letter,
        name="agency-decline-letter",
    ),
    path(R + "appointments/add/", appointments.appointment_create, name="appointment-create"),
]
