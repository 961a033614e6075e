from __future__ import annotations

import dataclasses
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from dhr.documents.rendering.docx_writer import render_docx
from dhr.documents.rendering.letters import (
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

from .conftest import CSP, PERSON_NAMES


def _document_text(document: DocxDocument) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def _expected_texts(letter: Letter) -> list[str]:
    texts: list[str] = []
    for block in letter.blocks:
        if isinstance(block, Paragraph | Heading):
            texts.append(block.text)
        elif isinstance(block, KeyValueTable):
            texts.append(block.caption)
            for key, value in block.rows:
                texts += [key, value]
        elif isinstance(block, BulletList):
            texts += block.items
    return texts


def _style(paragraph: DocxParagraph) -> str:
    return paragraph.style.name if paragraph.style is not None else ""


@pytest.fixture
def letter(decision_data: DecisionLetterData) -> Letter:
    return decision_letter(decision_data)


def test_package_is_a_valid_zip_with_content_types(letter: Letter) -> None:
    package = zipfile.ZipFile(io.BytesIO(render_docx(letter)))
    assert package.testzip() is None
    assert "[Content_Types].xml" in package.namelist()
    assert "word/document.xml" in package.namelist()


def test_every_block_is_in_the_document(letter: Letter) -> None:
    document = Document(io.BytesIO(render_docx(letter)))
    text = _document_text(document)
    for expected in [*_expected_texts(letter), letter.title, letter.reference, "10 March 2026"]:
        assert expected.split("\n")[0] in text, expected


def test_headings_are_word_headings(letter: Letter) -> None:
    document = Document(io.BytesIO(render_docx(letter)))
    styles = {p.text: _style(p) for p in document.paragraphs}
    assert styles[letter.title] == "Heading 1"
    assert styles["Reasons for the decision"] == "Heading 2"


def test_table_has_repeating_header_row_and_caption(letter: Letter) -> None:
    document = Document(io.BytesIO(render_docx(letter)))
    table = document.tables[0]
    assert table.rows[0].cells[0].text == "Item"
    header_properties = table._tbl.tr_lst[0].trPr
    assert header_properties is not None
    assert header_properties.find(qn("w:tblHeader")) is not None
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    assert caption is not None
    assert caption.get(qn("w:val")) == "Decision details"


def test_marking_and_page_number_in_header_and_footer(letter: Letter) -> None:
    document = Document(io.BytesIO(render_docx(letter)))
    section = document.sections[0]
    assert not section.header.is_linked_to_previous
    assert "OFFICIAL-SENSITIVE" in [p.text for p in section.header.paragraphs]
    assert "OFFICIAL-SENSITIVE" in [p.text for p in section.footer.paragraphs]
    footer_xml = section.footer._element.xml
    assert " PAGE " in footer_xml and " NUMPAGES " in footer_xml


def test_core_properties_name_the_csp_and_no_person(letter: Letter) -> None:
    props = Document(io.BytesIO(render_docx(letter))).core_properties
    assert props.title == letter.subject
    assert props.author == CSP
    assert props.last_modified_by == CSP
    assert props.comments == ""
    values = " ".join(
        str(getattr(props, name))
        for name in (
            "author", "category", "comments", "content_status", "identifier", "keywords",
            "language", "last_modified_by", "subject", "title", "version",
        )
    )  # fmt: skip
    for name in PERSON_NAMES:
        assert name not in values


def test_language_is_set_on_styles(decision_data: DecisionLetterData) -> None:
    welsh = decision_letter(dataclasses.replace(decision_data, language="cy"))
    document = Document(io.BytesIO(render_docx(welsh)))
    lang = document.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "cy-GB"
    assert "SWYDDOGOL-SENSITIF" in [p.text for p in document.sections[0].header.paragraphs]
    assert "Cyfeirnod: " in _document_text(document)


def test_markup_in_input_is_literal_text(decision_data: DecisionLetterData) -> None:
    hostile = "<script>alert(1)</script> & <w:p/>"
    data = dataclasses.replace(decision_data, decision=Decision.NOT_HOLD, rationale=hostile)
    document = Document(io.BytesIO(render_docx(decision_letter(data))))
    assert hostile in _document_text(document)


def test_bullets_use_list_style(direction_data: AgencyDirectionRequestData) -> None:
    document = Document(io.BytesIO(render_docx(agency_direction_request_letter(direction_data))))
    bullets = [p.text for p in document.paragraphs if _style(p) == "List Bullet"]
    assert bullets == list(direction_data.steps_taken)


@pytest.mark.skipif(
    shutil.which("libreoffice") is None, reason="libreoffice is not installed on this machine"
)
def test_libreoffice_converts_the_docx(letter: Letter, tmp_path: Path) -> None:
    source = tmp_path / "letter.docx"
    source.write_bytes(render_docx(letter))
    result = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            shutil.which("libreoffice") or "libreoffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "letter.pdf").stat().st_size > 0
