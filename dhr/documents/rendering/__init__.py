"""Framework-free rendering of letters to DOCX and PDF (no Django models or templates)."""

from __future__ import annotations

from .docx_writer import render_docx
from .letters import (
    AgencyDirectionRequestData,
    BulletList,
    Decision,
    DecisionLetterData,
    Heading,
    KeyValueTable,
    Letter,
    Paragraph,
    agency_direction_request_letter,
    decision_letter,
)
from .pdf_writer import render_pdf

__all__ = [
    "AgencyDirectionRequestData",
    "BulletList",
    "Decision",
    "DecisionLetterData",
    "Heading",
    "KeyValueTable",
    "Letter",
    "Paragraph",
    "agency_direction_request_letter",
    "decision_letter",
    "render_docx",
    "render_pdf",
]
