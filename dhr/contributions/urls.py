from __future__ import annotations

from django.urls import path

from dhr.contributions.views import imrs, requests

app_name = "contributions"

R = "reviews/<uuid:review_id>/"
REQ = R + "requests/<uuid:request_id>/"
IMR = R + "imrs/<uuid:imr_id>/"

urlpatterns = [
    path(R + "requests/", requests.request_list, name="request-list"),
    path(R + "requests/send/", requests.request_send_view, name="request-send"),
    path(REQ, requests.request_detail, name="request-detail"),
    path(REQ + "answer/", requests.request_answer, name="request-answer"),
    path(REQ + "due-date/", requests.request_due_date, name="request-due-date"),
    path(REQ + "escalate/", requests.request_escalate, name="request-escalate"),
    path(REQ + "imr/", imrs.imr_write, name="imr-write"),
    path(REQ + "imr/upload/", imrs.imr_upload_view, name="imr-upload"),
    path(IMR, imrs.imr_detail, name="imr-detail"),
    path(IMR + "submit/", imrs.imr_submit_view, name="imr-submit"),
    path(IMR + "return/", imrs.imr_return_view, name="imr-return"),
    path(IMR + "accept/", imrs.imr_accept_view, name="imr-accept"),
    path(IMR + "share/", imrs.imr_share_view, name="imr-share"),
    path(IMR + "versions/<uuid:version_id>/", imrs.imr_version, name="imr-version"),
]
