"""The search index's own rows: one per indexed document, whoever owns the document."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """A document id from the caller, its language, and (on PostgreSQL) its text and vector.

    On SQLite the text lives in the FTS5 table `search_fts`, whose rowid is this row's id; on
    PostgreSQL `vector` is kept here with a GIN index (both made by migration 0002).
    """

    doc_id = models.CharField(max_length=200, unique=True)
    language = models.CharField(max_length=5, default="en")
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    def __str__(self) -> str:
        return self.doc_id
