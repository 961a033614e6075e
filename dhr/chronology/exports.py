"""The combined chronology as an XLSX workbook and as a DOCX appendix (issue 3 item 6).

Both carry the protective marking and the review reference, never a name in the file name.
"""

from __future__ import annotations

import io
from collections.abc import Hashable
from typing import Any

from django.utils.translation import gettext as _

from dhr.chronology.choices import ContactType, DatePrecision, PanelMark, PersonInvolved, Referral
from dhr.chronology.combined import Combined
from dhr.chronology.models import ChronologyEntry
from dhr.reviews.models import Review

MARKING = "OFFICIAL-SENSITIVE"


def _labels(values: list[str], choices: Any) -> str:
    names = dict(choices.choices)
    return ", ".join(str(names.get(value, value)) for value in values or [])


def entry_date(entry: ChronologyEntry) -> str:
    """The date as precise as the agency gave it: a time, a day, a month or 'c. year'."""
    if entry.date_precision == DatePrecision.MONTH:
        return entry.occurred_on.strftime("%m/%Y")
    if entry.date_precision == DatePrecision.APPROXIMATE:
        return _("c. %(year)s") % {"year": entry.occurred_on.year}
    text = entry.occurred_on.strftime("%d/%m/%Y")
    if entry.occurred_time is not None:
        text += " " + entry.occurred_time.strftime("%H:%M")
    return text


def headings() -> list[str]:
    return [
        _("Date"),
        _("Agency"),
        _("Source record"),
        _("Contact type"),
        _("What happened"),
        _("People involved"),
        _("Abuse disclosed or observed"),
        _("Risk assessment"),
        _("Referrals made"),
        _("Action taken"),
        _("Panel mark"),
        _("Panel note"),
        _("Flags"),
    ]


def flags(entry: ChronologyEntry, combined: Combined, numbers: dict[Hashable, int]) -> str:
    found = []
    others = combined.duplicates.get(entry.pk)
    if others:
        rows = ", ".join(
            str(numbers[key])
            for key in sorted(others, key=lambda k: numbers.get(k, 0))
            if key in numbers
        )
        found.append(_("Possible duplicate of row %(rows)s") % {"rows": rows or "-"})
    gap = combined.gap_after.get(entry.pk)
    if gap is not None:
        found.append(_("Followed by a gap of %(days)s days") % {"days": gap.days})
    return "; ".join(found)


def row_values(
    entry: ChronologyEntry, combined: Combined, numbers: dict[Hashable, int]
) -> list[str]:
    return [
        entry_date(entry),
        entry.agency.name,
        entry.source_reference,
        str(ContactType(entry.contact_type).label),
        entry.what_happened,
        _labels(entry.people_involved, PersonInvolved),
        _("Yes") if entry.abuse_disclosed else _("No"),
        entry.risk_assessment,
        _labels(entry.referrals_made, Referral),
        entry.action_taken,
        str(PanelMark(entry.panel_mark).label) if entry.panel_mark else "",
        entry.panel_note,
        flags(entry, combined, numbers),
    ]


def _full(combined: Combined) -> list[ChronologyEntry]:
    return combined.load([entry.pk for entry in combined.entries])


def row_numbers(combined: Combined) -> dict[Hashable, int]:
    return {entry.pk: number for number, entry in enumerate(combined.entries, start=1)}


def export_filename(review: Review, extension: str) -> str:
    return f"{review.reference}-combined-chronology.{extension}"


def xlsx_bytes(*, review: Review, combined: Combined) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Combined chronology")[:31])
    sheet.append([MARKING, review.reference])
    sheet.append(["#", *headings()])
    numbers = row_numbers(combined)
    for entry in _full(combined):
        sheet.append([numbers[entry.pk], *row_values(entry, combined, numbers)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def docx_bytes(*, review: Review, combined: Combined) -> bytes:
    """A landscape appendix: a table with a repeating header row, marking in the header."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(12))
    section.header.paragraphs[0].text = f"{MARKING}  {review.reference}"
    section.footer.paragraphs[0].text = MARKING
    document.core_properties.title = _("Combined chronology")
    document.core_properties.author = review.lead_csp.name
    document.core_properties.comments = ""
    document.styles["Normal"].font.size = Pt(8)
    document.add_heading(_("Appendix: combined chronology"), level=1)
    document.add_paragraph(
        _("Review %(reference)s. %(count)s entries from %(agencies)s agencies.")
        % {
            "reference": review.reference,
            "count": len(combined.entries),
            "agencies": len(combined.agencies),
        }
    )
    columns = ["#", *headings()]
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    header = table.rows[0]
    for cell, text in zip(header.cells, columns, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    header_properties = header._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_properties.append(repeat)
    numbers = row_numbers(combined)
    for entry in _full(combined):
        cells = table.add_row().cells
        for cell, text in zip(
            cells, [str(numbers[entry.pk]), *row_values(entry, combined, numbers)], strict=True
        ):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
