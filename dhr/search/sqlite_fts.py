"""SQLite FTS5: bm25 ranking and snippet() highlighting (stack.md C.9).

The virtual table `search_fts` (migration 0002, SQLite only) holds title and body; its rowid
is the `SearchDocument` row that names the caller's document id, so replacing or removing a
document is a lookup by primary key rather than a scan of the index.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db import connection, transaction

from dhr.search.backends import MARK_END, MARK_START, Hit, check_language, clean_text
from dhr.search.backends import snippet_to_html as to_html
from dhr.search.models import SearchDocument
from dhr.search.query import SafeQuery, sanitise

FTS_TABLE = "search_fts"
# Title matches weigh ten times body matches in bm25 (columns: title, body).
RANK = f"bm25({FTS_TABLE}, 10.0, 1.0)"
SNIPPET_TOKENS = 24


def match_expression(query: SafeQuery) -> str:
    """Every term and phrase double-quoted: FTS5 reads quoted strings as plain text."""
    parts = [f'"{term}"' for term in query.terms]
    parts += ['"' + " ".join(phrase) + '"' for phrase in query.phrases]
    return " ".join(parts)


class SqliteFtsBackend:
    def index(self, doc_id: str, title: str, body: str, language: str) -> None:
        check_language(language)
        with transaction.atomic():
            document, _created = SearchDocument.objects.update_or_create(
                doc_id=doc_id, defaults={"language": language}
            )
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])  # noqa: S608
                cursor.execute(
                    f"INSERT INTO {FTS_TABLE} (rowid, title, body) VALUES (%s, %s, %s)",  # noqa: S608
                    [document.pk, clean_text(title), clean_text(body)],
                )

    def remove(self, doc_id: str) -> None:
        with transaction.atomic():
            document = SearchDocument.objects.filter(doc_id=doc_id).first()
            if document is None:
                return
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [document.pk])  # noqa: S608
            document.delete()

    def _select(
        self, columns: str, query: SafeQuery, within: Collection[str] | None
    ) -> tuple[str, list[object]]:
        sql = (
            f"SELECT d.doc_id, {columns} FROM {FTS_TABLE} "  # noqa: S608
            f"JOIN {SearchDocument._meta.db_table} d ON d.id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s"
        )
        params: list[object] = [match_expression(query)]
        if within is not None:
            ids = list(within)
            sql += f" AND d.doc_id IN ({', '.join(['%s'] * len(ids))})" if ids else " AND 0"
            params += ids
        return sql + f" ORDER BY {RANK}", params

    def search(
        self,
        query: str,
        *,
        limit: int,
        offset: int = 0,
        within: Collection[str] | None = None,
    ) -> list[Hit]:
        safe = sanitise(query)
        if safe.is_empty or limit <= 0:
            return []
        snippet = f"snippet({FTS_TABLE}, -1, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_TOKENS})"
        sql, params = self._select(f"{RANK}, {snippet}", safe, within)
        with connection.cursor() as cursor:
            cursor.execute(sql + " LIMIT %s OFFSET %s", [*params, limit, max(offset, 0)])
            rows = cursor.fetchall()
        # bm25 is lower-is-better; the interface promises higher-is-better.
        return [
            Hit(doc_id=row[0], rank=-float(row[1]), snippet_html=to_html(row[2])) for row in rows
        ]

    def ranked_ids(self, query: str, *, limit: int) -> list[str]:
        safe = sanitise(query)
        if safe.is_empty or limit <= 0:
            return []
        sql, params = self._select("1", safe, None)
        with connection.cursor() as cursor:
            cursor.execute(sql + " LIMIT %s", [*params, limit])
            return [row[0] for row in cursor.fetchall()]
