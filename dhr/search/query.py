"""Turning whatever a person types into safe search terms, for every backend.

A search box receives operators, quotes, Welsh letters, SQL fragments and very long strings.
Rather than escape each engine's syntax (FTS5 MATCH and PostgreSQL tsquery differ), the query
is reduced to plain word tokens and quoted phrases, which both engines accept whatever they
contain. This is plain Python with no Django, so it is property-tested on its own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 1_000
MAX_TERMS = 32
MAX_TERM_CHARS = 64
# Words: letters and digits in any script (so "ŵyr", "tŷ" and "â" stay whole), no punctuation.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
PHRASE = re.compile(r'"([^"]*)"')
OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


@dataclass(frozen=True)
class SafeQuery:
    """Terms (single words) and phrases (lists of words), all made of word characters only."""

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def is_empty(self) -> bool:
        return not self.terms and not self.phrases

    def words(self) -> list[str]:
        return [*self.terms, *(word for phrase in self.phrases for word in phrase)]


def _words(text: str) -> list[str]:
    return [word[:MAX_TERM_CHARS].lower() for word in WORD.findall(text)]


def sanitise(raw: str) -> SafeQuery:
    """Quoted parts become phrases, everything else single words; operators are dropped."""
    text = unicodedata.normalize("NFC", raw or "")[:MAX_QUERY_CHARS]
    phrases: list[tuple[str, ...]] = []
    budget = MAX_TERMS

    def take_phrase(match: re.Match[str]) -> str:
        nonlocal budget
        words = _words(match.group(1))[:budget]
        if len(words) > 1:
            phrases.append(tuple(words))
            budget -= len(words)
            return " "
        return " " + " ".join(words) + " "

    rest = PHRASE.sub(take_phrase, text)
    terms: list[str] = []
    for original in WORD.findall(rest):
        # Upper-case boolean operators (FTS syntax) are noise once every term is required.
        if original in OPERATORS:
            continue
        word = original[:MAX_TERM_CHARS].lower()
        if budget <= 0:
            break
        if word not in terms:
            terms.append(word)
            budget -= 1
    return SafeQuery(terms=tuple(terms), phrases=tuple(phrases))
