"""The search interface on whichever database the suite runs: ranking, snippets, bad input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dhr.search.backends import search_backend
from dhr.search.query import MAX_TERMS, sanitise

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed() -> None:
    backend = search_backend()
    backend.index("a:en", "Risk after separation", "Stalking after separation was missed.", "en")
    backend.index("b:en", "Housing", "The housing officer shared the risk <b>late</b>.", "en")
    backend.index("a:cy", "Risg", "Roedd y tŷ yn y dref; ŵyr a ŷd.", "cy")


def test_finds_ranks_and_highlights(indexed: None) -> None:
    hits = search_backend().search("separation", limit=10)
    assert [hit.doc_id for hit in hits] == ["a:en"]
    assert "<mark>" in hits[0].snippet_html
    assert [h.doc_id for h in search_backend().search("risk", limit=10)][0] == "a:en"


def test_snippets_escape_document_text(indexed: None) -> None:
    hits = search_backend().search("housing officer", limit=10)
    assert hits
    # SQLite keeps the tag as escaped text, PostgreSQL's ts_headline drops it: either way the
    # only markup left is our own highlighting.
    markup = hits[0].snippet_html.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in markup and ">" not in markup


def test_phrases_and_welsh(indexed: None) -> None:
    backend = search_backend()
    assert [h.doc_id for h in backend.search('"after separation"', limit=5)] == ["a:en"]
    assert backend.search('"missed stalking"', limit=5) == []
    assert [h.doc_id for h in backend.search("tŷ", limit=5)] == ["a:cy"]


def test_within_limit_offset_and_remove(indexed: None) -> None:
    backend = search_backend()
    assert backend.search("risk", limit=10, within=["b:en"])[0].doc_id == "b:en"
    assert backend.search("risk", limit=10, within=[]) == []
    assert len(backend.search("risk", limit=1, offset=1)) == 1
    assert set(backend.ranked_ids("risk", limit=10)) == {"a:en", "b:en"}
    backend.remove("a:en")
    backend.remove("never-indexed")
    assert backend.ranked_ids("separation", limit=10) == []


def test_reindexing_replaces(indexed: None) -> None:
    backend = search_backend()
    backend.index("b:en", "Housing", "Now about schools.", "en")
    assert backend.ranked_ids("officer", limit=5) == []
    assert backend.ranked_ids("schools", limit=5) == ["b:en"]


def test_sanitiser_keeps_words_and_phrases_only() -> None:
    safe = sanitise('NEAR("a b") * AND risk OR \'; DROP TABLE x; -- ŵyr')
    assert safe.phrases == (("a", "b"),)
    assert safe.terms == ("risk", "drop", "table", "x", "ŵyr")
    assert len(sanitise("w " * 5000).words()) <= MAX_TERMS


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_unicode_query_returns_a_list(indexed: None, query: str) -> None:
    backend = search_backend()
    assert isinstance(backend.search(query, limit=5), list)
    assert isinstance(backend.ranked_ids(query, limit=5), list)
