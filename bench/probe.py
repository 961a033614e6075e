"""In-process helpers that bench/run.py calls in a subprocess, one database per process.

    python bench/probe.py session EMAIL            -> {"cookie": ..., "value": ...}
    python bench/probe.py queries EMAIL PATH...    -> {PATH: {"status", "count", "sql"}}

The database comes from SQLITE_PATH, as for the web server, so each scale gets its own process
and no connection ever points at the wrong file.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.generate import setup_django  # noqa: E402

SERVICE_TIME_SAMPLES = 10
_LITERALS = re.compile(r"'[^']*'|\b\d+\b|%s")


def normalise_sql(sql: str) -> str:
    """A query's shape with literals removed, so the same query for another row compares equal."""
    return _LITERALS.sub("?", sql)


def session(email: str) -> dict[str, str]:
    """A signed-in session for `email`, made the way django.contrib.auth.login makes one."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from dhr.accounts.models import User

    user = User.objects.get(email=email)
    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return {"cookie": settings.SESSION_COOKIE_NAME, "value": str(store.session_key)}


def queries(email: str, paths: list[str]) -> dict[str, dict[str, object]]:
    """SQL queries for one GET of each path, after one warm-up GET (caches filled)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.generate import SAMPLE_REVIEW_REFERENCE
    from dhr.accounts.models import User
    from dhr.reviews.models import Review

    # Paths name the sample review as {review}: its UUID differs in each generated database.
    review_id = str(Review.objects.get(reference=SAMPLE_REVIEW_REFERENCE).pk)
    client = Client()
    client.force_login(User.objects.get(email=email))
    results: dict[str, dict[str, object]] = {}
    for path in paths:
        client.get(path.format(review=review_id))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path.format(review=review_id))
        results[path] = {
            "status": response.status_code,
            "count": len(captured.captured_queries),
            "sql": [normalise_sql(q["sql"]) for q in captured.captured_queries],
        }
        # After reading the captured queries: each request's start clears Django's query log.
        timings: list[float] = []
        for _ in range(SERVICE_TIME_SAMPLES):
            started = time.perf_counter()
            client.get(path.format(review=review_id))
            timings.append((time.perf_counter() - started) * 1000)
        # One request at a time, in-process: the page's own cost, without queueing.
        results[path]["service_ms"] = round(statistics.median(timings), 1)

    return results


def main(argv: list[str]) -> int:
    setup_django()
    action, email, *rest = argv
    if action == "session":
        print(json.dumps(session(email)))
    elif action == "queries":
        print(json.dumps(queries(email, rest)))
    else:
        raise SystemExit(f"unknown action {action!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
