"""Anonymisation scanner: throughput and recall, measured against Microsoft Presidio.

Builds at least 2 MB of synthetic report text from the labelled evaluation passages
(dhr/anonymisation/evaluation/passages.py) interleaved with ordinary report prose, and one
gazetteer of at least 1,000 terms (every passage's case record plus invented people). Measures:

- our scanner (gazetteer plus every registered detector) on the whole text, in MB/s;
- on the same slice of that text, split into the same chunks: our scanner and Presidio's
  analyzer with its pattern recognisers (predefined English ones plus its UK ones) and the
  same gazetteer terms as a deny list, on a blank spaCy pipeline, so nothing is downloaded.
  Presidio is slow (tens of KB/s), so the slice is smaller than the whole text.

Recall is measured the same way for both: a labelled identifier counts as found when every
character of it lies inside some finding (a partly covered name still leaks), whatever type
the tool gave it. Writes docs/performance-anonymisation.md.

Run alone with `python bench/bench_anonymisation.py`, or as part of `make bench`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.run import Check, Context  # noqa: E402
from dhr.anonymisation.evaluation.metrics import case_entries  # noqa: E402
from dhr.anonymisation.evaluation.passages import PASSAGES, labelled_text  # noqa: E402
from dhr.anonymisation.scanner import (  # noqa: E402
    Finding,
    Gazetteer,
    GazetteerEntry,
    person_entries,
    scan,
)

DOC_PATH = REPO / "docs" / "performance-anonymisation.md"
TEXT_BYTES = 2 * 1024 * 1024
GAZETTEER_TERMS = 1_000
PRESIDIO_SLICE_BYTES = 120 * 1024
THROUGHPUT_TARGET_MB_S = 5.0
RUNS = 3

# Ordinary report prose with no identifiers, as most of a DHR overview report is.
PROSE = [
    "The panel considered whether agencies had understood the risk posed by the perpetrator "
    "and whether information was shared in a timely way between health, housing and police.",
    "Practitioners described a culture in which coercive and controlling behaviour was not "
    "always recognised, particularly where there was no history of physical violence.",
    "The review found that the victim's contact with primary care offered several "
    "opportunities for routine enquiry about domestic abuse which were not taken.",
    "Recommendations are addressed to the Community Safety Partnership, to the local health "
    "board and to the police force, and each has an owner and a date for completion.",
    "Family members told the chair that they had been worried for some time but did not know "
    "where to turn, and that they would have welcomed information about specialist services.",
    "The MARAC referral was made appropriately but the action plan did not record who would "
    "follow up with the victim after the meeting, and the case was closed without review.",
]
SYLLABLES = [
    "tor",
    "vel",
    "ran",
    "mi",
    "sa",
    "ko",
    "len",
    "dri",
    "ba",
    "ul",
    "fen",
    "ro",
    "ga",
    "thi",
    "wen",
    "pa",
    "sor",
    "li",
    "da",
    "cor",
    "mer",
]


def corpus() -> tuple[str, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """The synthetic text, its labelled spans and its chunks (one passage plus prose each)."""
    rng = random.Random(2026)
    pieces: list[str] = []
    labels: list[tuple[int, int, str]] = []
    chunks: list[tuple[int, int]] = []
    length = 0
    while length < TEXT_BYTES:
        for passage in PASSAGES:
            text, spans = labelled_text(passage.marked)
            prose = " ".join(rng.sample(PROSE, 3))
            chunk = f"{text}\n\n{prose}\n\n"
            labels += [(length + s, length + e, kind) for s, e, kind in spans]
            chunks.append((length, length + len(chunk)))
            pieces.append(chunk)
            length += len(chunk)
    return "".join(pieces), labels, chunks


def invented_name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def gazetteer_entries() -> list[GazetteerEntry]:
    """Every passage's case record, then invented people until there are 1,000+ terms."""
    entries = [e for passage in PASSAGES for e in case_entries(passage.case)]
    rng = random.Random(7)
    while len(Gazetteer(entries)) < GAZETTEER_TERMS:
        entries += person_entries(invented_name(rng), invented_name(rng))
    return entries


