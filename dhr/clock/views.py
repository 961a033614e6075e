"""Placeholder module: being written."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


def _todo(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponseNotFound()


dashboard = clock_detail = pause_create = pause_end = _todo
