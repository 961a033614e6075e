"""Open data: the catalogue as CSV and JSON in DHRD-compatible columns, and the Atom feed.

Column names and value spellings follow the DHRD files (incidents.csv, then the victim and
perpetrator columns; booleans as True/False), with the library's own columns after them, so a
researcher can stack our export on the dataset. Several people in one record are joined
with "; ". The CSV stays plain CSV: the licence is in the JSON metadata, the HTTP `Link`
header and the about page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from typing import Any

from django.utils import feedgenerator

from dhr.library import dhrd, taxonomy
from dhr.library.models import CatalogueRecord, PublishedReport

INCIDENT_COLUMNS = [
    "incident_id",
    "csp",
    "region",
    "death_date",
    "multiple_victims",
    "cause_of_death",
    "location_of_death",
    *taxonomy.INCIDENT_FLAGS,
]
PEOPLE_COLUMNS = [
    "age_at_death",
    "sex_of_victim",
    "relationship_to_perpetrator",
    "age_at_fatal_incident",
    "sex_of_perpetrator",
]
LIBRARY_COLUMNS = ["source", "slug", "title", "has_text", "published_on", "url"]
CSV_COLUMNS = INCIDENT_COLUMNS + PEOPLE_COLUMNS + LIBRARY_COLUMNS


def _bool(value: bool) -> str:
    return "True" if value else "False"


def record_row(record: CatalogueRecord, url: str) -> dict[str, str]:
    people = list(record.people.all())
    victims = [p for p in people if p.role == "victim"]
    perpetrators = [p for p in people if p.role == "perpetrator"]
    row = {
        "incident_id": record.dhrd_incident_id or "",
        "csp": record.csp_name,
        "region": record.region,
        "death_date": record.death_date_text,
        "multiple_victims": _bool(record.multiple_victims),
        "cause_of_death": record.cause_of_death,
        "location_of_death": record.location_of_death,
        **{flag: _bool(getattr(record, flag)) for flag in taxonomy.INCIDENT_FLAGS},
        "age_at_death": "; ".join(p.age_band for p in victims),
        "sex_of_victim": "; ".join(p.sex for p in victims),
        "relationship_to_perpetrator": "; ".join(p.relationship for p in victims),
        "age_at_fatal_incident": "; ".join(p.age_band for p in perpetrators),
        "sex_of_perpetrator": "; ".join(p.sex for p in perpetrators),
        "source": record.source,
        "slug": record.slug,
        "title": record.title,
        "has_text": _bool(record.has_text),
        "published_on": record.published_on.isoformat() if record.published_on else "",
        "url": url,
    }
    return row


def catalogue_csv(records: Iterable[CatalogueRecord], url_for: Callable[[str], str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow(record_row(record, url_for(record.slug)))
    return buffer.getvalue()


def _person(person: Any) -> dict[str, Any]:
    if person.role == "victim":
        named = {
            "victim_id": person.source_id,
            "age_at_death": person.age_band,
            "sex_of_victim": person.sex,
            "relationship_to_perpetrator": person.relationship,
        }
    else:
        named = {
            "perpetrator_id": person.source_id,
            "age_at_fatal_incident": person.age_band,
            "sex_of_perpetrator": person.sex,
        }
    return {**named, **person.attributes}


def catalogue_json(
    records: Iterable[CatalogueRecord], url_for: Callable[[str], str], *, about_url: str
) -> dict[str, Any]:
    items = []
    for record in records:
        row: dict[str, Any] = record_row(record, url_for(record.slug))
        for key in ("multiple_victims", "has_text", *taxonomy.INCIDENT_FLAGS):
            row[key] = row[key] == "True"
        for key in PEOPLE_COLUMNS:
            row.pop(key)
        people = list(record.people.all())
        row["victims"] = [_person(p) for p in people if p.role == "victim"]
        row["perpetrators"] = [_person(p) for p in people if p.role == "perpetrator"]
        row["attribution"] = record.attribution
        items.append(row)
    return {
        "metadata": {
            "title": "DHR Manager public library catalogue",
            "description": "One object per catalogue record: national DHRD entries and reports "
            "published through this service. Columns follow the DHRD dataset.",
            "licence": dhrd.LICENCE_NAME,
            "licence_url": dhrd.LICENCE_URL,
            "attribution": dhrd.ATTRIBUTION,
            "citation": dhrd.CITATION,
            "caution": dhrd.CAUTION,
            "documentation": about_url,
            "record_count": len(items),
        },
        "records": items,
    }


def atom_feed(
    reports: Iterable[PublishedReport],
    *,
    feed_url: str,
    library_url: str,
    url_for: Callable[[str], str],
    title: str,
    description: str,
) -> str:
    """Valid Atom 1.0 (Django's generator escapes every value); one entry per publication."""
    feed = feedgenerator.Atom1Feed(
        title=title,
        link=library_url,
        description=description,
        language="en",
        feed_url=feed_url,
        author_name="DHR Manager",
        feed_guid=feed_url,
    )
    for report in reports:
        url = url_for(report.slug)
        feed.add_item(
            title=report.title,
            link=url,
            description=report.record.summary or report.executive_summary_text[:500],
            unique_id=url,
            author_name=report.record.csp_name,
            pubdate=_midnight(report.published_on),
            updateddate=report.updated_at,
            categories=[taxonomy.LANGUAGES.label(report.language)],
        )
    return feed.writeString("utf-8")


def _midnight(day: Any) -> Any:
    import datetime as dt

    return dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)
