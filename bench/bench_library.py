"""Library search over 2,000 published reports: p95 at most 30 ms (SQLite FTS5).

Measured in-process with Django's test Client (no network, one thread), on a copy of the
scale-1 database, after publishing 2,000 synthetic reports of 5-20 KB each through
`publication_upsert` (so the FTS5 index is built exactly as in production). Each query runs
through the whole view: filters, facet counts, ranking, snippets and the template.
Run alone: `python bench/bench_library.py --run` with SQLITE_PATH naming a migrated database.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
REPORTS = 2_000
REQUESTS = 400
P95_TARGET_MS = 30.0
QUERIES = ["separation", '"risk assessment"', "housing officer", "coercive control", "tŷ"]
WORDS = [
    "agency",
    "risk",
    "assessment",
    "separation",
    "housing",
    "officer",
    "police",
    "health",
    "referral",
    "marac",
    "coercive",
    "control",
    "stalking",
    "family",
    "contact",
    "information",
    "sharing",
    "training",
    "policy",
    "review",
    "panel",
    "chronology",
    "victim",
    "perpetrator",
    "children",
    "school",
    "safeguarding",
]


def _publish_all() -> None:
    import datetime as dt

    from dhr.library import taxonomy
    from dhr.library.services import publication_upsert

    rng = random.Random(2026)
    regions = sorted(taxonomy.REGIONS.values)
    for number in range(1, REPORTS + 1):
        size = rng.randint(5_000, 20_000)
        words: list[str] = []
        while sum(len(w) + 1 for w in words) < size:
            words.append(rng.choice(WORDS))
        publication_upsert(
            slug=f"bench-{number}",
            title=f"Bench review {number}",
            csp_name=f"Bench CSP {number % 40}",
            region=rng.choice(regions),
            year_of_death=rng.randint(2015, 2025),
            victims=[{"age_band": "25-34", "sex": "Female", "relationship": "Ex-spouse"}],
            perpetrators=[{"age_band": "35-44", "sex": "Male"}],
            flags=rng.sample(taxonomy.INCIDENT_FLAGS, 3),
            summary="Synthetic benchmark report.",
            overview_text=" ".join(words),
            recommendations=[
                {
                    "text": "Train staff.",
                    "addressee": "Police",
                    "sector": "police",
                    "themes": ["training"],
                }
            ],
            published_on=dt.date(2025, 1, 1),
        )


def run() -> dict[str, Any]:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings_bench")
    django.setup()
    from django.test import Client

    started = time.perf_counter()
    _publish_all()
    publish_seconds = time.perf_counter() - started
    client = Client()
    for query in QUERIES:
        client.get("/library/", {"q": query})
    times, statuses = [], set()
    for index in range(REQUESTS):
        began = time.perf_counter()
        response = client.get("/library/", {"q": QUERIES[index % len(QUERIES)]})
        times.append((time.perf_counter() - began) * 1000)
        statuses.add(response.status_code)
    times.sort()
    return {
        "reports": REPORTS,
        "requests": REQUESTS,
        "statuses": sorted(statuses),
        "p50_ms": round(times[len(times) // 2], 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "publish_seconds": round(publish_seconds, 1),
    }


def bench_library_search(ctx: Any) -> list[Any]:
    from bench.run import Check

    database = ctx.workdir / "library.sqlite3"
    with sqlite3.connect(ctx.databases[1]) as src, sqlite3.connect(database) as dst:
        src.backup(dst)
    completed = subprocess.run(
        [sys.executable, str(Path(__file__)), "--run"],
        cwd=REPO,
        env={**ctx.env, "SQLITE_PATH": str(database)},
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    ctx.data["library_search"] = result
    ok = result["statuses"] == [200]
    return [
        Check(
            "library search p95 ms (2,000 reports, in-process Client, SQLite FTS5)",
            result["p95_ms"],
            f"<= {P95_TARGET_MS:g}",
            ok and result["p95_ms"] <= P95_TARGET_MS,
            "" if ok else f"statuses {result['statuses']}",
        )
    ]


BENCHMARKS = [bench_library_search]

if __name__ == "__main__" and "--run" in sys.argv:
    sys.path.insert(0, str(REPO))
    print(json.dumps(run()))
