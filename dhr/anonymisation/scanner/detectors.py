"""Deterministic UK pattern detectors and the registry that makes the detector set pluggable.

Each detector is a small class with a `name` and a `find(text)` method returning `Finding`s;
each finding names the rule that fired. No detector loads a model or touches the network.
A council that installs its own NER model adds a detector through `register_detector` (see
docs/anonymisation.md, "Adding a detector or an NER model").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from dhr.anonymisation.scanner.findings import Finding


@runtime_checkable
class Detector(Protocol):
    """Anything that finds identifiers in text."""

    @property
    def name(self) -> str: ...

    def find(self, text: str) -> list[Finding]: ...


@dataclass(frozen=True)
class Prefilter:
    """A cheap pattern every match of a rule must contain, and how far a match reaches from it.

    A rule with a prefilter runs only in windows around the prefilter's hits (the text beyond
    is extended to the next whitespace, so no word is cut), instead of over the whole text.
    """

    pattern: re.Pattern[str]
    before: int
    after: int


@dataclass(frozen=True)
class Rule:
    """One regular expression, an optional validator, and what its findings say.

    Patterns start with a literal or a character class and check the word boundary just after
    it (`[A-Z](?<!\\w.)`), so the regex engine can skip ahead in C to the positions where a
    match could begin; a leading `\\b` would make it try every position.
    """

    reason: str
    pattern: re.Pattern[str]
    group: int | str = 0
    validate: Callable[[str], bool] | None = None
    prefilter: Prefilter | None = None


_WHITESPACE = re.compile(r"\s")
# The windows of the last text scanned, shared by every rule with the same prefilter. One
# tuple, replaced whole, so a thread scanning another text never reads this text's windows.
_last_scanned: tuple[str | None, dict[Prefilter, list[tuple[int, int]]]] = (None, {})


def windows(text: str, prefilter: Prefilter) -> list[tuple[int, int]]:
    """Merged spans around the prefilter's hits (remembered for the last text scanned)."""
    global _last_scanned
    scanned = _last_scanned
    if scanned[0] is not text:
        scanned = (text, {})
        _last_scanned = scanned
    cache = scanned[1]
    if prefilter in cache:
        return cache[prefilter]
    merged: list[tuple[int, int]] = []
    length = len(text)
    for hit in prefilter.pattern.finditer(text):
        start = max(0, hit.start() - prefilter.before)
        end = min(length, hit.end() + prefilter.after)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    extended = []
    for start, end in merged:
        space = _WHITESPACE.search(text, end, end + 64)
        extended.append((start, space.start() if space else min(length, end + 64)))
    cache[prefilter] = extended
    return extended


