"""Render a :class:`~dhr.documents.rendering.letters.Letter` to DOCX bytes with python-docx.

What the output guarantees, because reviewers and the Home Office open these files in Word:

- the protective marking is in the header and the footer of every page (Government Security
  Classifications: a marking must be visible on each page), with "Page X of Y" fields;
- real Word headings (Heading 1/2), tables with a repeating header row and a caption, and the
  document language on the styles, so screen readers and spell-check behave;
- core properties are set deliberately: title = the subject, author = the CSP (never a
  person: properties travel with the file and must not identify anyone, R20 letters go
  outside the partnership), comments cleared of python-docx's default text.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from .letters import (
    BulletList,
    Heading,
    KeyValueTable,
    Letter,
    Paragraph,
    format_date,
    label,
)

# w:lang must precede these in w:rPr (ECMA-376 CT_RPr sequence); Word asks to repair the
# file when the order is wrong.
_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_STYLES_WITH_LANGUAGE = (
    "Normal",
    "Title",
    "Heading 1",
    "Heading 2",
    "Caption",
    "List Bullet",
    "Header",
    "Footer",
)


def _set_lang(rpr: BaseOxmlElement, tag: str) -> None:
    for existing in rpr.findall(qn("w:lang")):
        rpr.remove(existing)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)
    # lxml elements without children are falsy, hence the explicit ``is not None``.
    successors = (rpr.find(qn(name)) for name in _RPR_AFTER_LANG)
    successor = next((element for element in successors if element is not None), None)
    if successor is not None:
        successor.addprevious(lang)
    else:
        rpr.append(lang)


def _configure_language(document: DocxDocument, tag: str) -> None:
    styles_element = document.styles.element
    default_rpr = styles_element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if default_rpr is not None:
        _set_lang(default_rpr, tag)
    for name in _STYLES_WITH_LANGUAGE:
        _set_lang(document.styles[name].element.get_or_add_rPr(), tag)
    theme_lang = document.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:val"), tag)


def _add_field(paragraph: DocxParagraph, instruction: str) -> None:
    """Append a complex field (e.g. PAGE) whose cached result Word and LibreOffice refresh."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("result", "1"),
        ("end", None),
    ]
    for kind, text in parts:
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "result":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _marking_paragraph(paragraph: DocxParagraph, marking: str) -> None:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(marking)
    run.bold = True


def _configure_section(section: Section, letter: Letter) -> None:
    section.page_height, section.page_width = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(25)
    section.different_first_page_header_footer = False

    header = section.header
    header.is_linked_to_previous = False
    _marking_paragraph(header.paragraphs[0], letter.protective_marking)

    footer = section.footer
    footer.is_linked_to_previous = False
    _marking_paragraph(footer.paragraphs[0], letter.protective_marking)
    numbers = footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbers.add_run(f"{label('page', letter.language)} ")
    _add_field(numbers, "PAGE")
    numbers.add_run(f" {label('page_of', letter.language)} ")
    _add_field(numbers, "NUMPAGES")


def _add_lines(document: DocxDocument, lines: tuple[str, ...] | list[str]) -> DocxParagraph:
    paragraph = document.add_paragraph()
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _add_text(document: DocxDocument, text: str) -> DocxParagraph:
    return _add_lines(document, text.split("\n"))


def _add_table(document: DocxDocument, block: KeyValueTable, language: str) -> None:
    document.add_paragraph(block.caption, style="Caption")
    table = document.add_table(rows=1, cols=2)
    table.style = document.styles["Table Grid"]
    caption = OxmlElement("w:tblCaption")
    caption.set(qn("w:val"), block.caption)
    table._tbl.tblPr.append(caption)

    header_row = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_row._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(
        header_row.cells, (label("item", language), label("detail", language)), strict=True
    ):
        cell.paragraphs[0].add_run(text).bold = True

    for key, value in block.rows:
        key_cell, value_cell = table.add_row().cells
        key_cell.paragraphs[0].add_run(key).bold = True
        lines = value.split("\n")
        for index, line in enumerate(lines):
            run = value_cell.paragraphs[0].add_run(line)
            if index < len(lines) - 1:
                run.add_break()
    document.add_paragraph()


def _write_body(document: DocxDocument, letter: Letter) -> None:
    lang = letter.language
    _add_lines(document, letter.sender_lines)
    _add_lines(document, letter.recipient_lines)
    meta = document.add_paragraph()
    meta.add_run(f"{label('reference', lang)}: ").bold = True
    meta.add_run(letter.reference).add_break()
    meta.add_run(f"{label('date', lang)}: ").bold = True
    meta.add_run(format_date(letter.date, lang))

    document.add_heading(letter.title, level=1)
    document.add_paragraph(letter.salutation)
    subject = document.add_paragraph()
    subject.add_run(f"{label('subject', lang)}: {letter.subject}").bold = True

    for block in letter.blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=2)
        elif isinstance(block, Paragraph):
            _add_text(document, block.text)
        elif isinstance(block, KeyValueTable):
            _add_table(document, block, lang)
        elif isinstance(block, BulletList):
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")
        else:  # pragma: no cover - the Block union is closed
            raise TypeError(f"Unknown block {block!r}")

    document.add_paragraph(letter.closing)
    _add_lines(document, letter.signatory_lines)


def _set_core_properties(document: DocxDocument, letter: Letter) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    props = document.core_properties
    props.title = letter.subject
    props.subject = letter.title
    props.author = letter.author_organisation
    props.last_modified_by = letter.author_organisation
    props.comments = ""
    props.keywords = letter.reference
    props.category = ""
    props.content_status = letter.protective_marking
    props.language = letter.language_tag
    props.identifier = letter.reference
    props.created = now
    props.modified = now
    props.revision = 1


def render_docx(letter: Letter) -> bytes:
    """Return the letter as a DOCX package (bytes) that Word opens without repair."""
    document = Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    _configure_language(document, letter.language_tag)
    _configure_section(document.sections[0], letter)
    _write_body(document, letter)
    _set_core_properties(document, letter)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


__all__ = ["render_docx"]
