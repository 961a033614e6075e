"""Files for upload tests, generated in the test (no binary fixtures in the repository)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

# The EICAR anti-virus test file: harmless, recognised by every scanner as a "virus".
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
# A Windows program starts with "MZ"; enough of one to be recognised by its magic bytes.
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 40
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40

DOCX_CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[Any]]) -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    data: bytes = HTML(string=f"<html lang='en'><body><p>{text}</p></body></html>").write_pdf()
    return data


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def fake_docx(**extra: bytes) -> bytes:
    """A minimal OOXML package with the parts that make it a DOCX, plus `extra` members."""
    members = {
        "[Content_Types].xml": DOCX_CONTENT_TYPES,
        "word/document.xml": b"<w:document/>",
    }
    members.update(extra)
    return zip_bytes(members)


@pytest.fixture
def upload() -> Callable[..., SimpleUploadedFile]:
    def _upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> Any:
        return SimpleUploadedFile(name, data, content_type=content_type)

    return _upload


@pytest.fixture(autouse=True)
def no_antivirus(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests must not depend on whether the machine has ClamAV installed."""
    from dhr.documents import antivirus

    monkeypatch.setattr(antivirus, "scanner_path", lambda: None)
