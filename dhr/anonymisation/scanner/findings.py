"""What the scanner reports: one `Finding` per identifier found, with the rule that found it."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT_CHARS = 40


@dataclass(frozen=True, slots=True)
class Finding:
    """One identifier in a text.

    `start`/`end` are offsets into the scanned text (`text[start:end] == matched`), `reason`
    names the rule that fired (a gazetteer entry's kind and term, or a detector's rule), and
    `replacement` is the suggested pseudonym or generic wording.
    """

    kind: str
    start: int
    end: int
    matched: str
    reason: str
    replacement: str
    source: str
    before: str = ""
    after: str = ""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def context(self) -> str:
        """The finding in its sentence, as a reviewer sees it: before, [[match]], after."""
        return f"{self.before}[[{self.matched}]]{self.after}"


def context_around(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """Up to `width` characters either side of a span, line breaks shown as spaces."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return before.replace("\n", " "), after.replace("\n", " ")
