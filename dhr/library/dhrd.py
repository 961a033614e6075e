"""Reading the DHRD CSV files (domain.md 4.10): plain Python, no Django.

The dataset is CC BY 4.0: every record made from it carries ATTRIBUTION, and the library
shows it on every page that lists DHRD data and in every export.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
CITATION = (
    "Cook, D., & Cook, E. A. (2026). The Domestic Homicide Review Dataset (DHRD) for England "
    "and Wales (Version 1.0.3) [Data set]. Zenodo. https://doi.org/10.5281/zenodo.21648010"
)
ATTRIBUTION = (
    f"{CITATION}. Licensed under {LICENCE_NAME}, {LICENCE_URL}. Derived from the tags the "
    "Home Office attaches to reports in its DHR Library, not coded from the report texts."
)
CAUTION = (
    "False or missing means 'not indicated in the Home Office metadata', "
    "not that the characteristic was absent."
)
INCIDENTS, VICTIMS, PERPETRATORS = "incidents.csv", "victims.csv", "perpetrators.csv"
INCIDENT_ID = re.compile(r"^INC-\d+$")
YEAR = re.compile(r"(\d{4})\s*$")


@dataclass
class Incident:
    incident_id: str
    row: dict[str, str]
    victims: list[dict[str, str]] = field(default_factory=list)
    perpetrators: list[dict[str, str]] = field(default_factory=list)


def parse_bool(value: str) -> bool:
    return value.strip().lower() == "true"


def death_year(text: str) -> int | None:
    """'September 2018' or '2018' -> 2018; anything else -> None."""
    match = YEAR.search(text or "")
    return int(match.group(1)) if match else None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def read_dataset(folder: Path) -> list[Incident]:
    """Every incident with its victim and perpetrator rows, in file order."""
    incidents: dict[str, Incident] = {}
    for row in _rows(folder / INCIDENTS):
        incident_id = row["incident_id"]
        if not INCIDENT_ID.match(incident_id):
            raise ValueError(f"{INCIDENTS}: unexpected incident_id {incident_id!r}")
        if incident_id in incidents:
            raise ValueError(f"{INCIDENTS}: {incident_id} appears twice")
        incidents[incident_id] = Incident(incident_id, row)
    linked: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(dict)
    for name in (VICTIMS, PERPETRATORS):
        for row in _rows(folder / name):
            if row["incident_id"] not in incidents:
                raise ValueError(f"{name}: {row['incident_id']} is not in {INCIDENTS}")
            linked[name].setdefault(row["incident_id"], []).append(row)
    for incident_id, incident in incidents.items():
        incident.victims = linked[VICTIMS].get(incident_id, [])
        incident.perpetrators = linked[PERPETRATORS].get(incident_id, [])
    return list(incidents.values())
