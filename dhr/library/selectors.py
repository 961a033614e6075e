"""Every read of the library. Public: no user scoping, because only published material and
the national catalogue are here; the library never reads another app's tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from dhr.library import taxonomy
from dhr.library.filters import Filters
from dhr.library.models import (
    CataloguePerson,
    CatalogueRecord,
    PublicRecommendation,
    PublishedReport,
    RecommendationTheme,
)
from dhr.library.services import record_id_from_document
from dhr.search.backends import search_backend

PAGE_SIZE = 20
# Ceiling on ranked matches considered for one query: more than the catalogue holds today.
MAX_MATCHES = 20_000


def known_csps() -> list[str]:
    return list(
        CatalogueRecord.objects.order_by("csp_name").values_list("csp_name", flat=True).distinct()
    )


def known_years() -> list[int]:
    years = CatalogueRecord.objects.exclude(death_year=None).values_list("death_year", flat=True)
    return sorted(set(years), reverse=True)


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Result:
    record: CatalogueRecord
    snippet_html: str = ""
    snippet_language: str = ""


@dataclass
class LibraryPage:
    filters: Filters
    total: int
    page: Page[Any]
    results: list[Result]
    facets: dict[str, list[FacetOption]] = field(default_factory=dict)


def _today() -> dt.date:
    return timezone.localdate()


def _expired_documents() -> set[str]:
    """Index ids of texts whose retention has ended: the catalogue entry stays, the text goes."""
    expired = PublishedReport.objects.filter(retention_ends_on__lt=_today())
    return {
        f"{record_id}:{language}"
        for record_id, language in expired.values_list("record_id", "language")
    }


def _filtered(filters: Filters) -> QuerySet[CatalogueRecord]:
    records = CatalogueRecord.objects.all()
    chosen = filters.chosen
    if filters.years:
        records = records.filter(death_year__in=filters.years)
    if filters.csp:
        records = records.filter(csp_name=filters.csp)
    if filters.text_only:
        records = records.filter(has_text=True)
    if chosen.get("region"):
        records = records.filter(region__in=chosen["region"])
    if chosen.get("flag"):
        any_flag = Q()
        for flag in chosen["flag"]:
            any_flag |= Q(**{flag: True})
        records = records.filter(any_flag)
    for role, name, column in (
        ("victim", "victim_age", "age_band"),
        ("victim", "victim_sex", "sex"),
        ("victim", "relationship", "relationship"),
        ("perpetrator", "perpetrator_age", "age_band"),
        ("perpetrator", "perpetrator_sex", "sex"),
    ):
        if chosen.get(name):
            people = CataloguePerson.objects.filter(role=role, **{f"{column}__in": chosen[name]})
            records = records.filter(pk__in=people.values("record_id"))
    if chosen.get("sector"):
        recs = PublicRecommendation.objects.filter(sector__in=chosen["sector"])
        records = records.filter(pk__in=recs.values("report__record_id"))
    if chosen.get("theme"):
        themes = RecommendationTheme.objects.filter(theme__in=chosen["theme"])
        records = records.filter(pk__in=themes.values("recommendation__report__record_id"))
    return records


def _options(
    vocabulary: taxonomy.Vocabulary, counts: dict[str, int], selected: list[str]
) -> list[FacetOption]:
    return [
        FacetOption(value, str(label), counts.get(value, 0), value in selected)
        for value, label in vocabulary.choices
        if counts.get(value, 0) or value in selected
    ]


def _facets(records: QuerySet[CatalogueRecord], filters: Filters) -> dict[str, list[FacetOption]]:
    ids = records.order_by().values("pk")
    facets: dict[str, list[FacetOption]] = {}
    years = dict(
        records.order_by()
        .exclude(death_year=None)
        .values_list("death_year")
        .annotate(n=Count("pk"))
    )
    facets["year"] = [
        FacetOption(str(y), str(y), n, y in filters.years)
        for y, n in sorted(years.items(), reverse=True)
    ]
    regions = dict(records.order_by().values_list("region").annotate(n=Count("pk")))
    facets["region"] = _options(taxonomy.REGIONS, regions, filters.chosen["region"])
    csps = records.order_by("csp_name").values_list("csp_name").annotate(n=Count("pk"))
    facets["csp"] = [FacetOption(name, name, n, name == filters.csp) for name, n in csps]
    flag_counts = records.order_by().aggregate(
        **{flag: Count("pk", filter=Q(**{flag: True})) for flag in taxonomy.INCIDENT_FLAGS}
    )
    facets["flag"] = _options(taxonomy.FLAGS, flag_counts, filters.chosen["flag"])
    people = CataloguePerson.objects.filter(record__in=ids).order_by()
    for role, name, column, vocabulary in (
        ("victim", "victim_age", "age_band", taxonomy.AGE_BANDS),
        ("victim", "victim_sex", "sex", taxonomy.SEXES),
        ("victim", "relationship", "relationship", taxonomy.RELATIONSHIPS),
        ("perpetrator", "perpetrator_age", "age_band", taxonomy.AGE_BANDS),
        ("perpetrator", "perpetrator_sex", "sex", taxonomy.SEXES),
    ):
        counts = dict(
            people.filter(role=role)
            .values_list(column)
            .annotate(n=Count("record_id", distinct=True))
        )
        facets[name] = _options(vocabulary, counts, filters.chosen[name])
    sectors = dict(
        PublicRecommendation.objects.filter(report__record__in=ids)
        .order_by()
        .values_list("sector")
        .annotate(n=Count("report__record_id", distinct=True))
    )
    facets["sector"] = _options(taxonomy.SECTORS, sectors, filters.chosen["sector"])
    themes = dict(
        RecommendationTheme.objects.filter(recommendation__report__record__in=ids)
        .order_by()
        .values_list("theme")
        .annotate(n=Count("recommendation__report__record_id", distinct=True))
    )
    facets["theme"] = _options(taxonomy.THEMES, themes, filters.chosen["theme"])
    return facets


def library_search(*, filters: Filters) -> LibraryPage:
    """Catalogue records matching the filters and, if given, the words: best match first."""
    records = _filtered(filters)
    if not filters.q:
        paginator = Paginator(records.prefetch_related("reports"), PAGE_SIZE)
        page = paginator.get_page(filters.page)
        results = [Result(record) for record in page.object_list]
        return LibraryPage(filters, paginator.count, page, results, _facets(records, filters))

    backend = search_backend()
    expired = _expired_documents()
    # A dict keeps the first (best-ranked) position of each record in O(1) per hit.
    ranked_positions: dict[str, None] = {}
    for doc_id in backend.ranked_ids(filters.q, limit=MAX_MATCHES):
        if doc_id in expired:
            continue
        ranked_positions.setdefault(record_id_from_document(doc_id), None)
    ranked = list(ranked_positions)
    allowed = {str(pk) for pk in records.filter(pk__in=ranked).values_list("pk", flat=True)}
    ordered = [record_id for record_id in ranked if record_id in allowed]
    records = records.filter(pk__in=ordered)
    paginator = Paginator(ordered, PAGE_SIZE)
    page = paginator.get_page(filters.page)
    by_id = {
        str(r.pk): r for r in records.filter(pk__in=page.object_list).prefetch_related("reports")
    }
    results = [Result(by_id[record_id]) for record_id in page.object_list if record_id in by_id]
    within = [
        f"{r.record.pk}:{language}" for r in results for language in taxonomy.LANGUAGES.values
    ]
    within = [doc_id for doc_id in within if doc_id not in expired]
    snippets: dict[str, tuple[str, str]] = {}
    for hit in backend.search(filters.q, limit=len(within), within=within):
        record_id = record_id_from_document(hit.doc_id)
        snippets.setdefault(record_id, (hit.snippet_html, hit.doc_id.rsplit(":", 1)[1]))
    for result in results:
        if str(result.record.pk) in snippets:
            result.snippet_html, result.snippet_language = snippets[str(result.record.pk)]
    return LibraryPage(filters, paginator.count, page, results, _facets(records, filters))


@dataclass
class Entry:
    record: CatalogueRecord
    report: PublishedReport | None
    other_languages: list[PublishedReport]
    text_withdrawn: bool
    victims: list[CataloguePerson]
    perpetrators: list[CataloguePerson]


def catalogue_entry_get(*, slug: str) -> Entry | None:
    """A record by its own slug or by the slug of one of its reports (a language version)."""
    report = PublishedReport.objects.select_related("record").filter(slug=slug).first()
    record = report.record if report else CatalogueRecord.objects.filter(slug=slug).first()
    if record is None:
        return None
    reports = list(
        record.reports.prefetch_related(
            Prefetch(
                "recommendations",
                queryset=PublicRecommendation.objects.prefetch_related("themes"),
            )
        )
    )
    if report is None and reports:
        report = next((r for r in reports if r.language == "en"), reports[0])
    else:
        report = next((r for r in reports if report and r.pk == report.pk), report)
    withdrawn = bool(report and report.retention_ends_on and report.retention_ends_on < _today())
    people = list(record.people.all())
    return Entry(
        record=record,
        report=report,
        other_languages=[r for r in reports if report is None or r.pk != report.pk],
        text_withdrawn=withdrawn,
        victims=[p for p in people if p.role == "victim"],
        perpetrators=[p for p in people if p.role == "perpetrator"],
    )


def catalogue_records_for_export() -> Iterator[CatalogueRecord]:
    records = CatalogueRecord.objects.order_by("source", "dhrd_incident_id", "slug")
    yield from records.prefetch_related("people").iterator(chunk_size=500)


def recent_publications(*, limit: int = 50) -> list[PublishedReport]:
    return list(
        PublishedReport.objects.select_related("record")
        .filter(Q(retention_ends_on=None) | Q(retention_ends_on__gte=_today()))
        .order_by("-published_on", "-created_at")[:limit]
    )
