"""Reading the combined chronology: near-duplicates across agencies and gaps in contact.

Plain Python, no Django (tested without it). Rules (issue 3 item 6; R34):

- Two entries from different agencies are a possible duplicate (the same event told twice)
  when their date windows overlap (a day, a month, or the year for an approximate date) and
  either the contact type is the same or the text is at least 80% similar
  (``difflib.SequenceMatcher.ratio``). Entries are bucketed by day; only entries whose
  window is wider than a day are compared across a range, so the work stays near n log n.
- A gap is flagged when consecutive entries are more than ``gap_days`` days apart.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from dhr.chronology.importer import window_end

SIMILARITY_THRESHOLD = 0.8
# Comparing the opening of long accounts is enough to see they describe the same event.
COMPARED_CHARACTERS = 600


@dataclass(frozen=True)
class Item:
    key: Hashable
    agency: Hashable
    occurred_on: dt.date
    precision: str
    contact_type: str
    # The text, or a function that returns it: decrypting is the costly part of a large
    # chronology, and only entries that share a window with another agency's need it.
    text: str | Callable[[], str]

    @property
    def end(self) -> dt.date:
        return window_end(self.occurred_on, self.precision)


@dataclass(frozen=True)
class Gap:
    after: Hashable  # the key of the entry the gap follows
    days: int
    start: dt.date
    end: dt.date


def similar(a: str, b: str) -> bool:
    left, right = a[:COMPARED_CHARACTERS].lower(), b[:COMPARED_CHARACTERS].lower()
    if not left or not right:
        return False
    matcher = SequenceMatcher(None, left, right, autojunk=False)
    if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD:
        return False
    if matcher.quick_ratio() < SIMILARITY_THRESHOLD:
        return False
    return matcher.ratio() >= SIMILARITY_THRESHOLD


def _plain(item: Item, cache: dict[Hashable, str]) -> str:
    if not callable(item.text):
        return item.text
    if item.key not in cache:
        cache[item.key] = item.text()
    return cache[item.key]


def is_near_duplicate(a: Item, b: Item, cache: dict[Hashable, str] | None = None) -> bool:
    if a.agency == b.agency:
        return False
    if a.occurred_on > b.end or b.occurred_on > a.end:
        return False
    if a.contact_type == b.contact_type:
        return True
    texts = cache if cache is not None else {}
    return similar(_plain(a, texts), _plain(b, texts))


def near_duplicates(items: Sequence[Item]) -> dict[Hashable, set[Hashable]]:
    """key -> keys of entries from other agencies that may describe the same event."""
    found: dict[Hashable, set[Hashable]] = defaultdict(set)
    by_day: dict[dt.date, list[Item]] = defaultdict(list)
    wide: list[Item] = []
    texts: dict[Hashable, str] = {}
    for item in items:
        if item.end == item.occurred_on:
            by_day[item.occurred_on].append(item)
        else:
            wide.append(item)

    def pair(a: Item, b: Item) -> None:
        if is_near_duplicate(a, b, texts):
            found[a.key].add(b.key)
            found[b.key].add(a.key)

    for bucket in by_day.values():
        for i, a in enumerate(bucket):
            for b in bucket[i + 1 :]:
                pair(a, b)
    days = sorted(by_day)
    for i, a in enumerate(wide):
        low = bisect.bisect_left(days, a.occurred_on)
        high = bisect.bisect_right(days, a.end)
        for day in days[low:high]:
            for b in by_day[day]:
                pair(a, b)
        for b in wide[i + 1 :]:
            pair(a, b)
    return dict(found)


def gaps(items: Sequence[Item], *, gap_days: int) -> list[Gap]:
    """Gaps longer than `gap_days` between consecutive entries (sorted by date here)."""
    ordered = sorted(items, key=lambda item: item.occurred_on)
    found: list[Gap] = []
    for before, after in zip(ordered, ordered[1:], strict=False):
        days = (after.occurred_on - before.occurred_on).days
        if days > gap_days:
            found.append(Gap(before.key, days, before.occurred_on, after.occurred_on))
    return found
