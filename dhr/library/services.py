"""Every write to the library: publication from this service and the DHRD import.

Publication (another app) calls `publication_upsert` with plain values only, so the library
never imports case data; the DHRD import calls `catalogue_import_dhrd`. Both keep the search
index in step, inside the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from dhr.library import dhrd, taxonomy
from dhr.library.html_clean import clean_html, text_to_html
from dhr.library.models import (
    CataloguePerson,
    CatalogueRecord,
    PublicRecommendation,
    PublishedReport,
    RecommendationTheme,
)
from dhr.search.backends import search_backend

LOCAL_ATTRIBUTION = "Published by the Community Safety Partnership through DHR Manager."


def document_id(record: CatalogueRecord, language: str = "en") -> str:
    """The search index id of a record's text in one language."""
    return f"{record.pk}:{language}"


def record_id_from_document(doc_id: str) -> str:
    return doc_id.split(":", 1)[0]


def metadata_text(record: CatalogueRecord, people: Sequence[CataloguePerson]) -> str:
    """What makes a record findable by words even without text: place, year, tags."""
    flags = [str(label) for value, label in taxonomy.FLAGS.choices if getattr(record, value)]
    relationships = [taxonomy.RELATIONSHIPS.label(p.relationship) for p in people if p.relationship]
    parts = [
        record.csp_name,
        taxonomy.REGIONS.label(record.region),
        record.death_date_text,
        record.cause_of_death,
        *relationships,
        *flags,
        record.summary,
    ]
    return "\n".join(part for part in parts if part)


def _index_record(record: CatalogueRecord, people: Sequence[CataloguePerson]) -> None:
    """A record without text is indexed by its metadata alone, under its English id."""
    search_backend().index(document_id(record), record.title, metadata_text(record, people), "en")


# --- DHRD ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


def _record_values(incident: dhrd.Incident) -> dict[str, Any]:
    row = incident.row
    death = row["death_date"] or "date not known"
    values: dict[str, Any] = {
        "source": CatalogueRecord.Source.DHRD,
        "slug": slugify(f"dhrd-{incident.incident_id}"),
        "title": f"Domestic Homicide Review: {row['csp']}, death {death}",
        "csp_name": row["csp"],
        "region": row["region"],
        "death_year": dhrd.death_year(row["death_date"]),
        "death_date_text": row["death_date"],
        "multiple_victims": dhrd.parse_bool(row["multiple_victims"]),
        "cause_of_death": row["cause_of_death"],
        "location_of_death": row["location_of_death"],
        "has_text": False,
        "attribution": dhrd.ATTRIBUTION,
    }
    for flag in taxonomy.INCIDENT_FLAGS:
        values[flag] = dhrd.parse_bool(row.get(flag, ""))
    return values


def _people_values(incident: dhrd.Incident) -> list[dict[str, Any]]:
    people = []
    for role, rows, id_key, age_key, sex_key in (
        ("victim", incident.victims, "victim_id", "age_at_death", "sex_of_victim"),
        (
            "perpetrator",
            incident.perpetrators,
            "perpetrator_id",
            "age_at_fatal_incident",
            "sex_of_perpetrator",
        ),
    ):
        for row in rows:
            rest = {
                k: v for k, v in row.items() if k not in {id_key, "incident_id", age_key, sex_key}
            }
            people.append(
                {
                    "role": role,
                    "source_id": row[id_key],
                    "age_band": row[age_key],
                    "sex": row[sex_key],
                    "relationship": rest.pop("relationship_to_perpetrator", ""),
                    "attributes": rest,
                }
            )
    return people


def _person_key(person: CataloguePerson | Mapping[str, Any]) -> tuple[Any, ...]:
    get = person.get if isinstance(person, Mapping) else lambda k: getattr(person, k)
    return tuple(get(k) for k in ("role", "source_id", "age_band", "sex", "relationship")) + (
        sorted(get("attributes").items()),
    )


