"""The engine-specific parts of the index: an FTS5 table on SQLite, a GIN index on PostgreSQL."""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_FORWARD = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, tokenize = 'porter unicode61 remove_diacritics 2')"
)
SQLITE_BACKWARD = "DROP TABLE IF EXISTS search_fts"
POSTGRES_FORWARD = (
    "CREATE INDEX IF NOT EXISTS search_document_vector_gin "
    "ON search_searchdocument USING gin (vector)"
)
POSTGRES_BACKWARD = "DROP INDEX IF EXISTS search_document_vector_gin"


def forward(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_FORWARD)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_FORWARD)


def backward(apps: Any, schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_BACKWARD)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
