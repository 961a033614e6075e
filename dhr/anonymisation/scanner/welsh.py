"""Welsh initial-consonant mutations of place names, so "yng Nghaerdydd" still finds Caerdydd.

Welsh changes the first consonant of a word after certain words ("i Gaerdydd", "yng
Nghaerdydd", "a Chaerdydd"). A published Welsh report can therefore name a town in a form that
never appears in the case record. The three mutations and the consonants they affect are the
standard table of Welsh grammar:

- soft (treiglad meddal): p→b, t→d, c→g, b→f, d→dd, g→(dropped), m→f, ll→l, rh→r
- nasal (treiglad trwynol): p→mh, t→nh, c→ngh, b→m, d→n, g→ng
- aspirate (treiglad llaes): p→ph, t→th, c→ch

Digraphs that begin with one of these letters but are letters of their own in Welsh ("ch",
"ph", "th", "dd", "ng") do not mutate, so "Chwilog" yields no forms.
"""

from __future__ import annotations

SOFT = {"p": "b", "t": "d", "c": "g", "b": "f", "d": "dd", "g": "", "m": "f", "ll": "l", "rh": "r"}
NASAL = {"p": "mh", "t": "nh", "c": "ngh", "b": "m", "d": "n", "g": "ng"}
ASPIRATE = {"p": "ph", "t": "th", "c": "ch"}
MUTATIONS = {"soft": SOFT, "nasal": NASAL, "aspirate": ASPIRATE}

# Welsh letters written with two characters: an initial one of these is not a mutable consonant.
_UNMUTABLE_DIGRAPHS = ("ch", "ph", "th", "dd", "ng")


def _initial(word: str) -> str | None:
    """The mutable initial consonant of `word` ("ll", "rh" or one letter), or None."""
    lower = word.lower()
    if lower.startswith(("ll", "rh")):
        return lower[:2]
    if lower.startswith(_UNMUTABLE_DIGRAPHS):
        return None
    if lower[:1] in SOFT:
        return lower[:1]
    return None


def _with_case(replacement: str, rest: str, original: str) -> str:
    mutated = replacement + rest
    if original[:1].isupper() and mutated:
        return mutated[0].upper() + mutated[1:]
    return mutated


def mutate(word: str, mutation: str) -> str | None:
    """The form of `word` under `mutation` ("soft", "nasal", "aspirate"), or None if unchanged.

    Only the first word of a multi-word name mutates ("Port Talbot" → "Borth Talbot" is a
    different, historical name; "Bort Talbot" is what the rule produces and is still caught).
    """
    if not word:
        return None
    first, _, tail = word.partition(" ")
    initial = _initial(first)
    table = MUTATIONS[mutation]
    if initial is None or initial not in table:
        return None
    rest = first[len(initial) :]
    if table[initial] == "" and rest:
        # Soft mutation of g drops the letter: "Gwynedd" → "Wynedd".
        mutated = rest[0].upper() + rest[1:] if first[:1].isupper() else rest
    else:
        mutated = _with_case(table[initial], rest, first)
    return f"{mutated} {tail}" if tail else mutated


def mutated_forms(word: str) -> list[str]:
    """Every distinct mutated form of `word` (not including `word` itself), in table order."""
    forms: list[str] = []
    for mutation in MUTATIONS:
        form = mutate(word, mutation)
        if form and form.lower() != word.lower() and form not in forms:
            forms.append(form)
    return forms
