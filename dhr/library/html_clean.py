"""An allowlist HTML cleaner for published report text, adding GOV.UK classes.

Published HTML comes from our own report rendering, but the library is public, so it is
rebuilt tag by tag: only structural tags survive, with no attributes of their own (so no
scripts, event handlers, styles or links), and each gets its GOV.UK Frontend class.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

GOVUK_CLASSES = {
    "p": "govuk-body",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "li": "",
    "strong": "",
    "em": "",
    "br": "",
    "blockquote": "govuk-inset-text",
    "table": "govuk-table",
    "caption": "govuk-table__caption",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
}
# h1 belongs to the page; a report's own headings start one level down.
RENAMED = {"h1": "h2", "b": "strong", "i": "em", "h5": "h4", "h6": "h4"}
VOID = {"br"}
DROP_CONTENT = {"script", "style", "template", "iframe", "object", "noscript", "svg", "math"}


class _Cleaner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_CONTENT:
            self.skipping += 1
            return
        tag = RENAMED.get(tag, tag)
        if self.skipping or tag not in GOVUK_CLASSES:
            return
        css = GOVUK_CLASSES[tag]
        self.out.append(f'<{tag} class="{css}">' if css else f"<{tag}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT:
            self.skipping = max(0, self.skipping - 1)
            return
        tag = RENAMED.get(tag, tag)
        if self.skipping or tag not in self.open:
            return
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean_html(html: str) -> str:
    cleaner = _Cleaner()
    cleaner.feed(html or "")
    cleaner.close()
    return cleaner.result()


def text_to_html(text: str) -> str:
    """Plain text with blank-line paragraphs, as GOV.UK paragraphs."""
    paragraphs = [p.strip() for p in (text or "").replace("\r\n", "\n").split("\n\n")]
    return "".join(f'<p class="govuk-body">{escape(p, quote=False)}</p>' for p in paragraphs if p)
