"""Render a :class:`~dhr.documents.rendering.letters.Letter` to a tagged PDF with WeasyPrint.

- Every piece of text goes through ``html.escape`` (and CSS strings through ``_css_string``):
  letter content comes from users and must never become markup.
- The PDF is produced as PDF/UA-1 (``pdf_variant="pdf/ua-1"``, which turns on ``pdf_tags``
  and PDF 1.7 in WeasyPrint 70), with ``<title>`` -> /Title and ``<html lang>`` -> /Lang.
- The protective marking sits in @page margin boxes, so it is on every page, top and bottom,
  with "Page X of Y" (Government Security Classifications: mark each page).
- No network: the URL fetcher refuses everything but ``data:`` URLs and the failure is fatal,
  because the HTML built here never references a resource; a fetch would mean injection.
  Fonts come from fontconfig (DejaVu / Liberation on the servers), never from a URL.
"""

from __future__ import annotations

from html import escape

from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .letters import BulletList, Heading, KeyValueTable, Letter, Paragraph, format_date, label

PDF_VARIANT = "pdf/ua-1"
FONT_STACK = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
ALLOWED_URL_SCHEMES = frozenset({"data"})


class LocalOnlyURLFetcher(URLFetcher):
    """A URL fetcher that refuses every non-local URL (only ``data:`` is allowed).

    ``fail_on_errors=True`` makes WeasyPrint stop instead of silently dropping the resource.
    """

    def __init__(self) -> None:
        super().__init__(allowed_protocols=ALLOWED_URL_SCHEMES, fail_on_errors=True)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme not in ALLOWED_URL_SCHEMES:
            raise ValueError(f"Refusing to fetch non-local URL {url!r}")
        return super().fetch(url, headers)


def _text(value: str) -> str:
    """Escape text for HTML and keep the author's line breaks."""
    return "<br>".join(escape(line, quote=True) for line in value.split("\n"))


def _css_string(value: str) -> str:
    """Quote ``value`` as a CSS string; every non-alphanumeric is a 6-digit hex escape."""
    return (
        '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x}" for ch in value) + '"'
    )


def _css(letter: Letter) -> str:
    marking = _css_string(letter.protective_marking)
    page = _css_string(f"{label('page', letter.language)} ")
    of = _css_string(f" {label('page_of', letter.language)} ")
    return f"""
@page {{
  size: A4;
  margin: 25mm 20mm;
  @top-center {{ content: {marking}; font: bold 10pt {FONT_STACK}; }}
  @bottom-center {{ content: {marking}; font: bold 10pt {FONT_STACK}; }}
  @bottom-right {{ content: {page} counter(page) {of} counter(pages); font: 9pt {FONT_STACK}; }}
}}
html {{ font: 11pt/1.4 {FONT_STACK}; color: #0b0c0c; }}
h1 {{ font-size: 16pt; margin: 12pt 0 8pt; }}
h2 {{ font-size: 13pt; margin: 12pt 0 4pt; }}
p, ul {{ margin: 0 0 8pt; }}
address {{ font-style: normal; margin: 0 0 10pt; }}
.sender {{ text-align: right; }}
table {{ border-collapse: collapse; width: 100%; margin: 0 0 10pt; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: 4pt; }}
th, td {{ border: 1px solid #505a5f; padding: 4pt 6pt; text-align: left; vertical-align: top; }}
thead th {{ background: #f3f2f1; }}
tbody th {{ width: 40%; }}
tr {{ break-inside: avoid; }}
"""


def _block_html(block: object, language: str) -> str:
    if isinstance(block, Heading):
        return f"<h2>{_text(block.text)}</h2>"
    if isinstance(block, Paragraph):
        return f"<p>{_text(block.text)}</p>"
    if isinstance(block, BulletList):
        items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
        return f"<ul>{items}</ul>"
    if isinstance(block, KeyValueTable):
        rows = "".join(
            f'<tr><th scope="row">{_text(key)}</th><td>{_text(value)}</td></tr>'
            for key, value in block.rows
        )
        return (
            f"<table><caption>{_text(block.caption)}</caption>"
            f'<thead><tr><th scope="col">{_text(label("item", language))}</th>'
            f'<th scope="col">{_text(label("detail", language))}</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>"
        )
    raise TypeError(f"Unknown block {block!r}")


def letter_html(letter: Letter) -> str:
    """Return the complete, escaped HTML document for ``letter``."""
    lang = letter.language
    blocks = "\n".join(_block_html(block, lang) for block in letter.blocks)
    return f"""<!DOCTYPE html>
<html lang="{escape(letter.language_tag)}">
<head>
<meta charset="utf-8">
<title>{escape(letter.subject)}</title>
<meta name="author" content="{escape(letter.author_organisation)}">
<meta name="description" content="{escape(letter.title)}">
<meta name="keywords" content="{escape(letter.reference)}">
<style>{_css(letter)}</style>
</head>
<body>
<address class="sender">{_text(chr(10).join(letter.sender_lines))}</address>
<address class="recipient">{_text(chr(10).join(letter.recipient_lines))}</address>
<p><strong>{_text(label("reference", lang))}:</strong> {_text(letter.reference)}<br>
<strong>{_text(label("date", lang))}:</strong> {_text(format_date(letter.date, lang))}</p>
<h1>{_text(letter.title)}</h1>
<p>{_text(letter.salutation)}</p>
<p><strong>{_text(label("subject", lang))}: {_text(letter.subject)}</strong></p>
{blocks}
<p>{_text(letter.closing)}</p>
<p>{_text(chr(10).join(letter.signatory_lines))}</p>
</body>
</html>
"""


def render_pdf(letter: Letter) -> bytes:
    """Return the letter as a tagged PDF/UA-1 document (bytes)."""
    document = HTML(string=letter_html(letter), url_fetcher=LocalOnlyURLFetcher())
    pdf = document.write_pdf(pdf_variant=PDF_VARIANT)
    if pdf is None:  # pragma: no cover - write_pdf returns bytes when no target is given
        raise RuntimeError("WeasyPrint returned no PDF")
    return pdf


__all__ = ["LocalOnlyURLFetcher", "letter_html", "render_pdf"]
