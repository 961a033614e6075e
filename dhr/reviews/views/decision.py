"""Placeholder module: being written. Every view here is replaced by its owner."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


def _todo(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponseNotFound()


notification_create = notification_detail = eligibility_assess = eligibility_detail = _todo
decision_create = letter_download = letter_mark_sent = response_record = _todo
agency_decline_create = agency_decline_letter = appointment_create = _todo