def coverage_recall(labels: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> float:
    """Share of labelled identifiers whose every character lies inside some finding."""
    covered = bytearray(max((e for _, e, _ in labels), default=0) + 1)
    for start, end in spans:
        covered[start : min(end, len(covered))] = b"\x01" * (min(end, len(covered)) - start)
    found = sum(1 for start, end, _ in labels if all(covered[start:end]))
    return found / len(labels) if labels else 1.0


def recall_by_kind(
    labels: list[tuple[int, int, str]], spans: list[tuple[int, int]]
) -> dict[str, float]:
    kinds = sorted({kind for _, _, kind in labels})
    return {
        kind: round(coverage_recall([lab for lab in labels if lab[2] == kind], spans), 3)
        for kind in kinds
    }


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    """Median wall time of RUNS runs, and the last result."""
    times, result = [], None
    for _ in range(RUNS):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def presidio_analyzer(deny_list: list[str]) -> Any | None:
    """Presidio's analyzer on a blank spaCy pipeline (no model download), or None."""
    try:
        import spacy
        import tldextract
        from presidio_analyzer import AnalyzerEngine, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer import predefined_recognizers as predefined
        from presidio_analyzer.nlp_engine import NerModelConfiguration, SpacyNlpEngine
    except ImportError:
        return None

    # The e-mail and URL recognisers ask tldextract for the public suffix list over the
    # network; the bundled snapshot answers the same question offline.
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)  # type: ignore[assignment]

    class BlankSpacyEngine(SpacyNlpEngine):
        def __init__(self) -> None:
            super().__init__(
                models=[{"lang_code": "en", "model_name": "blank"}],
                ner_model_configuration=NerModelConfiguration(),
            )
            self.nlp = {"en": spacy.blank("en")}  # type: ignore[assignment]

        def load(self) -> None:
            """The blank pipeline is built in __init__; there is nothing to download."""

    engine = BlankSpacyEngine()
    registry = RecognizerRegistry()
    registry.load_predefined_recognizers(languages=["en"], nlp_engine=engine)
    for name in (
        "UkNinoRecognizer",
        "UkPostcodeRecognizer",
        "UkVehicleRegistrationRecognizer",
        "UkDrivingLicenceRecognizer",
        "UkPassportRecognizer",
    ):
        recogniser = getattr(predefined, name, None)
        if recogniser is not None:
            registry.add_recognizer(recogniser(supported_language="en"))
    registry.add_recognizer(PatternRecognizer(supported_entity="CASE_TERM", deny_list=deny_list))
    return AnalyzerEngine(registry=registry, nlp_engine=engine, supported_languages=["en"])


def _machine() -> str:
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"


def bench_anonymisation(ctx: Context | None = None) -> list[Check]:
    """Scanner MB/s with 1,000+ terms and all patterns; speed and recall against Presidio."""
    text, labels, chunks = corpus()
    entries = gazetteer_entries()
    build_seconds, gazetteer = timed(lambda: Gazetteer(entries))
    megabytes = len(text.encode()) / 1_000_000
    seconds, findings = timed(lambda: scan(text, gazetteer))
    ours_mb_s = megabytes / seconds
    ours_recall_full = coverage_recall(labels, [(f.start, f.end) for f in findings])

    # The same slice, in the same chunks, for both tools.
    slice_chunks = [c for c in chunks if c[1] <= PRESIDIO_SLICE_BYTES]
    slice_end = slice_chunks[-1][1]
    slice_labels = [label for label in labels if label[1] <= slice_end]
    slice_mb = len(text[:slice_end].encode()) / 1_000_000

    def ours_on_slice() -> list[Finding]:
        return [
            Finding(f.kind, f.start + a, f.end + a, f.matched, f.reason, f.replacement, f.source)
            for a, b in slice_chunks
            for f in scan(text[a:b], gazetteer)
        ]

    ours_slice_seconds, ours_slice = timed(ours_on_slice)
    ours_slice_recall = coverage_recall(slice_labels, [(f.start, f.end) for f in ours_slice])
    result: dict[str, Any] = {
        "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": _machine(),
        "text_mb": round(megabytes, 2),
        "labelled_identifiers": len(labels),
        "gazetteer_terms": len(gazetteer),
        "gazetteer_build_ms": round(build_seconds * 1000, 1),
        "ours_mb_s": round(ours_mb_s, 2),
        "ours_recall": round(ours_recall_full, 4),
        "slice_mb": round(slice_mb, 3),
        "slice_labels": len(slice_labels),
        "ours_slice_mb_s": round(slice_mb / ours_slice_seconds, 2),
        "ours_slice_recall": round(ours_slice_recall, 4),
    }
    checks = [
        Check(
            "anonymisation scan MB/s (1,000-term gazetteer + all patterns)",
            result["ours_mb_s"],
            f">= {THROUGHPUT_TARGET_MB_S:g}",
            ours_mb_s >= THROUGHPUT_TARGET_MB_S,
            f"{result['text_mb']} MB, {len(gazetteer)} terms",
        ),
        Check(
            "anonymisation gazetteer terms",
            len(gazetteer),
            f">= {GAZETTEER_TERMS}",
            len(gazetteer) >= GAZETTEER_TERMS,
        ),
    ]

    # Longest first: Presidio joins the deny list into one alternation, and the first listed
    # term that fits wins, so "3 March" listed before "3 March 1990" would leave "1990".
    deny_list = sorted({e.term for e in entries}, key=lambda term: (-len(term), term))
    analyzer = presidio_analyzer(deny_list)
    if analyzer is None:
        result["presidio"] = "not installed"
        checks.append(
            Check(
                "anonymisation vs Presidio",
                "not installed",
                "presidio-analyzer installed",
                True,
                "skipped: pip install -r requirements/dev.txt to compare",
            )
        )
    else:

        def presidio_on_slice() -> list[tuple[int, int]]:
            return [
                (r.start + a, r.end + a)
                for a, b in slice_chunks
                for r in analyzer.analyze(text[a:b], language="en")
            ]

        analyzer.analyze("warm up", language="en")
        started = time.perf_counter()
        presidio_spans = presidio_on_slice()  # one run: it is slow
        presidio_seconds = time.perf_counter() - started
        presidio_recall = coverage_recall(slice_labels, presidio_spans)
        ours_spans = [(f.start, f.end) for f in ours_slice]
        result["recall_by_kind"] = {
            kind: (ours, recall_by_kind(slice_labels, presidio_spans)[kind])
            for kind, ours in recall_by_kind(slice_labels, ours_spans).items()
        }
        result |= {
            "presidio_slice_mb_s": round(slice_mb / presidio_seconds, 3),
            "presidio_slice_recall": round(presidio_recall, 4),
        }
        speedup = (slice_mb / ours_slice_seconds) / (slice_mb / presidio_seconds)
        result["speedup"] = round(speedup, 1)
        checks += [
            Check(
                "anonymisation faster than Presidio (same slice)",
                f"{result['ours_slice_mb_s']} vs {result['presidio_slice_mb_s']} MB/s",
                "ours > Presidio",
                speedup > 1,
                f"{speedup:.0f}x on {result['slice_mb']} MB",
            ),
            Check(
                "anonymisation recall >= Presidio (same slice)",
                f"{ours_slice_recall:.3f} vs {presidio_recall:.3f}",
                "ours >= Presidio",
                ours_slice_recall >= presidio_recall,
                f"{len(slice_labels)} labelled identifiers",
            ),
        ]
    if ctx is not None:
        ctx.data["anonymisation"] = result
    DOC_PATH.write_text(markdown(result, checks))
    return checks


