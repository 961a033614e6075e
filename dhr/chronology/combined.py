"""The combined chronology as the page and the exports show it (issue 3 item 6; R34).

Builds, from the review's current entries: the filtered, sorted rows; near-duplicate and gap
flags (`analysis`); and an inline SVG summary (one lane per agency, entries per month, gaps
shaded) whose every shape has a title. The table is the accessible source of truth; the SVG
is a picture of it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Max, TextField
from django.db.models.functions import Cast
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from dhr.accounts.models import Organisation
from dhr.chronology.analysis import Gap, Item, gaps, near_duplicates
from dhr.chronology.choices import ContactType, PersonInvolved
from dhr.chronology.models import ChronologyEntry, ChronologySubmission
from dhr.chronology.selectors import current_entries
from dhr.core import crypto
from dhr.reviews.models import Review

PAGE_SIZE = 100


@dataclass
class Filters:
    agency: uuid.UUID | None = None
    person: str = ""
    contact_type: str = ""
    ignored: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.agency or self.person or self.contact_type)

    def query(self) -> dict[str, str]:
        found = {"agency": str(self.agency) if self.agency else "", "person": self.person}
        found["type"] = self.contact_type
        return {key: value for key, value in found.items() if value}


def parse_filters(params: Mapping[str, str], agency_ids: set[uuid.UUID]) -> Filters:
    """Read the GET filters. Unknown values are ignored, and the page says which were."""
    filters = Filters()
    agency = (params.get("agency") or "").strip()
    if agency:
        try:
            parsed = uuid.UUID(agency)
        except ValueError:
            parsed = None
        if parsed in agency_ids:
            filters.agency = parsed
        else:
            filters.ignored.append(_("agency"))
    person = (params.get("person") or "").strip()
    if person:
        if person in PersonInvolved.values:
            filters.person = person
        else:
            filters.ignored.append(_("person involved"))
    contact_type = (params.get("type") or "").strip()
    if contact_type:
        if contact_type in ContactType.values:
            filters.contact_type = contact_type
        else:
            filters.ignored.append(_("type of contact"))
    return filters


@dataclass(frozen=True)
class Shown:
    """What the analysis and the picture need of an entry; the page loads the rest."""

    pk: uuid.UUID
    agency_id: uuid.UUID
    agency: Organisation
    occurred_on: dt.date
    date_precision: str
    contact_type: str
    people_involved: list[str]


@dataclass
class Combined:
    entries: list[Shown]
    duplicates: dict[Hashable, set[Hashable]]
    gaps: list[Gap]
    gap_after: dict[Hashable, Gap]
    agencies: list[Any]
    total: int

    def load(self, keys: list[Any]) -> list[ChronologyEntry]:
        """The full entries for `keys` (decrypted), in the order given."""
        found = ChronologyEntry.objects.select_related("agency").in_bulk(keys)
        return [found[key] for key in keys if key in found]


DUPLICATES_CACHE_SECONDS = 24 * 60 * 60


def _duplicates(review: Review, items: dict[Any, Item]) -> dict[Hashable, set[Hashable]]:
    """Near-duplicates, cached until any entry or submission of the review changes.

    Comparing texts is the costly part of a large chronology (thousands of comparisons); the
    answer depends only on the current entries, so the cache key is their fingerprint: how many
    there are and when an entry or a submission last changed. The cached value holds ids only.
    """
    entry_stamp = ChronologyEntry.objects.filter(review=review).aggregate(
        count=Count("pk"), latest=Max("updated_at")
    )
    submission_stamp = ChronologySubmission.objects.filter(review=review).aggregate(
        count=Count("pk"), latest=Max("updated_at")
    )
    key = "chronology-duplicates:{}:{}:{}:{}:{}:{}".format(
        review.pk,
        len(items),
        entry_stamp["count"],
        entry_stamp["latest"].isoformat() if entry_stamp["latest"] else "",
        submission_stamp["count"],
        submission_stamp["latest"].isoformat() if submission_stamp["latest"] else "",
    )
    found = cache.get(key)
    if found is None:
        found = near_duplicates(list(items.values()))
        cache.set(key, found, DUPLICATES_CACHE_SECONDS)
    return found


def _decrypter(ciphertext: str) -> Any:
    return lambda: crypto.decrypt(ciphertext) if ciphertext else ""


def build(*, review: Review, filters: Filters, gap_days: int) -> Combined:
    """All current entries, filtered; duplicates found across every agency's current entries.

    Reads only the columns the analysis needs, with the text still encrypted: it is decrypted
    only for entries that share a date window with another agency's entry.
    """
    rows = (
        current_entries(review=review)
        .annotate(
            ciphertext=Cast("what_happened", output_field=TextField()),
            # As text: thousands of rows name a handful of agencies, so skip building UUIDs.
            agency_text=Cast("agency_id", output_field=TextField()),
        )
        .values_list(
            "pk",
            "agency_text",
            "occurred_on",
            "date_precision",
            "contact_type",
            "people_involved",
            "ciphertext",
        )
    )
    organisations = Organisation.objects.filter(
        pk__in=ChronologySubmission.objects.filter(review=review, superseded=False).values(
            "agency_id"
        )
    )
    # SQLite stores a UUID as 32 hex digits, PostgreSQL's text form has dashes: accept both.
    by_text = {text: o for o in organisations for text in (o.pk.hex, str(o.pk))}
    agency_by_id: dict[Any, Organisation] = {}
    everything: list[Shown] = []
    items: dict[Any, Item] = {}
    for pk, agency_text, occurred_on, precision, contact_type, people, ciphertext in rows:
        agency = by_text[agency_text]
        agency_id = agency.pk
        agency_by_id[agency_id] = agency
        shown = Shown(pk, agency_id, agency, occurred_on, precision, contact_type, people)
        everything.append(shown)
        items[pk] = Item(
            pk, agency_id, occurred_on, precision, contact_type, _decrypter(ciphertext)
        )
    duplicates = _duplicates(review, items)
    agencies = sorted(agency_by_id.values(), key=lambda agency: agency.name)
    shown_entries = [entry for entry in everything if _matches(entry, filters)]
    found_gaps = gaps([items[entry.pk] for entry in shown_entries], gap_days=gap_days)
    return Combined(
        entries=shown_entries,
        duplicates=duplicates,
        gaps=found_gaps,
        gap_after={gap.after: gap for gap in found_gaps},
        agencies=agencies,
        total=len(everything),
    )


def _matches(entry: Shown, filters: Filters) -> bool:
    if filters.agency and entry.agency_id != filters.agency:
        return False
    if filters.person and filters.person not in (entry.people_involved or []):
        return False
    return not (filters.contact_type and entry.contact_type != filters.contact_type)


# --- the SVG summary -----------------------------------------------------------------------

WIDTH, LABEL_WIDTH, LANE_HEIGHT, AXIS_HEIGHT = 960, 220, 30, 28


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def timeline_svg(combined: Combined, *, title: str) -> SafeString:
    """One lane per agency; a bar per month with entries (darker when more); gaps shaded."""
    entries = combined.entries
    if not entries:
        return mark_safe("")  # noqa: S308  (nothing to draw)
    first = _month_index(min(entry.occurred_on for entry in entries))
    last = _month_index(max(entry.occurred_on for entry in entries))
    months = last - first + 1
    plot = WIDTH - LABEL_WIDTH - 10
    step = plot / months
    lanes = sorted({entry.agency for entry in entries}, key=lambda agency: agency.name)
    lane_of = {agency.pk: index for index, agency in enumerate(lanes)}
    counts: Counter[tuple[int, int]] = Counter(
        (lane_of[entry.agency_id], _month_index(entry.occurred_on) - first) for entry in entries
    )
    peak = max(counts.values())
    height = AXIS_HEIGHT + LANE_HEIGHT * len(lanes) + 10
    desc = _(
        "%(entries)s entries from %(agencies)s agencies between %(start)s and %(end)s; "
        "%(gaps)s gaps in contact flagged. The table below lists every entry."
    ) % {
        "entries": len(entries),
        "agencies": len(lanes),
        "start": min(entry.occurred_on for entry in entries).strftime("%d/%m/%Y"),
        "end": max(entry.occurred_on for entry in entries).strftime("%d/%m/%Y"),
        "gaps": len(combined.gaps),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dhr-timeline" role="img" '
        f'aria-labelledby="timeline-title timeline-desc" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet">',
        f'<title id="timeline-title">{escape(title)}</title>',
        f'<desc id="timeline-desc">{escape(desc)}</desc>',
    ]
    for gap in combined.gaps:
        x = LABEL_WIDTH + (_month_index(gap.start) - first + 1) * step
        span = max((_month_index(gap.end) - _month_index(gap.start) - 1) * step, 2)
        label = _("Gap in contact: %(days)s days") % {"days": gap.days}
        parts.append(
            f'<rect x="{x:.1f}" y="{AXIS_HEIGHT}" width="{span:.1f}" '
            f'height="{LANE_HEIGHT * len(lanes)}" fill="#f4d6d6"><title>{escape(label)}</title>'
            "</rect>"
        )
    year = first // 12
    while year * 12 <= last:
        x = LABEL_WIDTH + max(year * 12 - first, 0) * step
        parts.append(
            f'<text x="{x:.1f}" y="18" font-size="13" fill="#0b0c0c">{year}</text>'
            f'<line x1="{x:.1f}" y1="22" x2="{x:.1f}" y2="{height - 10}" stroke="#b1b4b6"/>'
        )
        year += 1
    for lane, lane_agency in enumerate(lanes):
        y = AXIS_HEIGHT + lane * LANE_HEIGHT
        name = lane_agency.name
        parts.append(
            f'<text x="0" y="{y + 19}" font-size="13" fill="#0b0c0c">{escape(name[:30])}</text>'
        )
    for (lane, month), count in sorted(counts.items()):
        y = AXIS_HEIGHT + lane * LANE_HEIGHT + 5
        x = LABEL_WIDTH + month * step
        year_number, month_number = divmod(first + month, 12)
        label = _("%(agency)s, %(month)s %(year)s: %(count)s entries") % {
            "agency": lanes[lane].name,
            "month": calendar.month_name[month_number + 1],
            "year": year_number,
            "count": count,
        }
        opacity = 0.35 + 0.65 * count / peak
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{max(step - 1, 1.5):.1f}" '
            f'height="{LANE_HEIGHT - 10}" fill="#1d70b8" fill-opacity="{opacity:.2f}">'
            f"<title>{escape(label)}</title></rect>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308  (every value above is escaped or numeric)
