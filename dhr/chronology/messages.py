"""The importer's problem codes as translated sentences (the importer itself has no Django)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from dhr.chronology.importer import MAX_DATA_ROWS, MAX_UPLOAD_BYTES

MESSAGES: dict[str, Any] = {
    "required": _("Enter a value"),
    "date_invalid": _("Enter a real date, for example 14/03/2023"),
    "date_unrecognised": _(
        "Enter the date day first, for example 14/03/2023, March 2023 or c. 2021"
    ),
    "date_ambiguous": _(
        "The year has two digits, so the date is ambiguous: write the year in full, "
        "for example 03/04/2023"
    ),
    "date_year_only": _(
        "A year on its own is not a date: write c. %(year)s if the date is approximate"
    ),
    "date_future": _("The date must be today or in the past"),
    "date_before_birth": _("The date is before the victim's date of birth"),
    "time_invalid": _("Enter a 24-hour time, for example 09:30, or leave it blank"),
    "choice_unknown": _("“%(value)s” is not one of the choices in the template's guidance row"),
    "yes_no": _("Enter Yes or No"),
    "too_long": _("Shorten this to %(limit)s characters or fewer"),
    "columns": _(
        "The columns do not match the template. Missing: %(missing)s. Not recognised: "
        "%(unknown)s. Download the template and copy your rows into it."
    ),
    "empty": _("The file is empty. Use the template and add one row for each contact."),
    "no_rows": _("The file has a header row but no entries."),
    "too_many_rows": _(
        "The file has more than %(limit)s entries. Split it and upload the parts as separate "
        "versions, or contact the review coordinator."
    ),
    "xlsx_unreadable": _(
        "The file could not be read as an Excel workbook (.xlsx). It may be damaged, "
        "incomplete or another kind of file. Save it again from Excel as .xlsx, or use CSV."
    ),
    "macros": _("The workbook contains macros. Save it as a plain .xlsx workbook."),
    "too_large_uncompressed": _("The workbook expands to too much data to be read safely."),
    "csv_encoding": _(
        "The CSV file is not UTF-8 (problem near line %(row)s). In Excel choose "
        "“CSV UTF-8 (Comma delimited)” when saving."
    ),
    "csv_malformed": _("The CSV file is not well formed near line %(row)s."),
    "file_type": _("The file must be an Excel workbook (.xlsx) or a CSV file (.csv)"),
    "too_large": _("The file must be smaller than %(megabytes)s MB"),
}

LIMITS = {"limit": MAX_DATA_ROWS, "megabytes": MAX_UPLOAD_BYTES // (1024 * 1024)}


def message_for(code: str, params: dict[str, Any] | None = None) -> str:
    template = MESSAGES.get(code, MESSAGES["required"])
    values = {**LIMITS, "year": "", "row": "?", "value": "", "missing": "-", "unknown": "-"}
    values.update({key: value for key, value in (params or {}).items() if value not in ("", None)})
    return str(template) % values
