"""Recall and precision on the labelled evaluation set, with floors, and the published table.

The floors: every planted case-gazetteer identifier is caught (recall 1.0), pattern types are
caught at 0.95 or better, and precision stays at or above 0.9 for every type. The table in
docs/anonymisation.md must be the one this set produces today.
"""

from __future__ import annotations

from pathlib import Path

from dhr.anonymisation.evaluation.metrics import GAZETTEER_KINDS, evaluate, markdown_table
from dhr.anonymisation.evaluation.passages import PASSAGES, labelled_text

DOC = Path(__file__).resolve().parents[3] / "docs" / "anonymisation.md"
START, END = "<!-- evaluation:start -->", "<!-- evaluation:end -->"


def test_the_set_has_at_least_30_passages_covering_every_identifier_type() -> None:
    assert len(PASSAGES) >= 30
    kinds = {kind for p in PASSAGES for _, _, kind in labelled_text(p.marked)[1]}
    assert kinds >= {
        "person",
        "address",
        "postcode",
        "street",
        "town",
        "date_of_birth",
        "date_of_death",
        "school",
        "employer",
        "gp_practice",
        "professional",
        "nhs_number",
        "ni_number",
        "phone",
        "email",
        "date",
        "age",
        "vehicle_registration",
        "police_reference",
        "court_reference",
        "url",
    }


def test_labels_parse_to_exact_spans() -> None:
    text, spans = labelled_text("Hello {person|Jane Smith}, {age|34}.")
    assert text == "Hello Jane Smith, 34."
    assert [text[s:e] for s, e, _ in spans] == ["Jane Smith", "34"]


def test_recall_and_precision_floors() -> None:
    tally = evaluate()
    for kind in tally.kinds():
        floor = 1.0 if kind in GAZETTEER_KINDS else 0.95
        assert tally.recall(kind) >= floor, (kind, tally.missed)
        assert tally.precision(kind) >= 0.9, (kind, tally.spurious)


def test_the_scanner_with_no_gazetteer_misses_the_names() -> None:
    """The floors measure the gazetteer: without it, names are not found at all."""
    from dhr.anonymisation.scanner import scan

    tally = evaluate(scanner=lambda text, gazetteer: scan(text, None))
    assert tally.recall("person") == 0.0


def test_the_published_table_is_current() -> None:
    doc = DOC.read_text()
    published = doc[doc.index(START) + len(START) : doc.index(END)].strip()
    assert published == markdown_table(evaluate())
