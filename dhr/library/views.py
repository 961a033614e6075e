"""The public library's pages: thin views over selectors. No sign-in, no JavaScript needed."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from dhr.library import dhrd, exports, selectors, taxonomy
from dhr.library.filters import MULTI_FILTERS, parse_filters

# Public pages may be cached briefly; signed-in responses are made no-store by middleware.
public = cache_control(public=True, max_age=300)


def _link_header(request: HttpRequest) -> str:
    about = request.build_absolute_uri(reverse("library:about"))
    return f'<{dhrd.LICENCE_URL}>; rel="license", <{about}>; rel="describedby"'


def _report_url(request: HttpRequest):  # type: ignore[no-untyped-def]
    def url_for(slug: str) -> str:
        return request.build_absolute_uri(reverse("library:report-detail", kwargs={"slug": slug}))

    return url_for


FILTER_LABELS = {
    "year": gettext_lazy("Year of death"),
    "region": gettext_lazy("Region"),
    "csp": gettext_lazy("Community Safety Partnership"),
    "relationship": gettext_lazy("Relationship of the victim to the perpetrator"),
    "victim_age": gettext_lazy("Victim's age at death"),
    "victim_sex": gettext_lazy("Victim's sex"),
    "perpetrator_age": gettext_lazy("Perpetrator's age"),
    "perpetrator_sex": gettext_lazy("Perpetrator's sex"),
    "flag": gettext_lazy("DHR category and aggravating factors"),
    "sector": gettext_lazy("Recommendations to"),
    "theme": gettext_lazy("Recommendation themes"),
}


@require_safe
@public
def report_list(request: HttpRequest) -> HttpResponse:
    filters = parse_filters(
        request.GET, known_csps=selectors.known_csps(), known_years=selectors.known_years()
    )
    result = selectors.library_search(filters=filters)
    query = request.GET.copy()
    query.pop("page", None)
    groups = [
        (name, FILTER_LABELS[name], result.facets[name])
        for name in ("year", "region", *MULTI_FILTERS)
    ]
    return render(
        request,
        "library/report_list.html",
        {
            "result": result,
            "filters": filters,
            "groups": groups,
            "csp_options": result.facets["csp"],
            "page_query": query.urlencode(),
            "ignored": filters.ignored,
            "filter_labels": {k: str(v) for k, v in FILTER_LABELS.items()},
            "attribution": dhrd.ATTRIBUTION,
            "caution": dhrd.CAUTION,
        },
    )


@require_safe
@public
def report_detail(request: HttpRequest, slug: str) -> HttpResponse:
    entry = selectors.catalogue_entry_get(slug=slug)
    if entry is None:
        raise Http404
    flags = [str(label) for value, label in taxonomy.FLAGS.choices if getattr(entry.record, value)]
    return render(
        request,
        "library/report_detail.html",
        {
            "entry": entry,
            "record": entry.record,
            "report": entry.report,
            "flags": flags,
            "region_label": taxonomy.REGIONS.label(entry.record.region),
            "caution": dhrd.CAUTION,
        },
    )


@require_safe
@public
def about(request: HttpRequest) -> HttpResponse:
    vocabularies = [
        taxonomy.REGIONS,
        taxonomy.AGE_BANDS,
        taxonomy.SEXES,
        taxonomy.RELATIONSHIPS,
        taxonomy.FLAGS,
        taxonomy.SECTORS,
        taxonomy.THEMES,
        taxonomy.IMPLEMENTATION_STATUSES,
    ]
    return render(
        request,
        "library/about.html",
        {
            "citation": dhrd.CITATION,
            "licence_name": dhrd.LICENCE_NAME,
            "licence_url": dhrd.LICENCE_URL,
            "caution": dhrd.CAUTION,
            "columns": exports.CSV_COLUMNS,
            "vocabularies": vocabularies,
        },
    )


@require_safe
@public
def catalogue_csv(request: HttpRequest) -> HttpResponse:
    body = exports.catalogue_csv(selectors.catalogue_records_for_export(), _report_url(request))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="catalogue.csv"'
    response["Link"] = _link_header(request)
    return response


@require_safe
@public
def catalogue_json(request: HttpRequest) -> HttpResponse:
    data = exports.catalogue_json(
        selectors.catalogue_records_for_export(),
        _report_url(request),
        about_url=request.build_absolute_uri(reverse("library:about")),
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="catalogue.json"'
    response["Link"] = _link_header(request)
    return response


@require_safe
@public
def feed_atom(request: HttpRequest) -> HttpResponse:
    body = exports.atom_feed(
        selectors.recent_publications(),
        feed_url=request.build_absolute_uri(reverse("library:feed-atom")),
        library_url=request.build_absolute_uri(reverse("library:report-list")),
        url_for=_report_url(request),
        title=_("New publications in the DHR library"),
        description=_("Domestic Homicide Reviews published through DHR Manager."),
    )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