@transaction.atomic
def catalogue_import_dhrd(*, path: Path) -> ImportResult:
    """Loads every DHRD incident as a catalogue record, keyed by its incident id.

    Idempotent: a record whose values and people are unchanged is not written again, so a
    second run reports every record unchanged and touches no row.
    """
    incidents = dhrd.read_dataset(Path(path))
    existing = {r.dhrd_incident_id: r for r in CatalogueRecord.objects.filter(source="dhrd")}
    people_by_record: dict[Any, list[CataloguePerson]] = {}
    for person in CataloguePerson.objects.filter(record__source="dhrd"):
        people_by_record.setdefault(person.record_id, []).append(person)
    created = updated = unchanged = 0
    for incident in incidents:
        values = _record_values(incident)
        people = _people_values(incident)
        record = existing.get(incident.incident_id)
        if record is None:
            record = CatalogueRecord(dhrd_incident_id=incident.incident_id, **values)
            record.full_clean()
            record.save()
            created += 1
            current: list[CataloguePerson] = []
        else:
            current = people_by_record.get(record.pk, [])
            same_record = all(getattr(record, k) == v for k, v in values.items())
            same_people = sorted(map(_person_key, current)) == sorted(map(_person_key, people))
            if same_record and same_people:
                unchanged += 1
                continue
            for key, value in values.items():
                setattr(record, key, value)
            record.full_clean()
            record.save()
            record.people.all().delete()
            updated += 1
        current = CataloguePerson.objects.bulk_create(
            CataloguePerson(record=record, **person) for person in people
        )
        _index_record(record, current)
    return ImportResult(created=created, updated=updated, unchanged=unchanged)


# --- Publication from this service ------------------------------------------------------


def publication_slug(*, csp_name: str, year: int, number: int) -> str:
    """A stable public address with no names in it: CSP, year of publication, number."""
    return slugify(f"{csp_name}-{year}-{number}")


def _require(values: Sequence[str], vocabulary: taxonomy.Vocabulary, field: str) -> None:
    unknown = sorted(set(values) - vocabulary.values)
    if unknown:
        raise ValidationError({field: f"not in the national {vocabulary.name} list: {unknown}"})


def _validate_people(people: Sequence[Mapping[str, str]], field: str) -> None:
    _require([p.get("age_band", "Unknown") for p in people], taxonomy.AGE_BANDS, field)
    _require([p.get("sex", "Unknown") for p in people], taxonomy.SEXES, field)
    relationships = [p["relationship"] for p in people if p.get("relationship")]
    _require(relationships, taxonomy.RELATIONSHIPS, field)


def _html(html: str, text: str) -> str:
    return clean_html(html) if html.strip() else text_to_html(text)


