"""The downloadable chronology template: the header row and one guidance row."""

from __future__ import annotations

import csv
import io

from dhr.chronology.importer import COLUMNS, GUIDANCE


def template_xlsx() -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chronology"
    sheet.append([heading for _key, heading in COLUMNS])
    sheet.append([GUIDANCE[key] for key, _heading in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for cell in sheet[2]:
        cell.font = Font(italic=True)
    for index in range(len(COLUMNS)):
        sheet.column_dimensions[chr(ord("A") + index)].width = 28
    # Dates typed into the Date column stay as typed (text), so "March 2023" is not converted.
    for row in range(3, 1003):
        sheet.cell(row=row, column=1).number_format = "@"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([heading for _key, heading in COLUMNS])
    writer.writerow([GUIDANCE[key] for key, _heading in COLUMNS])
    # A byte-order mark so Excel opens the file as UTF-8.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
