"""One search interface for the whole service, with an implementation per database.

`search_backend()` picks SQLite FTS5 or PostgreSQL full-text from the connection vendor
(stack.md C.9). Callers index plain text under their own document ids and get back ids, a
rank and a highlighted snippet that is safe to put in a page: the snippet text is escaped and
the only markup in it is our own `<mark>` tags.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol

from django.db import connection
from django.utils.html import escape

# Control characters never survive `clean_text`, so they can mark highlights unambiguously
# inside engine output before the text is escaped.
MARK_START, MARK_END = "\x02", "\x03"
LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class Hit:
    doc_id: str
    rank: float
    snippet_html: str


class SearchBackend(Protocol):
    def index(self, doc_id: str, title: str, body: str, language: str) -> None:
        """Add or replace one document."""

    def remove(self, doc_id: str) -> None:
        """Remove one document; removing an absent one is not an error."""

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        within: Collection[str] | None = None,
    ) -> list[Hit]:
        """Best first, with snippets; `within` restricts to those ids. Never raises on input."""

    def ranked_ids(self, query: str, *, limit: int) -> list[str]:
        """Every matching id, best first, without snippets (cheap: for filters and counts)."""


def clean_text(text: str) -> str:
    """Drops control characters (NUL breaks PostgreSQL; \\x02/\\x03 are our markers)."""
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def snippet_to_html(raw: str) -> str:
    """Escapes engine output, then turns our markers into the only tags it contains."""
    return escape(raw.replace("\n", " ")).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unsupported search language {language!r}; use one of {LANGUAGES}")
    return language


def search_backend() -> SearchBackend:
    if connection.vendor == "postgresql":
        from dhr.search.postgres import PostgresBackend

        return PostgresBackend()
    from dhr.search.sqlite_fts import SqliteFtsBackend

    return SqliteFtsBackend()