@transaction.atomic
def publication_upsert(
    *,
    slug: str,
    title: str,
    csp_name: str,
    region: str,
    year_of_death: int | None,
    victims: Sequence[Mapping[str, str]],
    perpetrators: Sequence[Mapping[str, str]],
    flags: Sequence[str],
    summary: str,
    overview_text: str,
    overview_html: str = "",
    executive_summary_text: str = "",
    executive_summary_html: str = "",
    briefing_text: str = "",
    briefing_html: str = "",
    recommendations: Sequence[Mapping[str, Any]] = (),
    language: str = "en",
    translation_of: str | None = None,
    published_on: dt.date,
    retention_ends_on: dt.date | None = None,
) -> PublishedReport:
    """Creates or replaces one published report and its catalogue record (R64, R67, R73).

    `victims` and `perpetrators` are mappings with `age_band`, `sex` (and, for victims,
    `relationship` to the perpetrator) in the national vocabularies of `taxonomy`; `flags` are
    DHR categories and aggravating factors; each recommendation has `text`, `addressee`,
    `sector`, `themes` and `status`. A Welsh version names the English report's slug in
    `translation_of` and shares its catalogue record. Calling again with the same slug replaces
    the text, the recommendations and the index entry: publication can be re-run safely.
    HTML is rebuilt through an allowlist; without HTML, the plain text is set as paragraphs.
    """
    _require([region], taxonomy.REGIONS, "region")
    _require(flags, taxonomy.FLAGS, "flags")
    _require([language], taxonomy.LANGUAGES, "language")
    _validate_people(victims, "victims")
    _validate_people(perpetrators, "perpetrators")
    for rec in recommendations:
        _require([rec["sector"]], taxonomy.SECTORS, "recommendations")
        _require(list(rec.get("themes", ())), taxonomy.THEMES, "recommendations")
        _require(
            [rec.get("status", "not_known")], taxonomy.IMPLEMENTATION_STATUSES, "recommendations"
        )

    original = None
    if translation_of:
        original = PublishedReport.objects.select_related("record").get(slug=translation_of)
        record = original.record
    else:
        record = CatalogueRecord.objects.filter(
            source="local", slug=slug
        ).first() or CatalogueRecord(source=CatalogueRecord.Source.LOCAL, slug=slug)
    record_values = {
        "title": title if original is None else record.title,
        "csp_name": csp_name,
        "region": region,
        "death_year": year_of_death,
        "death_date_text": str(year_of_death or ""),
        "multiple_victims": len(victims) > 1,
        "summary": summary if original is None else record.summary,
        "has_text": True,
        "published_on": min(filter(None, [record.published_on, published_on])),
        "attribution": LOCAL_ATTRIBUTION,
    }
    for key, value in record_values.items():
        setattr(record, key, value)
    for flag in taxonomy.INCIDENT_FLAGS:
        setattr(record, flag, flag in flags)
    record.full_clean()
    record.save()

    people = [
        CataloguePerson(
            role="victim",
            source_id=f"V{i}",
            age_band=p.get("age_band", "Unknown"),
            sex=p.get("sex", "Unknown"),
            relationship=p.get("relationship", ""),
        )
        for i, p in enumerate(victims, start=1)
    ] + [
        CataloguePerson(
            role="perpetrator",
            source_id=f"P{i}",
            age_band=p.get("age_band", "Unknown"),
            sex=p.get("sex", "Unknown"),
        )
        for i, p in enumerate(perpetrators, start=1)
    ]
    record.people.all().delete()
    for person in people:
        person.record = record
    people = CataloguePerson.objects.bulk_create(people)

    report = PublishedReport.objects.filter(record=record, language=language).first()
    report = report or PublishedReport(record=record, language=language)
    report.slug = slug
    report.translation_of = original
    report.title = title
    report.published_on = published_on
    report.retention_ends_on = retention_ends_on
    report.overview_text = overview_text
    report.overview_html = _html(overview_html, overview_text)
    report.executive_summary_text = executive_summary_text
    report.executive_summary_html = _html(executive_summary_html, executive_summary_text)
    report.briefing_text = briefing_text
    report.briefing_html = _html(briefing_html, briefing_text)
    report.full_clean()
    report.save()

    report.recommendations.all().delete()
    for position, rec in enumerate(recommendations, start=1):
        recommendation = PublicRecommendation(
            report=report,
            position=position,
            text=rec["text"],
            addressee=rec["addressee"],
            sector=rec["sector"],
            status=rec.get("status", "not_known"),
        )
        recommendation.full_clean()
        recommendation.save()
        RecommendationTheme.objects.bulk_create(
            RecommendationTheme(recommendation=recommendation, theme=theme)
            for theme in dict.fromkeys(rec.get("themes", ()))
        )

    _index_report(report, people)
    return report


def _index_report(report: PublishedReport, people: Sequence[CataloguePerson]) -> None:
    record = report.record
    texts = [
        metadata_text(record, people) if report.language == "en" else "",
        report.executive_summary_text,
        report.overview_text,
        report.briefing_text,
        *report.recommendations.values_list("text", flat=True),
    ]
    search_backend().index(
        document_id(record, report.language),
        report.title,
        "\n\n".join(t for t in texts if t),
        report.language,
    )