@dataclass(frozen=True)
class PatternDetector:
    """Findings of one `kind` from one or more `Rule`s."""

    name: str
    kind: str
    replacement: str
    rules: tuple[Rule, ...] = field(default_factory=tuple)

    def find(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        for rule in self.rules:
            spans = windows(text, rule.prefilter) if rule.prefilter else [(0, len(text))]
            reason = f"{self.name}: {rule.reason}"
            for window_start, window_end in spans:
                for match in rule.pattern.finditer(text, window_start, window_end):
                    matched = match.group(rule.group)
                    if not matched or (rule.validate and not rule.validate(matched)):
                        continue
                    start, end = match.span(rule.group)
                    findings.append(
                        Finding(self.kind, start, end, matched, reason, self.replacement, self.name)
                    )
        return findings


# --- validators ---------------------------------------------------------------------------


def nhs_number_is_valid(candidate: str) -> bool:
    """The NHS Data Dictionary's modulus 11 check on a 10-digit NHS number.

    Weights 10..2 on the first nine digits; 11 minus the remainder of the sum by 11 is the check
    digit (11 counts as 0; 10 means the number is invalid). Numbers of one repeated digit pass
    the arithmetic but are never issued.
    """
    digits = [int(ch) for ch in candidate if ch.isdigit()]
    if len(digits) != 10 or len(set(digits)) == 1:
        return False
    total = sum(weight * digit for weight, digit in zip(range(10, 1, -1), digits[:9], strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == digits[9]


def phone_number_is_plausible(candidate: str) -> bool:
    """A UK national significant number has 9 or 10 digits after the 0 or +44."""
    digits = re.sub(r"\D", "", candidate)
    if digits.startswith("44"):
        digits = digits[2:]
    digits = digits.removeprefix("0")
    return len(digits) in (9, 10) and digits[0] in "1235789"


def numeric_date_is_plausible(candidate: str) -> bool:
    """dd/mm/yyyy, mm/dd/yyyy or yyyy-mm-dd with a real day and month (dd/mm/yy with "/")."""
    pieces = re.split(r"[/.\-]", candidate)
    if len(pieces) != 3:
        return False
    if len(pieces[0]) == 4:  # ISO: yyyy-mm-dd
        return 1 <= int(pieces[1]) <= 12 and 1 <= int(pieces[2]) <= 31
    if len(pieces[2]) == 2 and "/" not in candidate:
        # "2.3.12" is far more often a section or version number than a date.
        return False
    parts = [int(p) for p in pieces]
    first, second = parts[0], parts[1]
    return 1 <= first <= 31 and 1 <= second <= 31 and (first <= 12 or second <= 12)


# --- patterns -----------------------------------------------------------------------------

_MONTHS = (
    r"(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    # Welsh month names, for Welsh-language reports.
    r"|Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr)"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?i:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)[0-9]{2}"
# The first character of a match, then "no word character before it".
_WORD_START = r"(?<!\w.)"
_YEARS = Prefilter(re.compile(r"[12](?<![0-9].)[0-9]{3}(?![0-9])"), before=40, after=0)
_DIGITS = Prefilter(re.compile(r"[0-9]+"), before=48, after=8)


def day_is_plausible(candidate: str) -> bool:
    day = re.match(r"[0-9]+", candidate)
    return day is not None and 1 <= int(day.group()) <= 31


def month_day_is_plausible(candidate: str) -> bool:
    day = re.search(r"[0-9]+", candidate)
    return day is not None and 1 <= int(day.group()) <= 31


POSTCODE = PatternDetector(
    name="postcode",
    kind="postcode",
    replacement="[postcode]",
    rules=(
        Rule(
            "UK postcode (outward code, space, inward code)",
            # Royal Mail's format: area letters exclude Q, V, X in first place and I, J, Z in
            # second; the inward code's letters exclude C, I, K, M, O, V. Either case.
            re.compile(
                r"[A-PR-UWYZa-pr-uwyz]" + _WORD_START + r"(?:[0-9][0-9A-HJKPSTUWa-hjkpstuw]?"
                r"|[A-HK-Ya-hk-y][0-9][0-9ABEHMNPRV-Yabehmnprv-y]?) ?[0-9]"
                r"[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?!\w)"
            ),
            prefilter=_DIGITS,
        ),
        Rule("UK postcode (Girobank)", re.compile(r"GIR(?<!\wGIR) ?0AA(?!\w)")),
    ),
)

NI_NUMBER = PatternDetector(
    name="ni_number",
    kind="ni_number",
    replacement="[National Insurance number]",
    rules=(
        Rule(
            "National Insurance number (HMRC prefix rules)",
            # HMRC: the first letter is never D, F, I, Q, U or V; the second never D, F, I, O,
            # Q, U or V; the prefixes BG, GB, KN, NK, NT, TN and ZZ are never allocated; the
            # suffix is A, B, C or D.
            re.compile(
                r"[A-CEGHJ-PR-TW-Z]" + _WORD_START + r"[A-CEGHJ-NPR-TW-Z]"
                r"(?<!BG|GB|KN|NK|NT|TN|ZZ) ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D](?!\w)"
            ),
            prefilter=_DIGITS,
        ),
    ),
)

NHS_NUMBER = PatternDetector(
    name="nhs_number",
    kind="nhs_number",
    replacement="[NHS number]",
    rules=(
        Rule(
            "NHS number (10 digits, modulus 11 check digit valid)",
            re.compile(r"[0-9](?<![0-9+].)[0-9]{2}[ -]?[0-9]{3}[ -]?[0-9]{4}(?![0-9])"),
            validate=nhs_number_is_valid,
        ),
    ),
)

PHONE = PatternDetector(
    name="phone",
    kind="phone",
    replacement="[telephone number]",
    rules=(
        Rule(
            "UK telephone number (0, 9 or 10 further digits)",
            re.compile(r"0(?<![\w+]0)[1-9](?:[ -]?[0-9]){7,9}(?![0-9])"),
            validate=phone_number_is_plausible,
        ),
        Rule(
            "UK telephone number (+44, 9 or 10 further digits)",
            re.compile(r"\+44\s?(?:\(0\)\s?)?[1-9](?:[ -]?[0-9]){7,9}(?![0-9])"),
            validate=phone_number_is_plausible,
        ),
        Rule(
            "UK telephone number with the area code in brackets",
            re.compile(r"\(0[0-9]{3,4}\)\s?[0-9]{3}\s?[0-9]{3,4}(?![0-9])"),
            validate=phone_number_is_plausible,
        ),
    ),
)

EMAIL = PatternDetector(
    name="email",
    kind="email",
    replacement="[e-mail address]",
    rules=(
        Rule(
            "e-mail address",
            re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
            prefilter=Prefilter(re.compile("@"), before=64, after=255),
        ),
    ),
)

URL = PatternDetector(
    name="url",
    kind="url",
    replacement="[web address]",
    rules=(
        Rule(
            "web address (http, https or www.)",
            re.compile(
                r"[hHwW](?<!\w.)(?:(?<=[hH])(?i:ttps?://)|(?<=[wW])(?i:ww\.))"
                r"[^\s<>\"']*[^\s<>\"'.,;:!?)\]]"
            ),
            prefilter=Prefilter(re.compile(r"[:wW](?:(?<=:)//|(?<=[wW])[wW][wW]\.)"), 8, 2048),
        ),
    ),
)

DATE = PatternDetector(
    name="date",
    kind="date",
    replacement="[date]",
    rules=(
        Rule(
            "full date (day month year)",
            re.compile(
                r"[0-9](?<![\w].)[0-9]?(?i:st|nd|rd|th)?\s+(?i:of\s+)?"
                + _MONTHS
                + rf"\.?,?\s+{_YEAR}(?![0-9])"
            ),
            validate=day_is_plausible,
            prefilter=_YEARS,
        ),
        Rule(
            "full date (month day year)",
            re.compile(rf"(?<!\w){_MONTHS}\.?\s+{_DAY},?\s+{_YEAR}(?![0-9])"),
            validate=month_day_is_plausible,
            prefilter=_YEARS,
        ),
        Rule(
            "full numeric date",
            re.compile(
                r"[0-9](?<![0-9/.\-].)(?:[0-9]?([/.\-])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})"
                r"|[0-9]{3}-[0-9]{2}-[0-9]{2})(?![0-9/\-]|\.[0-9])"
            ),
            validate=numeric_date_is_plausible,
        ),
    ),
)

AGE = PatternDetector(
    name="age",
    kind="age",
    replacement="[age]",
    rules=(
        Rule(
            "exact age after a name (Name, 34,)",
            re.compile(r"[A-Z]" + _WORD_START + r"[\w'\u2019-]+,\s([0-9]{1,3}),"),
            group=1,
            prefilter=_DIGITS,
        ),
        Rule(
            "exact age (aged 34, age 34)",
            re.compile(r"[aA]" + _WORD_START + r"(?i:ged?)\s+[0-9]{1,3}(?!\w)"),
            prefilter=_DIGITS,
        ),
        Rule(
            "exact age (34-year-old, 34 years old)",
            re.compile(r"[0-9]" + _WORD_START + r"[0-9]{0,2}(?i:-year-old|\s+years?\s+old)(?!\w)"),
        ),
    ),
)

VEHICLE = PatternDetector(
    name="vehicle_registration",
    kind="vehicle_registration",
    replacement="[vehicle registration]",
    rules=(
        Rule(
            "vehicle registration, current format (AB12 CDE, since 2001)",
            # DVLA: memory tag (no I, Q, Z first; no I, Q second), two-digit age identifier,
            # three random letters (no I or Q).
            re.compile(
                r"[A-HJ-PR-Y]" + _WORD_START + r"[A-HJ-PR-Z](?:0[2-9]|[1-7][0-9]) ?"
                r"[A-HJ-PR-Z]{3}(?!\w)"
            ),
            prefilter=_DIGITS,
        ),
        Rule(
            "vehicle registration, prefix format (A123 BCD, 1983-2001)",
            re.compile(r"[A-HJ-NP-Y]" + _WORD_START + r"[0-9]{1,3} ?[A-HJ-PR-Y]{3}(?!\w)"),
            prefilter=_DIGITS,
        ),
        Rule(
            "vehicle registration, suffix format (ABC 123D, 1963-1983)",
            re.compile(
                r"[A-HJ-PR-Y]" + _WORD_START + r"[A-HJ-PR-Y]{2} ?[0-9]{1,3}[A-HJ-NP-Y](?!\w)"
            ),
            prefilter=_DIGITS,
        ),
    ),
)

POLICE_REFERENCE = PatternDetector(
    name="police_reference",
    kind="police_reference",
    replacement="[police reference]",
    rules=(
        Rule(
            "reference after a police word (crime/incident/occurrence/log/CAD/URN number)",
            re.compile(
                r"(?<!\w)(?i:crime|incident|occurrence|log|CAD|URN|CRIS|Niche|Athena|storm)\b"
                r"(?i:\s+(?:reference|ref\.?|number|no\.?)){0,2}\s*[:#]?\s*"
                r"((?=[A-Za-z0-9/-]*[0-9])[A-Za-z0-9][A-Za-z0-9/-]{4,}[A-Za-z0-9])"
            ),
            group=1,
            prefilter=_DIGITS,
        ),
        Rule(
            "police URN for a CPS file (force code, station, 5 digits, year: 01AB1234523)",
            re.compile(r"[0-9]" + _WORD_START + r"[0-9][A-Z]{2}[0-9]{7}(?!\w)"),
        ),
        Rule(
            "force crime number (letters/digits/year: CR/0123456/23)",
            re.compile(r"[A-Z]" + _WORD_START + r"[A-Z]{1,3}/[0-9]{4,8}/[0-9]{2,4}(?!\w)"),
            prefilter=_DIGITS,
        ),
    ),
)

COURT_REFERENCE = PatternDetector(
    name="court_reference",
    kind="court_reference",
    replacement="[court reference]",
    rules=(
        Rule(
            "Crown Court case number (T + year + 4 digits: T20237001)",
            re.compile(r"[TS]" + _WORD_START + r"(?:19|20)[0-9]{2} ?[0-9]{4}(?!\w)"),
            prefilter=_DIGITS,
        ),
        Rule(
            "family court case number (court code, year, type, 5 digits: ZW23C50012)",
            re.compile(r"[A-Z]" + _WORD_START + r"[A-Z][0-9]{2}[A-Z][0-9]{5}(?!\w)"),
            prefilter=_DIGITS,
        ),
        Rule(
            "neutral citation of a judgment ([2024] EWCA Crim 123)",
            re.compile(
                r"\[(?:19|20)[0-9]{2}\]\s+(?:UKSC|UKHL|EWCA|EWHC|EWFC|EWCOP|UKUT|EWCC)"
                r"(?:\s+(?:Civ|Crim))?\s+[0-9]+(?:\s+\([A-Za-z]+\))?"
            ),
        ),
    ),
)

BUILT_IN_DETECTORS: tuple[Detector, ...] = (
    EMAIL,
    URL,
    NHS_NUMBER,
    NI_NUMBER,
    PHONE,
    POSTCODE,
    DATE,
    AGE,
    VEHICLE,
    POLICE_REFERENCE,
    COURT_REFERENCE,
)

_registry: dict[str, Detector] = {detector.name: detector for detector in BUILT_IN_DETECTORS}


def register_detector(detector: Detector) -> Detector:
    """Add (or replace, by name) a detector in the default set. Returns it, for decorators."""
    if not isinstance(detector, Detector):
        raise TypeError(f"{detector!r} has no `name` and `find(text)`")
    _registry[detector.name] = detector
    return detector


def unregister_detector(name: str) -> None:
    _registry.pop(name, None)


def default_detectors() -> list[Detector]:
    """The registered detectors, in priority order (built-ins first, then plug-ins)."""
    return list(_registry.values())


def detectors_named(names: Iterable[str]) -> list[Detector]:
    """The registered detectors with these names; an unknown name is an error, not a skip."""
    return [_registry[name] for name in names]