def markdown(result: dict[str, Any], checks: list[Check]) -> str:
    presidio = result.get("presidio") == "not installed"
    lines = [
        "# Performance: the anonymisation scanner",
        "",
        "Written by `bench/bench_anonymisation.py` (run alone, or by `make bench`). "
        f"Measured {result['measured_at']} on {result['machine']}.",
        "",
        f"The text is {result['text_mb']} MB of synthetic report prose built from the "
        f"{len(PASSAGES)} labelled evaluation passages (dhr/anonymisation/evaluation/passages.py), "
        f"{result['labelled_identifiers']} labelled identifiers in all; the gazetteer holds "
        f"{result['gazetteer_terms']} terms (every passage's case record plus invented people) "
        f"and compiles in {result['gazetteer_build_ms']} ms. Recall counts an identifier as "
        "found when every character of it lies inside some finding, whatever type the tool "
        "gave it. Times are medians of three runs (Presidio: one run).",
        "",
        "| Scanner | Text | MB/s | Recall |",
        "| --- | --- | --- | --- |",
        f"| DHR Manager (gazetteer + all detectors) | whole text, {result['text_mb']} MB "
        f"| {result['ours_mb_s']} | {result['ours_recall']} |",
        f"| DHR Manager (gazetteer + all detectors) | slice, {result['slice_mb']} MB in "
        f"passage-sized chunks | {result['ours_slice_mb_s']} | {result['ours_slice_recall']} |",
    ]
    if presidio:
        lines.append("| Presidio | not installed | | |")
    else:
        lines.append(
            f"| Presidio 2.2.366 pattern recognisers + the same terms as a deny list, blank "
            f"spaCy | same slice, same chunks | {result['presidio_slice_mb_s']} "
            f"| {result['presidio_slice_recall']} |"
        )
    if "recall_by_kind" in result:
        lines += [
            "",
            "Recall on the slice by identifier type. Presidio's deny list is given the same "
            "terms, longest first; it matches them only exactly as listed (no line breaks or "
            "hyphen breaks inside a name, no curly apostrophe for a straight one), "
            "and it has no recogniser for ages or police and court references:",
            "",
            "| Identifier type | DHR Manager | Presidio |",
            "| --- | --- | --- |",
        ]
        for kind, (ours, theirs) in result["recall_by_kind"].items():
            lines.append(f"| {kind.replace('_', ' ')} | {ours} | {theirs} |")
    lines += ["", "| Check | Value | Target | Result |", "| --- | --- | --- | --- |"]
    for check in checks:
        verdict = "pass" if check.passed else f"**FAIL** {check.detail}".strip()
        lines.append(f"| {check.name} | {check.value} | {check.target} | {verdict} |")
    return "\n".join(lines) + "\n"


BENCHMARKS = [bench_anonymisation]


if __name__ == "__main__":
    outcome = bench_anonymisation()
    for check in outcome:
        print(f"{'pass' if check.passed else 'FAIL'}  {check.name}: {check.value} ({check.target})")
    print(f"Wrote {DOC_PATH.relative_to(REPO)}")
    raise SystemExit(0 if all(c.passed for c in outcome) else 1)
