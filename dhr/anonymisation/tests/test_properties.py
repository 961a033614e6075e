"""Property tests: every written variant of a name in the case record is caught.

Hypothesis generates names and writes them the way reports do: any case, possessives,
hyphenated and double-barrelled surnames, line breaks inside and between names, initials,
surrounded by ordinary prose. Every one must be found, with the right replacement, and the
replaced text must not contain the name any more.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from dhr.anonymisation.scanner import Action, Decision, Gazetteer, apply, person_entries, scan
from dhr.anonymisation.scanner.variants import COMMON_WORDS

# Name-like words: a capital and 2-9 lower-case letters, excluding words the gazetteer matches
# only as written (tested separately) and words the filler prose uses.
FILLER = ["the", "report", "said", "that", "she", "was", "seen", "by", "agencies", "and", "on"]
name_word = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True).filter(
    lambda w: w.lower() not in COMMON_WORDS and w.lower() not in FILLER
)
spaces = st.sampled_from([" ", "\n", "  ", " \n", "\u00a0"])
hyphens = st.sampled_from(["-", "-\n", " - ", "- "])


@st.composite
def person_and_variant(draw: st.DrawFn) -> tuple[str, str, str]:
    """(full name as recorded, how the report writes it, expected replacement)."""
    first = draw(name_word)
    last_parts = draw(st.lists(name_word, min_size=1, max_size=2, unique=True))
    last_recorded = "-".join(last_parts)
    full = f"{first} {last_recorded}"
    form = draw(st.sampled_from(["full", "first", "last", "initial_surname", "initials"]))
    if form == "initials":
        letters = [first[0], last_parts[0][0]]
        written = draw(st.sampled_from(["{}. {}.", "{}.{}.", "{}{}", "{}. {}"])).format(*letters)
        return full, written, "A. B."
    surname = draw(hyphens).join(last_parts)
    if form == "full":
        written, expected = f"{first}{draw(spaces)}{surname}", "Adele Brown"
    elif form == "first":
        written, expected = first, "Adele"
    elif form == "last":
        written, expected = surname, "Brown"
    else:
        written, expected = f"{first[0]}.{draw(spaces)}{surname}", "A. Brown"
    case: Callable[[str], str] = draw(st.sampled_from([str.title, str.upper, str.lower]))
    return full, case(written), expected


@settings(max_examples=300, deadline=None)
@given(
    person_and_variant(),
    st.sampled_from(["", "'s", "’s", "'"]),
    st.sampled_from(FILLER),
    st.sampled_from([" ", "\n", " (", ' "']),
)
def test_every_variant_of_a_name_is_caught(
    variant: tuple[str, str, str], possessive: str, word: str, opening: str
) -> None:
    full, written, expected = variant
    if possessive and written.endswith("."):
        possessive = ""  # "J. S.'s" is not how anyone writes
    text = f"The report said{opening}{written}{possessive} was seen by {word} agencies."
    gazetteer = Gazetteer(person_entries(full, "Adele Brown"))
    findings = [f for f in scan(text, gazetteer, detectors=[]) if f.kind == "person"]
    assert [f.matched for f in findings] == [written]
    assert findings[0].replacement.lower() == expected.lower()
    replaced = apply(text, [Decision(f, Action.PSEUDONYM) for f in findings])
    for part in re.split(r"[\s-]+", full):
        assert not re.search(rf"\b{re.escape(part)}\b", replaced, re.IGNORECASE)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_scanning_any_text_never_fails_and_spans_point_at_the_match(text: str) -> None:
    gazetteer = Gazetteer(person_entries("Jane Smith", "Adele"))
    findings = scan(text, gazetteer)
    for f in findings:
        assert text[f.start : f.end] == f.matched
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:], strict=False))
