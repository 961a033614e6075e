"""Scanning (merging, context) and applying decisions with one pseudonym map."""

from __future__ import annotations

import datetime as dt

import pytest

from dhr.anonymisation.scanner import (
    Action,
    Decision,
    Gazetteer,
    PseudonymMap,
    apply,
    date_entries,
    person_entries,
    scan,
)

GAZETTEER = Gazetteer(
    person_entries("Jane Smith", "Adele Brown")
    + person_entries("Mark Doyle", "Tom")
    + date_entries(dt.date(1990, 3, 3), kind="date_of_birth")
)


def test_gazetteer_wins_over_a_detector_on_the_same_words() -> None:
    (finding,) = scan("Born 3 March 1990.", GAZETTEER)
    assert (finding.kind, finding.source) == ("date_of_birth", "gazetteer")


def test_a_detector_finding_that_contains_a_name_replaces_it() -> None:
    findings = scan("Write to jane.smith@example.org today", GAZETTEER)
    assert [(f.kind, f.matched) for f in findings] == [("email", "jane.smith@example.org")]


def test_findings_never_overlap_and_come_in_order() -> None:
    text = (
        "Jane Smith, 34, called 07700 900123 on 4 April 2021 about AB12 CDE; "
        "Mark Doyle's NHS 943 476 5919."
    )
    findings = scan(text, GAZETTEER)
    assert [f.kind for f in findings] == [
        "person",
        "age",
        "phone",
        "date",
        "vehicle_registration",
        "person",
        "nhs_number",
    ]
    for first, second in zip(findings, findings[1:], strict=False):
        assert first.end <= second.start
    for f in findings:
        assert text[f.start : f.end] == f.matched


def test_each_finding_carries_its_context() -> None:
    (finding,) = scan("The health visitor saw Jane at home.", GAZETTEER, detectors=[])
    assert finding.context == "The health visitor saw [[Jane]] at home."


def test_apply_replaces_consistently_across_documents() -> None:
    pseudonyms = PseudonymMap()
    report = "Jane Smith lived with Mark. JANE's sister called 07700 900123."
    summary = "jane\nsmith died in 2024."
    outputs = []
    for text in (report, summary):
        decisions = [Decision(f, Action.PSEUDONYM) for f in scan(text, GAZETTEER)]
        outputs.append(apply(text, decisions, pseudonyms))
    assert outputs == [
        "Adele Brown lived with Tom. ADELE's sister called [telephone number].",
        "Adele Brown died in 2024.",
    ]


def test_a_second_different_pseudonym_for_the_same_person_is_refused() -> None:
    pseudonyms = PseudonymMap()
    (first,) = scan("Jane", GAZETTEER, detectors=[])
    apply("Jane", [Decision(first, Action.PSEUDONYM, replacement="Adele")], pseudonyms)
    with pytest.raises(ValueError, match="already replaced"):
        apply("JANE", [Decision(scan("JANE", GAZETTEER)[0], Action.PSEUDONYM, "Beth")], pseudonyms)


def test_generic_replacement_and_keep() -> None:
    text = "Jane met Mark."
    jane, mark = scan(text, GAZETTEER)
    decisions = [
        Decision(jane, Action.GENERIC, replacement="the victim"),
        Decision(mark, Action.KEEP, reason="Named in the published court judgment"),
    ]
    assert apply(text, decisions) == "the victim met Mark."


def test_keeping_an_identifier_needs_a_reason() -> None:
    (finding,) = scan("Jane", GAZETTEER)
    with pytest.raises(ValueError, match="reason"):
        Decision(finding, Action.KEEP, reason="  ")


def test_a_decision_on_text_that_changed_since_the_scan_is_refused() -> None:
    (finding,) = scan("Jane went", GAZETTEER)
    with pytest.raises(ValueError, match="changed"):
        apply("June went", [Decision(finding, Action.PSEUDONYM)])


def test_overlapping_decisions_are_refused() -> None:
    (finding,) = scan("Jane Smith", GAZETTEER)
    with pytest.raises(ValueError, match="overlap"):
        apply("Jane Smith", [Decision(finding, Action.GENERIC), Decision(finding, Action.GENERIC)])


def test_scan_with_no_gazetteer_runs_the_detectors() -> None:
    assert [f.kind for f in scan("Call 07700 900123")] == ["phone"]


def test_the_scanner_imports_no_django() -> None:
    """The core is plain Python: it runs (and the publication gate can run it) anywhere."""
    import subprocess
    import sys

    code = (
        "import sys, dhr.anonymisation.scanner as s; "
        "s.scan('Jane', s.Gazetteer(s.person_entries('Jane Smith', 'Adele'))); "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
