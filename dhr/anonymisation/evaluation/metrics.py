"""Recall and precision of the scanner on the labelled passages, per identifier type.

A labelled span counts as found when a finding of the same type covers all of it. A finding
counts as correct when it overlaps a labelled span of the same type; any other finding is a
false positive. Run `python -m dhr.anonymisation.evaluation.metrics` for the table that
docs/anonymisation.md shows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dhr.anonymisation.evaluation.passages import PASSAGES, Passage, labelled_text
from dhr.anonymisation.scanner import (
    Finding,
    Gazetteer,
    GazetteerEntry,
    address_entries,
    date_entries,
    organisation_entries,
    person_entries,
    place_entries,
    scan,
)

GAZETTEER_KINDS = frozenset(
    [
        "person",
        "address",
        "street",
        "town",
        "postcode",
        "date_of_birth",
        "date_of_death",
        "school",
        "employer",
        "gp_practice",
        "professional",
    ]
)
Span = tuple[int, int, str]


def case_entries(case: dict[str, Any]) -> list[GazetteerEntry]:
    """A passage's case record as gazetteer entries (what the Django builder would collect)."""
    entries: list[GazetteerEntry] = []
    for person in case.get("people", []):
        entries += person_entries(
            person["name"],
            person.get("pseudonym", ""),
            nicknames=person.get("nicknames", ()),
            aliases=person.get("aliases", ()),
            maiden_names=person.get("maiden_names", ()),
        )
    for name in case.get("professionals", []):
        entries += person_entries(
            name.split(" ", 1)[1] if name.startswith("Dr ") else name, kind="professional"
        )
    for iso, kind in case.get("dates", []):
        entries += date_entries(dt.date.fromisoformat(iso), kind=kind)
    for address in case.get("addresses", []):
        entries += address_entries(address)
    for place in case.get("places", []):
        entries += place_entries(place)
    for name, kind in case.get("organisations", []):
        entries += organisation_entries(name, kind=kind)
    return entries


@dataclass
class Tally:
    true_positives: Counter[str] = field(default_factory=Counter)
    false_negatives: Counter[str] = field(default_factory=Counter)
    false_positives: Counter[str] = field(default_factory=Counter)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)

    def recall(self, kind: str) -> float:
        found, total = (
            self.true_positives[kind],
            self.true_positives[kind] + self.false_negatives[kind],
        )
        return found / total if total else 1.0

    def precision(self, kind: str) -> float:
        right = self.true_positives[kind]
        total = right + self.false_positives[kind]
        return right / total if total else 1.0

    def kinds(self) -> list[str]:
        return sorted(
            set(self.true_positives) | set(self.false_negatives) | set(self.false_positives)
        )

    def pooled(self, kinds: Iterable[str]) -> tuple[float, float]:
        """Recall and precision over a group of types together."""
        kinds = list(kinds)
        tp = sum(self.true_positives[k] for k in kinds)
        fn = sum(self.false_negatives[k] for k in kinds)
        fp = sum(self.false_positives[k] for k in kinds)
        return (tp / (tp + fn) if tp + fn else 1.0, tp / (tp + fp) if tp + fp else 1.0)


def score(name: str, text: str, labels: list[Span], findings: list[Finding], tally: Tally) -> None:
    for start, end, kind in labels:
        if any(f.kind == kind and f.start <= start and end <= f.end for f in findings):
            tally.true_positives[kind] += 1
        else:
            tally.false_negatives[kind] += 1
            tally.missed.append((name, kind, text[start:end]))
    for f in findings:
        if not any(
            kind == f.kind and f.start < end and start < f.end for start, end, kind in labels
        ):
            tally.false_positives[f.kind] += 1
            tally.spurious.append((name, f.kind, f.matched))


Scanner = Callable[[str, Gazetteer], list[Finding]]


def evaluate(passages: list[Passage] = PASSAGES, scanner: Scanner = scan) -> Tally:
    tally = Tally()
    for passage in passages:
        text, labels = labelled_text(passage.marked)
        findings = scanner(text, Gazetteer(case_entries(passage.case)))
        score(passage.name, text, labels, findings, tally)
    return tally


def markdown_table(tally: Tally) -> str:
    lines = [
        "| Identifier type | Labelled | Found | Missed | False positives | Recall | Precision |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind in tally.kinds():
        tp, fn, fp = (
            tally.true_positives[kind],
            tally.false_negatives[kind],
            tally.false_positives[kind],
        )
        lines.append(
            f"| {kind.replace('_', ' ')} | {tp + fn} | {tp} | {fn} | {fp} "
            f"| {tally.recall(kind):.2f} | {tally.precision(kind):.2f} |"
        )
    kinds = tally.kinds()
    gazetteer_kinds = [k for k in kinds if k in GAZETTEER_KINDS]
    pattern_kinds = [k for k in kinds if k not in GAZETTEER_KINDS]
    for label, group in (
        ("all case gazetteer types", gazetteer_kinds),
        ("all pattern types", pattern_kinds),
    ):
        recall, precision = tally.pooled(group)
        lines.append(f"| **{label}** | | | | | **{recall:.2f}** | **{precision:.2f}** |")
    return "\n".join(lines)


if __name__ == "__main__":
    result = evaluate()
    print(f"{len(PASSAGES)} passages")
    print(markdown_table(result))
    for row in result.missed:
        print("MISSED", row)
    for row in result.spurious:
        print("SPURIOUS", row)
