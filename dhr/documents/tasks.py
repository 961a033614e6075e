"""Background work on stored documents: text extraction (django-tasks).

Run a worker with `python manage.py db_worker` (django-tasks-db); the tests use the immediate
backend. Extraction never crashes the worker: any failure is recorded on the document as
"failed" (the exception type goes to the log, never the document's content).
"""

from __future__ import annotations

import io
import logging

from django_tasks import task

from dhr.documents.models import Document, ExtractionStatus

logger = logging.getLogger(__name__)

# Enough for any real IMR or chronology; a larger text is cut, not refused.
MAX_EXTRACTED_CHARS = 2_000_000
MAX_PDF_PAGES = 2_000


def _pdf_text(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n\n".join(page.extract_text() or "" for page in pdf.pages[:MAX_PDF_PAGES])


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _xlsx_text(data: bytes) -> str:
    import openpyxl

    workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        lines = []
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                cells = [str(value) for value in row if value is not None]
                if cells:
                    lines.append("\t".join(cells))
        return "\n".join(lines)
    finally:
        workbook.close()


def _csv_text(data: bytes) -> str:
    return data.decode("utf-8-sig")


EXTRACTORS = {
    "application/pdf": _pdf_text,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _docx_text,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _xlsx_text,
    "text/csv": _csv_text,
}


def text_from(*, content_type: str, data: bytes) -> str | None:
    """The text of a file of a known type, or None when the type has no text to extract."""
    extractor = EXTRACTORS.get(content_type)
    if extractor is None:
        return None
    return extractor(data)[:MAX_EXTRACTED_CHARS]


@task()
def extract_text(document_id: str) -> str:
    """Extract and store a document's text; return the resulting status."""
    from django.core.files.storage import default_storage

    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    try:
        with default_storage.open(document.storage_key, "rb") as file:
            data = file.read()
        text = text_from(content_type=document.content_type, data=data)
    except Exception as error:  # noqa: BLE001 - a bad file must never stop the worker
        logger.warning(
            "text extraction failed for document %s: %s", document.pk, type(error).__name__
        )
        document.extraction_status = ExtractionStatus.FAILED
        document.save(update_fields=["extraction_status", "updated_at"])
        return document.extraction_status
    if text is None:
        document.extraction_status = ExtractionStatus.NOT_APPLICABLE
    else:
        document.extracted_text = text.replace("\x00", "")
        document.extraction_status = ExtractionStatus.DONE
    document.save(update_fields=["extraction_status", "extracted_text", "updated_at"])
    return document.extraction_status
