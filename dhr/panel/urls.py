"""Panel routes, included at the site root (every path is given in full)."""

from __future__ import annotations

from django.urls import path

from dhr.panel.views import calendar, meetings, members, terms

app_name = "panel"

P = "reviews/<uuid:review_id>/panel/"
M = P + "meetings/<uuid:meeting_id>/"

urlpatterns = [
    path(P, members.panel_home, name="panel-home"),
    path(P + "members/", members.member_list, name="member-list"),
    path(P + "members/add/", members.member_add, name="member-add"),
    path(
        P + "members/<uuid:member_id>/declaration/",
        members.member_declaration,
        name="member-declaration",
    ),
    path(P + "agencies/", members.agency_list, name="agency-list"),
    path(P + "agencies/add/", members.agency_add, name="agency-add"),
    path(P + "meetings/", meetings.meeting_list, name="meeting-list"),
    path(P + "meetings/add/", meetings.meeting_create_view, name="meeting-create"),
    path(M, meetings.meeting_detail, name="meeting-detail"),
    path(M + "record/", meetings.meeting_record_view, name="meeting-record"),
    path(M + "actions/add/", meetings.action_add_view, name="action-add"),
    path(M + "actions/<uuid:action_id>/done/", meetings.action_done, name="action-done"),
    path(P + "terms/", terms.terms_detail, name="tor-detail"),
    path(P + "terms/new/", terms.terms_create, name="tor-create"),
    path(P + "terms/versions/", terms.terms_versions, name="tor-versions"),
    path(P + "terms/versions/<uuid:version_id>/", terms.terms_version_detail, name="tor-version"),
    path(P + "terms/terms-of-reference.docx", terms.terms_docx, name="tor-docx"),
    path("calendar/", calendar.calendar_settings, name="calendar-settings"),
    path("calendar/<str:token>.ics", calendar.calendar_feed, name="calendar-feed"),
]
