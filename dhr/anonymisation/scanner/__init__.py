"""The anonymisation scanner: plain Python, no Django, so it runs and is tested anywhere.

from dhr.anonymisation.scanner import Gazetteer, person_entries, scan, apply

gazetteer = Gazetteer(person_entries("Jane Smith", "Adele"))
findings = scan(text, gazetteer)            # gazetteer plus every registered detector
published = apply(text, [Decision(f, Action.PSEUDONYM) for f in findings], pseudonyms)
"""

from __future__ import annotations

from dhr.anonymisation.scanner.detectors import (
    BUILT_IN_DETECTORS,
    Detector,
    PatternDetector,
    Rule,
    default_detectors,
    detectors_named,
    nhs_number_is_valid,
    register_detector,
    unregister_detector,
)
from dhr.anonymisation.scanner.findings import Finding
from dhr.anonymisation.scanner.gazetteer import Gazetteer, GazetteerEntry, canonical
from dhr.anonymisation.scanner.scanner import Action, Decision, PseudonymMap, apply, scan
from dhr.anonymisation.scanner.variants import (
    GENERIC_REPLACEMENTS,
    address_entries,
    date_entries,
    date_forms,
    organisation_entries,
    person_entries,
    place_entries,
)
from dhr.anonymisation.scanner.welsh import mutate, mutated_forms

__all__ = [
    "BUILT_IN_DETECTORS",
    "GENERIC_REPLACEMENTS",
    "Action",
    "Decision",
    "Detector",
    "Finding",
    "Gazetteer",
    "GazetteerEntry",
    "PatternDetector",
    "PseudonymMap",
    "Rule",
    "address_entries",
    "apply",
    "canonical",
    "date_entries",
    "date_forms",
    "default_detectors",
    "detectors_named",
    "mutate",
    "mutated_forms",
    "nhs_number_is_valid",
    "organisation_entries",
    "person_entries",
    "place_entries",
    "register_detector",
    "scan",
    "unregister_detector",
]
