"""The national catalogue: every DHRD incident, counts equal to the CSV files, idempotent."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from dhr.library import selectors
from dhr.library.demo import dhrd_path
from dhr.library.filters import parse_filters
from dhr.library.models import CataloguePerson, CatalogueRecord

DHRD = dhrd_path()
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not (DHRD / "incidents.csv").exists(), reason="DHRD data not present"),
]


def _rows(name: str) -> list[dict[str, str]]:
    with (Path(DHRD) / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _facet(name: str) -> dict[str, int]:
    filters = parse_filters({}, known_csps=[], known_years=[])
    page = selectors.library_search(filters=filters)
    return {option.value: option.count for option in page.facets[name]}


def test_import_loads_every_incident_and_person() -> None:
    call_command("import_dhrd", str(DHRD))
    incidents = _rows("incidents.csv")
    assert CatalogueRecord.objects.filter(source="dhrd").count() == len(incidents) == 647
    assert CataloguePerson.objects.filter(role="victim").count() == len(_rows("victims.csv"))
    assert CataloguePerson.objects.filter(role="perpetrator").count() == len(
        _rows("perpetrators.csv")
    )
    record = CatalogueRecord.objects.get(dhrd_incident_id="INC-0001")
    assert record.csp_name == "Lincoln"
    assert record.death_year == 2018
    assert record.coercive_control is True and record.stalking is False
    assert "CC BY 4.0" in record.attribution
    assert record.has_text is False


def test_counts_by_region_and_relationship_equal_the_csv_files() -> None:
    call_command("import_dhrd", str(DHRD))
    regions = Counter(row["region"] for row in _rows("incidents.csv"))
    assert _facet("region") == dict(regions)
    by_relationship: dict[str, set[str]] = {}
    for row in _rows("victims.csv"):
        by_relationship.setdefault(row["relationship_to_perpetrator"], set()).add(
            row["incident_id"]
        )
    assert _facet("relationship") == {k: len(v) for k, v in by_relationship.items()}
    assert sum(_facet("region").values()) == 647


def test_second_import_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    call_command("import_dhrd", str(DHRD))
    before = dict(CatalogueRecord.objects.values_list("dhrd_incident_id", "updated_at"))
    people = set(CataloguePerson.objects.values_list("pk", flat=True))
    call_command("import_dhrd", str(DHRD))
    assert "0 created, 0 updated, 647 unchanged" in capsys.readouterr().out
    assert dict(CatalogueRecord.objects.values_list("dhrd_incident_id", "updated_at")) == before
    assert set(CataloguePerson.objects.values_list("pk", flat=True)) == people


def test_a_changed_row_is_updated_in_place(tmp_path: Path) -> None:
    call_command("import_dhrd", str(DHRD))
    for name in ("incidents.csv", "victims.csv", "perpetrators.csv"):
        text = (Path(DHRD) / name).read_text(encoding="utf-8")
        if name == "incidents.csv":
            text = text.replace("INC-0001,Lincoln,", "INC-0001,Lincoln City,", 1)
        (tmp_path / name).write_text(text, encoding="utf-8")
    call_command("import_dhrd", str(tmp_path))
    assert CatalogueRecord.objects.get(dhrd_incident_id="INC-0001").csp_name == "Lincoln City"
    assert CatalogueRecord.objects.filter(source="dhrd").count() == 647


def test_missing_files_are_a_clear_error(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="missing incidents.csv"):
        call_command("import_dhrd", str(tmp_path))
