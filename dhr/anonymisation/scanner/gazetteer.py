"""The case gazetteer: the review's own names, places and dates compiled into one automaton.

Every term is folded to a canonical key (NFC, lower case, any apostrophe as ', a comma as
", ", any run of whitespace or a hyphen with whitespace around it as one space). All keys are
compiled into a single regular expression shaped as a trie (one branch per shared prefix), so
the text is read once whatever the number of terms, instead of once per term. The expression is
greedy, so at a given position the longest term wins ("Jane Smith-Jones" over "Jane"), and
is anchored on word boundaries, so "Ann" never fires inside "Annual" but does fire in "Ann's"
and "Ann'".

Terms that are also everyday words ("Will", "May", "Rose") or initials ("J. S.") are matched
case-sensitively, in their written case and in capitals, from a second, much smaller trie.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from dhr.anonymisation.scanner.findings import Finding

_COMMAS = re.compile(r"\s*,\s*")
_SEPARATORS = re.compile(r"\s*-\s*|\s+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
# Inside a term, a space matches any whitespace (line breaks included) or a hyphen, with or
# without whitespace around it: "Smith-Jones", "Smith Jones", "Smith-\nJones", "Jane\nSmith".
_SEPARATOR_ATOM = r"(?:\s*-\s*|\s+)"
_APOSTROPHE_ATOM = "['\u2019\u2018\u02bc]"
MIN_TERM_LENGTH = 2
LOWER_CASE_STARTS_FOR_LEADING_CHECK = 12


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One term from the case record and what replaces it.

    `kind` is the identifier type (person, address, postcode, street, town, date_of_birth,
    date_of_death, school, employer, gp_practice, professional). `note` says where the term
    came from in words that are safe to store unencrypted ("first name", "Welsh soft
    mutation"): never the term itself.
    """

    term: str
    kind: str
    replacement: str
    note: str = ""
    case_sensitive: bool = False


def lower_same_length(text: str) -> str:
    """`text.lower()`, except characters whose lower case is longer stay as they are.

    Offsets found in the lowered text must be offsets in the original, so the length must not
    change ("İ".lower() is two characters).
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def canonical(term: str, *, fold_case: bool = True) -> str:
    """The key a term and any text matching it share."""
    folded = unicodedata.normalize("NFC", term).translate(_APOSTROPHES)
    if fold_case:
        folded = lower_same_length(folded)
    return _SEPARATORS.sub(" ", _COMMAS.sub(", ", folded)).strip(" ")


def normalise_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """NFC form of `text`, with a map from its offsets back to `text` when they differ.

    Already-normalised text (nearly all text) costs one C-level check and no copy.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    offsets: list[int] = []
    i, length = 0, len(text)
    while i < length:
        j = i + 1
        while j < length and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j])
        pieces.append(chunk)
        offsets.extend([i] * len(chunk))
        i = j
    offsets.append(length)
    return "".join(pieces), offsets


def _atom(char: str) -> str:
    if char == " ":
        return _SEPARATOR_ATOM
    if char == "'":
        return _APOSTROPHE_ATOM
    return re.escape(char)


def _trie(keys: Iterable[str]) -> dict[str, dict]:
    root: dict[str, dict] = {}
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _branches(node: dict[str, dict]) -> str:
    branches = [_atom(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def trie_pattern(keys: Iterable[str]) -> str:
    """One regular expression matching exactly `keys` as whole words, sharing prefixes.

    Optional tails are greedy, so the longest key that fits at a position is tried first.
    When terms start with capitals or few lower-case letters (initials, capitalised words, a
    small review), each first character is followed by the check that no word character
    precedes it, so the pattern starts with a plain character set and the engine skips in C to
    where a term could start. When they start with most lower-case letters, that skip stops
    almost everywhere, and failing a leading word-boundary check mid-word is cheaper.
    """
    root = _trie(keys)
    if sum(char.islower() for char in root) > LOWER_CASE_STARTS_FOR_LEADING_CHECK:
        return r"(?<!\w)" + _branches(root) + r"(?!\w)"
    branches = [
        _atom(char) + r"(?<!\w.)" + _branches(child) for char, child in sorted(root.items())
    ]
    return "(?:" + "|".join(branches) + r")(?!\w)"


def _compile(keys: Iterable[str]) -> re.Pattern[str] | None:
    keys = sorted(set(keys))
    if not keys:
        return None
    return re.compile(trie_pattern(keys))


class Gazetteer:
    """The compiled terms of one review. Build once per review, reuse for every document."""

    def __init__(self, entries: Iterable[GazetteerEntry]) -> None:
        self.entries: list[GazetteerEntry] = []
        self._folded: dict[str, GazetteerEntry] = {}
        self._exact: dict[str, GazetteerEntry] = {}
        for entry in entries:
            if entry.case_sensitive:
                for written in (entry.term, entry.term.upper()):
                    key = canonical(written, fold_case=False)
                    if len(key) >= MIN_TERM_LENGTH:
                        # The first entry for a key wins: callers list the most specific first.
                        self._exact.setdefault(key, entry)
            else:
                key = canonical(entry.term)
                if len(key) < MIN_TERM_LENGTH:
                    continue
                self._folded.setdefault(key, entry)
            self.entries.append(entry)
        self._folded_pattern = _compile(self._folded)
        self._exact_pattern = _compile(self._exact)

    def __len__(self) -> int:
        return len(self._folded) + len(self._exact)

    def entry_for(self, text: str) -> GazetteerEntry | None:
        """The entry a piece of text matches as a whole, if any."""
        return self._exact.get(canonical(text, fold_case=False)) or self._folded.get(
            canonical(text)
        )

    def _matches(self, normalised: str) -> Iterator[tuple[int, int, GazetteerEntry]]:
        # Reports repeat the same few names: fold each distinct matched text once.
        if self._folded_pattern is not None:
            lowered = lower_same_length(normalised)
            seen: dict[str, GazetteerEntry] = {}
            for match in self._folded_pattern.finditer(lowered):
                matched = match.group()
                entry = seen.get(matched)
                if entry is None:
                    entry = seen[matched] = self._folded[canonical(matched)]
                yield match.start(), match.end(), entry
        if self._exact_pattern is not None:
            seen = {}
            for match in self._exact_pattern.finditer(normalised):
                matched = match.group()
                entry = seen.get(matched)
                if entry is None:
                    entry = seen[matched] = self._exact[canonical(matched, fold_case=False)]
                yield match.start(), match.end(), entry

    def find(self, text: str) -> list[Finding]:
        """Every term in `text`, leftmost-longest, with no two findings overlapping."""
        normalised, offsets = normalise_with_offsets(text)
        found = sorted(self._matches(normalised), key=lambda m: (m[0], -(m[1] - m[0])))
        findings: list[Finding] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            last_end = end
            if offsets is not None:
                start, end = offsets[start], offsets[end]
            note = f", {entry.note}" if entry.note else ""
            findings.append(
                Finding(
                    kind=entry.kind,
                    start=start,
                    end=end,
                    matched=text[start:end],
                    reason=f"case gazetteer: {entry.kind.replace('_', ' ')}{note}",
                    replacement=entry.replacement,
                    source="gazetteer",
                )
            )
        return findings
