"""PostgreSQL full-text: websearch queries, ts_rank and ts_headline (stack.md C.9).

English documents use the `english` configuration (stemming, stop words); Welsh documents use
`simple`, because core PostgreSQL has no Welsh configuration and English stemming would mangle
Welsh words. A query is run against each document in its own document's configuration.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import transaction
from django.db.models import Case, F, FloatField, Q, QuerySet, TextField, Value, When

from dhr.search.backends import MARK_END, MARK_START, Hit, check_language, clean_text
from dhr.search.backends import snippet_to_html as to_html
from dhr.search.models import SearchDocument
from dhr.search.query import SafeQuery, sanitise

CONFIG_FOR_LANGUAGE = {"en": "english", "cy": "simple"}
HEADLINE_OPTIONS = {"max_words": 35, "min_words": 15, "short_word": 2, "max_fragments": 2}


def websearch_text(query: SafeQuery) -> str:
    """Plain words and double-quoted phrases: websearch syntax without any operator."""
    return " ".join([*query.terms, *('"' + " ".join(p) + '"' for p in query.phrases)])


class PostgresBackend:
    def index(self, doc_id: str, title: str, body: str, language: str) -> None:
        config = CONFIG_FOR_LANGUAGE[check_language(language)]
        with transaction.atomic():
            SearchDocument.objects.update_or_create(
                doc_id=doc_id,
                defaults={
                    "language": language,
                    "title": clean_text(title),
                    "body": clean_text(body),
                },
            )
            SearchDocument.objects.filter(doc_id=doc_id).update(
                vector=SearchVector("title", weight="A", config=config)
                + SearchVector("body", weight="B", config=config)
            )

    def remove(self, doc_id: str) -> None:
        SearchDocument.objects.filter(doc_id=doc_id).delete()

    def _matching(self, safe: SafeQuery) -> tuple[QuerySet[SearchDocument], dict[str, Any]]:
        text = websearch_text(safe)
        queries = {
            language: SearchQuery(text, config=config, search_type="websearch")
            for language, config in CONFIG_FOR_LANGUAGE.items()
        }
        condition = Q()
        for language, search_query in queries.items():
            condition |= Q(language=language, vector=search_query)
        rank = Case(
            *(
                When(language=language, then=SearchRank(F("vector"), search_query))
                for language, search_query in queries.items()
            ),
            output_field=FloatField(),
        )
        matching = SearchDocument.objects.filter(condition).annotate(rank=rank)
        return matching.order_by("-rank", "doc_id"), queries

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
        matching, queries = self._matching(safe)
        if within is not None:
            matching = matching.filter(doc_id__in=list(within))
        headline = Case(
            *(
                When(
                    language=language,
                    then=SearchHeadline(
                        "body",
                        search_query,
                        config=CONFIG_FOR_LANGUAGE[language],
                        start_sel=MARK_START,
                        stop_sel=MARK_END,
                        **HEADLINE_OPTIONS,
                    ),
                )
                for language, search_query in queries.items()
            ),
            default=Value(""),
            output_field=TextField(),
        )
        start = max(offset, 0)
        page = matching[start : start + limit].annotate(headline=headline)
        return [
            Hit(doc_id=doc.doc_id, rank=float(doc.rank or 0), snippet_html=to_html(doc.headline))
            for doc in page
        ]

    def ranked_ids(self, query: str, *, limit: int) -> list[str]:
        safe = sanitise(query)
        if safe.is_empty or limit <= 0:
            return []
        matching, _queries = self._matching(safe)
        return list(matching.values_list("doc_id", flat=True)[:limit])
