"""Scanning a document and applying the reviewer's decisions to it.

`scan` runs the case gazetteer and then every detector, and merges what they find into one
list with no overlaps: a gazetteer finding always wins (it knows whose name it is and which
pseudonym was agreed), then the longer finding, then the detector listed first.

`apply` replaces what the reviewer decided to replace. Replacements go through one
`PseudonymMap` per review, shared by every document, so "Jane Smith" becomes "Adele" in the
overview report, the executive summary and the action plan alike, whoever decided which.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dhr.anonymisation.scanner.detectors import Detector, default_detectors
from dhr.anonymisation.scanner.findings import Finding, context_around
from dhr.anonymisation.scanner.gazetteer import Gazetteer, canonical


def _merge(gazetteer_findings: list[Finding], detector_findings: list[Finding]) -> list[Finding]:
    """Gazetteer findings first; detector findings only where nothing overlaps them.

    One exception: a detector finding that wholly contains gazetteer findings and overlaps
    nothing else replaces them, so "jane@example.org" is one e-mail address rather than the
    name "jane" followed by "@example.org". Detector findings are taken longest first at each
    start, and a later start never splits an earlier accepted finding.
    """
    taken = sorted((f.start, f.end, f) for f in gazetteer_findings)
    ordered = sorted(detector_findings, key=lambda f: (f.start, -len(f.matched)))
    for finding in ordered:
        low = bisect.bisect_left(taken, (finding.start,)) - 1
        clashes = []
        for index in range(max(0, low), len(taken)):
            start, end, other = taken[index]
            if start >= finding.end:
                break
            if finding.start < end:
                clashes.append((index, other))
        if not clashes:
            bisect.insort(taken, (finding.start, finding.end, finding))
            continue
        contains_all = all(
            other.source == "gazetteer"
            and finding.start <= other.start
            and other.end <= finding.end
            and (other.start, other.end) != (finding.start, finding.end)
            for _, other in clashes
        )
        if contains_all:
            for index, _ in reversed(clashes):
                del taken[index]
            bisect.insort(taken, (finding.start, finding.end, finding))
    return [finding for _, _, finding in taken]


def scan(
    text: str,
    gazetteer: Gazetteer | None = None,
    detectors: Sequence[Detector] | None = None,
) -> list[Finding]:
    """Every identifier in `text`, in order, each with its context and reason."""
    found_by_gazetteer = gazetteer.find(text) if gazetteer is not None else []
    found_by_detectors: list[Finding] = []
    for detector in default_detectors() if detectors is None else detectors:
        found_by_detectors.extend(detector.find(text))
    merged = _merge(found_by_gazetteer, found_by_detectors)
    result = []
    for f in merged:
        before, after = context_around(text, f.start, f.end)
        result.append(
            Finding(
                f.kind, f.start, f.end, f.matched, f.reason, f.replacement, f.source, before, after
            )
        )
    return result


class Action(enum.StrEnum):
    """What the reviewer decided for one finding."""

    PSEUDONYM = "pseudonym"
    GENERIC = "generic"
    KEEP = "keep"


@dataclass(frozen=True)
class Decision:
    """The reviewer's decision on one finding.

    `replacement` overrides the suggested one; a decision to keep needs `reason` (the
    reviewer must say why an identifier stays in a published report).
    """

    finding: Finding
    action: Action
    replacement: str = ""
    reason: str = ""

    def __post_init__(self) -> None:
        if self.action == Action.KEEP and not self.reason.strip():
            raise ValueError("Keeping an identifier needs a recorded reason")


@dataclass
class PseudonymMap:
    """One review's map from an identifier to its replacement, shared across its documents.

    Keys are the identifier's kind and its canonical form, so "Jane", "JANE" and "Jane\\n"
    share one replacement. The first decision for an identifier fixes it; a later, different
    replacement for the same identifier is refused rather than silently creating a second.
    """

    mapping: dict[tuple[str, str], str] = field(default_factory=dict)

    @staticmethod
    def key(finding: Finding) -> tuple[str, str]:
        return (finding.kind, canonical(finding.matched))

    def resolve(self, finding: Finding, replacement: str) -> str:
        key = self.key(finding)
        existing = self.mapping.get(key)
        if existing is not None and replacement and existing != replacement:
            raise ValueError(
                f"This {finding.kind.replace('_', ' ')} is already replaced by {existing!r} "
                "elsewhere in this review"
            )
        if existing is None:
            self.mapping[key] = replacement
            return replacement
        return existing


def _in_case_of(original: str, replacement: str) -> str:
    """Capitals stay capitals: "JANE SMITH" becomes "ADELE", not "Adele"."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    return replacement


def apply(text: str, decisions: Iterable[Decision], pseudonyms: PseudonymMap | None = None) -> str:
    """`text` with every decided finding replaced (kept findings stay as they are).

    Refuses decisions that overlap or no longer match the text (the document changed since
    it was scanned), so a stale decision can never replace the wrong words.
    """
    pseudonyms = pseudonyms if pseudonyms is not None else PseudonymMap()
    chosen = sorted(
        (d for d in decisions if d.action != Action.KEEP), key=lambda d: d.finding.start
    )
    pieces: list[str] = []
    position = 0
    for decision in chosen:
        finding = decision.finding
        if text[finding.start : finding.end] != finding.matched:
            raise ValueError(f"The text at {finding.start}-{finding.end} changed since the scan")
        if finding.start < position:
            raise ValueError(f"Decisions overlap at {finding.start}")
        if decision.action == Action.GENERIC:
            replacement = decision.replacement or finding.replacement
        else:
            replacement = pseudonyms.resolve(finding, decision.replacement or finding.replacement)
            if finding.source == "gazetteer":
                replacement = _in_case_of(finding.matched, replacement)
        pieces += [text[position : finding.start], replacement]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces)
