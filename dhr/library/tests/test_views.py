"""The public library as a visitor uses it: no sign-in, filters, search, exports, feed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from django.test import Client

from dhr.library.demo import DEMO_PHRASE, DEMO_SLUG, seed
from dhr.library.models import CatalogueRecord
from dhr.library.services import publication_upsert

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _publish(**overrides: Any) -> Any:
    values: dict[str, Any] = {
        "slug": "eastshire-2025-1",
        "title": "Review of the death of Bea (pseudonym)",
        "csp_name": "Eastshire CSP",
        "region": "East",
        "year_of_death": 2022,
        "victims": [{"age_band": "65+", "sex": "Female", "relationship": "Parent"}],
        "perpetrators": [{"age_band": "35-44", "sex": "Male"}],
        "flags": ["parricide", "economic_abuse"],
        "summary": "An older mother killed by her son.",
        "overview_text": "The carers assessment never considered the son's debts.",
        "recommendations": [
            {
                "text": "Adult social care should assess carers' finances.",
                "addressee": "Eastshire Adult Social Care",
                "sector": "social_services",
                "themes": ["policy"],
                "status": "not_started",
            }
        ],
        "published_on": dt.date(2025, 6, 1),
    }
    return publication_upsert(**{**values, **overrides})


@pytest.fixture
def demo() -> None:
    seed(stdout=io.StringIO())


def test_every_page_is_public(client: Client, demo: None) -> None:
    for path in (
        "/library/",
        "/library/?q=agencies",
        "/library/about/",
        "/library/catalogue.csv",
        "/library/catalogue.json",
        "/library/feed.atom",
        f"/library/reports/{DEMO_SLUG}/",
        f"/library/reports/{DEMO_SLUG}-cy/",
        "/library/reports/dhrd-inc-0001/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "public" in response["Cache-Control"], path
    assert client.get("/library/reports/no-such-report/").status_code == 404


def test_a_phrase_from_the_analysis_finds_the_report(client: Client, demo: None) -> None:
    page = client.get("/library/", {"q": f'"{DEMO_PHRASE}"'}).content.decode()
    assert f"/library/reports/{DEMO_SLUG}/" in page
    assert "<mark>" in page
    assert "1 review" in page


def test_report_page_lists_recommendations_and_links_languages(client: Client, demo: None) -> None:
    page = client.get(f"/library/reports/{DEMO_SLUG}/").content.decode()
    assert "Westshire Police" in page
    assert "In progress" in page
    assert f'href="/library/reports/{DEMO_SLUG}-cy/"' in page
    welsh = client.get(f"/library/reports/{DEMO_SLUG}-cy/").content.decode()
    assert f'href="/library/reports/{DEMO_SLUG}/"' in welsh
    assert 'lang="cy"' in welsh


def test_catalogue_entry_without_text_says_so(client: Client, demo: None) -> None:
    if not CatalogueRecord.objects.filter(source="dhrd").exists():
        pytest.skip("DHRD data not present")
    page = client.get("/library/", {"region": "North East"}).content.decode()
    assert "No text: catalogue entry from the Home Office DHR library metadata (DHRD)" in page
    assert "27 reviews" in page


def test_filters_narrow_and_count(client: Client) -> None:
    _publish()
    _publish(
        slug="northshire-2025-1",
        region="North East",
        flags=["stalking"],
        victims=[],
        recommendations=[],
    )
    page = client.get("/library/", {"flag": "parricide"}).content.decode()
    assert "1 review" in page and "eastshire-2025-1" in page and "northshire" not in page
    page = client.get("/library/", {"sector": "social_services"}).content.decode()
    assert "eastshire-2025-1" in page and "northshire" not in page
    page = client.get("/library/", {"victim_age": "65+", "theme": "policy"}).content.decode()
    assert "eastshire-2025-1" in page
    page = client.get("/library/", {"region": "North East"}).content.decode()
    assert "northshire-2025-1" in page and "eastshire-2025-1" not in page


def test_unknown_filter_values_are_ignored_with_a_notice(client: Client) -> None:
    _publish()
    response = client.get("/library/", {"region": "Atlantis", "year": "abc", "colour": "red"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "have been ignored" in page
    assert "Atlantis" in page and "eastshire-2025-1" in page


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE library_cataloguerecord; --",
        'NEAR(a b) * " AND OR NOT',
        "ŵ ŷ â tŷ",
        "x" * 1000,
        '"unbalanced',
        "\x00\x02\x03<script>",
    ],
)
def test_bad_queries_never_fail(client: Client, query: str) -> None:
    _publish()
    response = client.get("/library/", {"q": query})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_search_only_finds_published_library_text(client: Client) -> None:
    _publish()
    # Text that exists nowhere in the library's own tables is not findable, whatever else the
    # database holds: the library searches only its own index.
    page = client.get("/library/", {"q": "unpublishedsecretphrase"}).content.decode()
    assert "0 reviews" in page


def test_expired_text_is_withdrawn_but_the_entry_remains(client: Client) -> None:
    _publish(retention_ends_on=dt.date(2020, 1, 1))
    assert "0 reviews" in client.get("/library/", {"q": "debts"}).content.decode()
    page = client.get("/library/reports/eastshire-2025-1/").content.decode()
    assert "retention period of this report has ended" in page
    assert "debts" not in page


def test_catalogue_csv_and_json_parse_with_one_entry_per_record(client: Client) -> None:
    _publish()
    response = client.get("/library/catalogue.csv")
    assert 'rel="license"' in response["Link"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == CatalogueRecord.objects.count() == 1
    assert rows[0]["csp"] == "Eastshire CSP" and rows[0]["parricide"] == "True"
    assert rows[0]["relationship_to_perpetrator"] == "Parent"
    data = json.loads(client.get("/library/catalogue.json").content)
    assert data["metadata"]["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert "Cook" in data["metadata"]["attribution"]
    assert len(data["records"]) == 1
    assert data["records"][0]["victims"][0]["age_at_death"] == "65+"


def test_feed_is_atom_with_escaped_titles(client: Client) -> None:
    _publish(title="Review <of> Bea & family")
    response = client.get("/library/feed.atom")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, parsed in a test
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Review <of> Bea & family"]
    assert root.find(f"{ATOM}updated") is not None and root.find(f"{ATOM}id") is not None


def test_published_html_is_cleaned(client: Client) -> None:
    _publish(overview_html='<h1 onclick="x()">Analysis</h1><script>alert(1)</script><p>Fine</p>')
    page = client.get("/library/reports/eastshire-2025-1/").content.decode()
    assert "alert(1)" not in page and "onclick" not in page
    assert '<h2 class="govuk-heading-m">Analysis</h2>' in page


def test_republishing_replaces_text_and_index(client: Client) -> None:
    _publish()
    _publish(overview_text="Entirely new analysis about housing.")
    assert "0 reviews" in client.get("/library/", {"q": "debts"}).content.decode()
    assert "1 review" in client.get("/library/", {"q": "housing"}).content.decode()


def test_publication_refuses_values_outside_the_taxonomy() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        _publish(region="Narnia")
    with pytest.raises(ValidationError):
        _publish(recommendations=[{"text": "t", "addressee": "a", "sector": "spies"}])
