"""Reading the library's GET parameters into checked filters.

Every value is checked against its vocabulary (or, for CSPs and years, against what the
catalogue holds); anything else is dropped and reported, so a stale bookmark or a hand-edited
address still gives a page, with a notice saying what was ignored.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from django.http import QueryDict

from dhr.library import taxonomy
from dhr.search.query import MAX_QUERY_CHARS

MULTI_FILTERS: dict[str, taxonomy.Vocabulary] = {
    "region": taxonomy.REGIONS,
    "relationship": taxonomy.RELATIONSHIPS,
    "victim_age": taxonomy.AGE_BANDS,
    "victim_sex": taxonomy.SEXES,
    "perpetrator_age": taxonomy.AGE_BANDS,
    "perpetrator_sex": taxonomy.SEXES,
    "flag": taxonomy.FLAGS,
    "sector": taxonomy.SECTORS,
    "theme": taxonomy.THEMES,
}
KNOWN_PARAMETERS = {"q", "page", "year", "csp", "text", *MULTI_FILTERS}


@dataclass
class Filters:
    q: str = ""
    page: int = 1
    years: list[int] = field(default_factory=list)
    csp: str = ""
    text_only: bool = False
    chosen: dict[str, list[str]] = field(default_factory=dict)
    ignored: list[tuple[str, str]] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(self.q or self.years or self.csp or self.text_only or any(self.chosen.values()))


def parse_filters(
    params: QueryDict | Mapping[str, list[str]],
    *,
    known_csps: Collection[str],
    known_years: Collection[int],
) -> Filters:
    def values(name: str) -> list[str]:
        if isinstance(params, QueryDict):
            return params.getlist(name)
        return list(params.get(name, []))

    filters = Filters()
    filters.q = " ".join((values("q") or [""])[0].split())[:MAX_QUERY_CHARS]
    page = (values("page") or ["1"])[0]
    filters.page = int(page) if page.isdigit() and 0 < int(page) < 100_000 else 1
    for raw in values("year"):
        if raw.isdigit() and int(raw) in known_years:
            filters.years.append(int(raw))
        elif raw:
            filters.ignored.append(("year", raw))
    csp = (values("csp") or [""])[0]
    if csp in known_csps:
        filters.csp = csp
    elif csp:
        filters.ignored.append(("csp", csp))
    filters.text_only = (values("text") or [""])[0] == "1"
    for name, vocabulary in MULTI_FILTERS.items():
        chosen = []
        for raw in values(name):
            if raw in vocabulary.values:
                if raw not in chosen:
                    chosen.append(raw)
            elif raw:
                filters.ignored.append((name, raw))
        filters.chosen[name] = chosen
    keys = params.keys()
    filters.ignored += [(key, "") for key in keys if key not in KNOWN_PARAMETERS]
    return filters
