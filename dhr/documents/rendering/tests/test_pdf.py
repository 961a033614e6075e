from __future__ import annotations

import dataclasses
import io
from datetime import date

import pypdf
import pytest
from weasyprint.urls import FatalURLFetchingError, fetch

from dhr.documents.rendering.letters import (
    AgencyDirectionRequestData,
    Decision,
    DecisionLetterData,
    agency_direction_request_letter,
    decision_letter,
)
from dhr.documents.rendering.pdf_writer import LocalOnlyURLFetcher, letter_html, render_pdf

from .conftest import CSP

HOSTILE = '<script>alert(1)</script><img src="https://example.invalid/x.png"> "quoted" & more'


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(io.BytesIO(pdf))


def _text(reader: pypdf.PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture(scope="module")
def not_hold_pdf() -> bytes:
    # Module-scoped: one WeasyPrint run serves the read-only assertions below.
    data = DecisionLetterData(
        csp_name=CSP,
        review_reference="DHR-WSF-2026-003",
        letter_date=date(2026, 3, 10),
        contact_lines=("DHR Co-ordinator",),
        signatory_lines=("Chair, Westshire Community Safety Partnership",),
        death_came_to_attention=date(2026, 2, 1),
        date_of_death=date(2026, 1, 30),
        decision=Decision.NOT_HOLD,
        decision_date=date(2026, 2, 25),
        rationale=f"Neither party known to agencies. {HOSTILE}",
        eligibility_summary="Criteria considered by the CSP Chair.",
    )
    return render_pdf(decision_letter(data))


def test_pdf_contains_reference_and_rationale(not_hold_pdf: bytes) -> None:
    text = _text(_reader(not_hold_pdf))
    assert "DHR-WSF-2026-003" in text
    assert "Neither party known to agencies." in text
    assert "Quality Assurance Panel" in text


def test_pdf_is_tagged_with_title_and_language(not_hold_pdf: bytes) -> None:
    reader = _reader(not_hold_pdf)
    root = reader.root_object
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert reader.metadata is not None
    assert reader.metadata.title == "DHR-WSF-2026-003: decision on a Domestic Homicide Review"
    assert reader.metadata.author == "Westshire Community Safety Partnership"


def test_marking_and_page_numbers_on_every_page(not_hold_pdf: bytes) -> None:
    reader = _reader(not_hold_pdf)
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert text.count("OFFICIAL-SENSITIVE") >= 2
        assert f"Page {number} of {len(reader.pages)}" in text


def test_injected_markup_is_literal_text(not_hold_pdf: bytes) -> None:
    text = _text(_reader(not_hold_pdf))
    assert "<script>alert(1)</script>" in text
    assert "<img" in text


def test_html_escapes_every_field(decision_data: DecisionLetterData) -> None:
    data = dataclasses.replace(decision_data, csp_name=HOSTILE, rationale=HOSTILE)
    html = letter_html(decision_letter(data))
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html


def test_hostile_marking_cannot_break_out_of_css(decision_data: DecisionLetterData) -> None:
    letter = dataclasses.replace(
        decision_letter(decision_data), protective_marking='X"; } body { display: none'
    )
    html = letter_html(letter)
    assert 'X"; }' not in html
    assert "DHR-WSF-2026-003" in _text(_reader(render_pdf(letter)))


def test_fetcher_refuses_remote_urls() -> None:
    fetcher = LocalOnlyURLFetcher()
    for url in ("https://example.invalid/a.css", "http://x/y.png", "file:///etc/passwd"):
        with pytest.raises(FatalURLFetchingError), fetch(fetcher, url):
            pass


def test_welsh_pdf_language_and_marking(decision_data: DecisionLetterData) -> None:
    letter = decision_letter(dataclasses.replace(decision_data, language="cy"))
    reader = _reader(render_pdf(letter))
    assert reader.root_object["/Lang"] == "cy-GB"
    text = _text(reader)
    assert "SWYDDOGOL-SENSITIF" in text
    assert "Tudalen 1 o" in text
    assert "Cyfeirnod:" in text


def test_direction_request_renders(direction_data: AgencyDirectionRequestData) -> None:
    text = _text(_reader(render_pdf(agency_direction_request_letter(direction_data))))
    assert "Westshire Hospitals NHS Trust" in text
    assert "Meeting with the Medical Director" in text
