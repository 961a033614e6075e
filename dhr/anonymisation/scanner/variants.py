"""Turning one fact from the case record into every way a report might write it.

A person becomes their full name, first name, surname, middle and maiden names, nicknames,
aliases, "J. Smith", initials ("J. S.", "JS") and the parts of a double-barrelled surname, each
mapped to the matching part of their pseudonym. A date becomes every common written form
("3 March 1990", "3rd of March 1990", "March 3, 1990", "03/03/1990", "3 Mawrth 1990", and the
day and month alone). A place becomes itself and its Welsh mutated forms. Possessives,
hyphenation, line breaks and case need no variants: the gazetteer's matching handles them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dhr.anonymisation.scanner.gazetteer import GazetteerEntry
from dhr.anonymisation.scanner.welsh import MUTATIONS, mutate

GENERIC_REPLACEMENTS = {
    "person": "[name]",
    "address": "[address]",
    "street": "a local street",
    "town": "the town",
    "postcode": "[postcode]",
    "date_of_birth": "[date of birth]",
    "date_of_death": "[date of death]",
    "school": "a local school",
    "employer": "an employer",
    "gp_practice": "a GP practice",
    "professional": "a professional",
}

# Names that are also everyday English words: matched only as written (and in capitals), so
# "Will" the brother is found and "he will" is not.
COMMON_WORDS = frozenset(
    [
        "will",
        "may",
        "june",
        "april",
        "august",
        "rose",
        "mark",
        "bill",
        "grace",
        "hope",
        "joy",
        "faith",
        "dawn",
        "summer",
        "frank",
        "jack",
        "ray",
        "rob",
        "sue",
        "pat",
        "art",
        "don",
        "guy",
        "bob",
        "bat",
        "iris",
        "holly",
        "ivy",
        "amber",
        "crystal",
        "sky",
        "angel",
        "chase",
        "hunter",
        "page",
        "brook",
        "brooke",
        "lane",
        "hill",
        "wood",
        "field",
        "green",
        "white",
        "black",
        "brown",
        "young",
        "king",
        "long",
        "rich",
        "sandy",
        "rusty",
        "penny",
        "carol",
        "jean",
        "gene",
        "dean",
        "drew",
        "miles",
        "norman",
        "sterling",
        "victor",
        "major",
        "bishop",
        "cook",
        "baker",
        "mason",
        "carter",
        "turner",
        "walker",
        "hall",
        "price",
        "bell",
        "reading",
        "wells",
        "hay",
        "march",
        "ford",
        "north",
        "south",
        "west",
        "east",
        "street",
        "close",
        "park",
    ]
)

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WELSH_MONTHS = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
]
STREET_WORDS = re.compile(
    r"^(?:heol|stryd|ffordd|lôn|lon|rhodfa|clos|cilgant|teras)\b"
    r"|\b(?:road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|court|gardens|place|"
    r"terrace|grove|row|walk|square|mews|hill|rise|view)\.?$",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$", re.IGNORECASE)


def entry(term: str, kind: str, replacement: str, note: str = "") -> GazetteerEntry:
    """An entry, case-sensitive when the term is also an everyday word."""
    term = " ".join(term.split())
    return GazetteerEntry(
        term=term,
        kind=kind,
        replacement=replacement,
        note=note,
        case_sensitive=term.lower() in COMMON_WORDS,
    )


def _initials(tokens: list[str]) -> list[str]:
    letters = [t[0].upper() for t in tokens if t[:1].isalpha()]
    if len(letters) < 2:
        return []
    return [
        ". ".join(letters) + ".",
        ".".join(letters) + ".",
        ". ".join(letters),
        ".".join(letters),
        "".join(letters),
        " ".join(letters),
    ]


def person_entries(
    full_name: str,
    pseudonym: str = "",
    *,
    kind: str = "person",
    nicknames: Iterable[str] = (),
    aliases: Iterable[str] = (),
    maiden_names: Iterable[str] = (),
) -> list[GazetteerEntry]:
    """Every form of one person's name, most specific first, each mapped to the pseudonym.

    The pseudonym's first word stands in for first, middle and nicknames, its last word for
    surnames; with no pseudonym the generic replacement for `kind` is used.
    """
    tokens = full_name.split()
    if not tokens:
        return []
    replacement = pseudonym.strip() or GENERIC_REPLACEMENTS.get(kind, "[name]")
    pseudo = replacement.split() if pseudonym.strip() else [replacement]
    p_first, p_last = pseudo[0], pseudo[-1]
    first, last, middles = tokens[0], tokens[-1], tokens[1:-1]
    out = [entry(full_name, kind, replacement, "full name")]
    if len(tokens) > 1:
        if middles:
            out.append(entry(f"{first} {last}", kind, replacement, "first name and surname"))
        shortened = f"{p_first[0]}. {p_last}" if pseudonym.strip() else replacement
        out.append(entry(f"{first[0]}. {last}", kind, shortened, "initial"))
        out.append(entry(f"{first[0]} {last}", kind, shortened, "initial"))
        p_initials = (_initials(pseudo) if pseudonym.strip() else []) or [replacement]
        forms = _initials(tokens) + (_initials([first, last]) if middles else [])
        for form in dict.fromkeys(forms):
            out.append(GazetteerEntry(form, kind, p_initials[0], "initials", case_sensitive=True))
    out.append(entry(first, kind, p_first, "first name"))
    if len(tokens) > 1:
        out.append(entry(last, kind, p_last, "surname"))
        if "-" in last:
            for part in last.split("-"):
                out.append(entry(part, kind, p_last, "part of a double-barrelled surname"))
    for middle in middles:
        out.append(entry(middle, kind, p_first, "middle name"))
    for maiden in maiden_names:
        out.append(entry(f"{first} {maiden}", kind, replacement, "maiden name"))
        out.append(entry(maiden, kind, p_last, "maiden name"))
    for alias in aliases:
        out.append(entry(alias, kind, replacement, "alias"))
    for nickname in nicknames:
        out.append(entry(nickname, kind, p_first, "nickname"))
    return out


def place_entries(
    name: str, *, kind: str = "town", replacement: str = "", welsh: bool = True
) -> list[GazetteerEntry]:
    """A place and, for Welsh text, its soft, nasal and aspirate mutated forms."""
    replacement = replacement or GENERIC_REPLACEMENTS.get(kind, "[place]")
    out = [entry(name, kind, replacement)]
    if welsh:
        for mutation in MUTATIONS:
            form = mutate(name, mutation)
            if form and form.lower() != name.lower():
                out.append(entry(form, kind, replacement, f"Welsh {mutation} mutation"))
    return out


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def date_forms(date: dt.date) -> list[str]:
    """Every common written form of a date, with and without the year."""
    d, m, y = date.day, date.month, date.year
    month = MONTHS[m - 1]
    months = [month, month[:3]] + (["Sept"] if m == 9 else [])
    nth = _ordinal(d)
    forms: list[str] = []
    for name in [*months, WELSH_MONTHS[m - 1]]:
        forms += [f"{d} {name} {y}", f"{nth} {name} {y}", f"{nth} of {name} {y}"]
        forms += [f"{name} {d} {y}", f"{name} {d}, {y}", f"{name} {nth} {y}", f"{name} {nth}, {y}"]
        forms += [f"{d} {name}", f"{nth} {name}", f"{nth} of {name}", f"{name} {nth}"]
    for sep in "/.-":
        forms += [f"{d:02}{sep}{m:02}{sep}{y}", f"{d}{sep}{m}{sep}{y}"]
    forms += [f"{d:02}/{m:02}/{y % 100:02}", f"{d}/{m}/{y % 100:02}", date.isoformat()]
    return list(dict.fromkeys(forms))


def date_entries(date: dt.date, *, kind: str, replacement: str = "") -> list[GazetteerEntry]:
    replacement = replacement or GENERIC_REPLACEMENTS.get(kind, "[date]")
    return [entry(form, kind, replacement, "written date") for form in date_forms(date)]


def organisation_entries(name: str, *, kind: str, replacement: str = "") -> list[GazetteerEntry]:
    """A school, employer or GP practice: its name, without "The", and St/St./Saint forms."""
    replacement = replacement or GENERIC_REPLACEMENTS.get(kind, "[organisation]")
    names = [name.strip()]
    if names[0].lower().startswith("the "):
        names.append(names[0][4:])
    for written in list(names):
        if re.match(r"(?i)st\.? ", written):
            rest = written.split(" ", 1)[1]
            names += [f"St {rest}", f"St. {rest}", f"Saint {rest}"]
    return [entry(n, kind, replacement) for n in dict.fromkeys(names)]


def _joined(lines: list[str]) -> list[str]:
    """The lines joined with a comma or just a space (or line break) at each break."""
    forms = [lines[0]] if lines else []
    for line in lines[1:6]:
        forms = [f"{form}{glue}{line}" for form in forms for glue in (", ", " ")]
    return forms


def address_entries(
    address: str, *, replacement: str = "", welsh: bool = True
) -> list[GazetteerEntry]:
    """An address as a whole and line by line: house and street, street, town, postcode."""
    replacement = replacement or GENERIC_REPLACEMENTS["address"]
    lines = [line.strip() for line in re.split(r"[,\n]", address) if line.strip()]
    out = [entry(form, "address", replacement, "full address") for form in _joined(lines)]
    # The address as far as each line ("Flat 3, 22 Bute Street", "14 Heol y Felin, Pontypridd").
    for end in range(len(lines) - 1, 1, -1):
        out += [entry(form, "address", replacement, "first lines") for form in _joined(lines[:end])]
    for line in lines:
        if _POSTCODE.match(line):
            compact = re.sub(r"\s+", "", line).upper()
            spaced = f"{compact[:-3]} {compact[-3:]}"
            out += [entry(spaced, "postcode", GENERIC_REPLACEMENTS["postcode"], "postcode")]
            out += [entry(compact, "postcode", GENERIC_REPLACEMENTS["postcode"], "postcode")]
            continue
        number = re.match(r"^(?:flat|apartment|unit)?\s*\d+[a-z]?\s+(.+)$", line, re.IGNORECASE)
        if number:
            out.append(entry(line, "address", replacement, "house number and street"))
            street = number.group(1)
            if STREET_WORDS.search(street):
                out.append(entry(street, "street", GENERIC_REPLACEMENTS["street"], "street"))
        elif STREET_WORDS.search(line):
            out.append(entry(line, "street", GENERIC_REPLACEMENTS["street"], "street"))
        elif not re.match(r"(?i)^(?:flat|apartment|unit)\b", line):
            out += place_entries(line, kind="town", welsh=welsh)
    return out
