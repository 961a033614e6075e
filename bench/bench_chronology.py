"""Chronology benchmarks (issue 3): importing a 10,000-row XLSX, and the combined chronology.

- Import: a 10,000-row chronology in the template's format (written with openpyxl
  ``write_only``) is parsed, validated and saved by the same code the upload view calls, in a
  fresh process, at most 3 s; the process's peak resident memory (``ru_maxrss``) at most
  300 MB, with the growth over the process's baseline reported beside it.
- Combined chronology: 5,000 current entries from five agencies on the sample review; the
  page is rendered 50 times by the coordinator with Django's test client (in-process, so the
  number is the service's own time, without the network); p95 at most 200 ms.

Each runs in a subprocess against its own copy of the scale-1 database, so the rows it adds
never change what the other benchmarks measure:

    python bench/bench_chronology.py import REVIEW_ID XLSX_PATH   -> {"seconds", "peak_rss_mb", ...}
    python bench/bench_chronology.py render REVIEW_ID             -> {"p50_ms", "p95_ms", ...}
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

IMPORT_ROWS = 10_000
IMPORT_SECONDS_TARGET = 3.0
IMPORT_MEMORY_TARGET_MB = 300.0
COMBINED_ENTRIES = 5_000
COMBINED_AGENCIES = 5
RENDERS = 50
WARM_UP_RENDERS = 3
RENDER_P95_TARGET_MS = 200.0
CONTACT_TYPES = ("Face to face", "Phone", "Home visit", "Appointment", "Letter", "Assessment")
EVENTS = (
    "Victim attended with a facial injury; said she fell",
    "Neighbour reported shouting at the address",
    "Perpetrator missed a probation appointment",
    "Victim asked about housing options and left quickly",
    "Child absent from school for a week",
    "Welfare check: no answer at the door",
)


def _rss_mb() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_xlsx(path: Path, rows: int, *, seed: int = 7) -> None:
    """A chronology in the template's columns, with every kind of date the importer accepts."""
    from openpyxl import Workbook

    from dhr.chronology.importer import COLUMNS

    rng = random.Random(seed)  # noqa: S311  (test data, not security)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Chronology")
    sheet.append([heading for _key, heading in COLUMNS])
    start = dt.date(2015, 1, 1)
    for number in range(rows):
        day = start + dt.timedelta(days=rng.randrange(3000))
        kind = number % 10
        if kind == 0:
            date: object = day.strftime("%B %Y")
        elif kind == 1:
            date = f"c. {day.year}"
        elif kind < 5:
            date = dt.datetime(day.year, day.month, day.day)  # a real Excel date cell
        else:
            date = day.strftime("%d/%m/%Y")
        sheet.append(
            [
                date,
                f"{rng.randrange(24):02d}:{rng.randrange(60):02d}" if kind > 6 else "",
                f"LOG {number}/{day.year}",
                rng.choice(CONTACT_TYPES),
                f"{rng.choice(EVENTS)} (entry {number})",
                "victim, perpetrator" if kind % 2 else "victim",
                "Yes" if kind % 3 == 0 else "No",
                "DASH: medium" if kind == 4 else "",
                "MARAC; IDVA" if kind == 4 else "none",
                "Advice given and safeguarding considered",
            ]
        )
    workbook.save(path)


def _contributor(review: Any, agency: Any, email: str) -> Any:
    from dhr.accounts.models import Role, User
    from dhr.reviews.models import ReviewMembership

    user, _created = User.objects.get_or_create(email=email, defaults={"full_name": "Bench"})
    ReviewMembership.objects.get_or_create(
        review=review, user=user, role=Role.AGENCY_CONTRIBUTOR, agency=agency
    )
    return user


def _agency(number: int) -> Any:
    from dhr.accounts.models import Organisation

    agency, _created = Organisation.objects.get_or_create(
        name=f"Bench chronology agency {number}", defaults={"kind": "other"}
    )
    return agency


def run_import(review_id: str, xlsx: str) -> dict[str, Any]:
    from django.utils import timezone

    from dhr.chronology import importer
    from dhr.chronology.selectors import victim_born_on
    from dhr.chronology.services import submission_import
    from dhr.reviews.models import Review

    review = Review.objects.get(pk=review_id)
    agency = _agency(0)
    user = _contributor(review, agency, "bench-chronology-import@bench.dhr.test")
    baseline = _rss_mb()
    started = time.perf_counter()
    with open(xlsx, "rb") as stream:
        result = importer.parse_file(
            xlsx, stream, today=timezone.localdate(), victim_born_on=victim_born_on(review)
        )
    parsed = time.perf_counter()
    if not result.ok:
        raise SystemExit(f"the generated file did not validate: {result.problems[:5]}")
    submission = submission_import(actor=user, review=review, agency=agency, entries=result.entries)
    finished = time.perf_counter()
    return {
        "rows": submission.row_count,
        "seconds": round(finished - started, 2),
        "parse_seconds": round(parsed - started, 2),
        "save_seconds": round(finished - parsed, 2),
        "peak_rss_mb": round(_rss_mb(), 1),
        "baseline_rss_mb": round(baseline, 1),
        "growth_mb": round(_rss_mb() - baseline, 1),
    }


def run_render(review_id: str) -> dict[str, Any]:
    from django.test import Client
    from django.urls import reverse

    from bench.generate import COORDINATOR_EMAIL
    from dhr.accounts.models import User
    from dhr.chronology.importer import ParsedEntry
    from dhr.chronology.services import submission_import
    from dhr.reviews.models import Review

    review = Review.objects.get(pk=review_id)
    rng = random.Random(11)  # noqa: S311  (test data, not security)
    start = dt.date(2016, 1, 1)
    per_agency = COMBINED_ENTRIES // COMBINED_AGENCIES
    for number in range(1, COMBINED_AGENCIES + 1):
        agency = _agency(number)
        user = _contributor(review, agency, f"bench-chronology-{number}@bench.dhr.test")
        entries = [
            ParsedEntry(
                row_number=row + 2,
                occurred_on=start + dt.timedelta(days=rng.randrange(2500)),
                occurred_time=None,
                date_precision="day" if row % 20 else "month",
                source_reference=f"REF {row}",
                contact_type=rng.choice(["phone", "home_visit", "appointment", "letter"]),
                what_happened=f"{rng.choice(EVENTS)} (agency {number}, entry {row})",
                people_involved=["victim"],
                abuse_disclosed=bool(row % 3),
                risk_assessment="",
                referrals_made=[],
                action_taken="Advice given",
            )
            for row in range(per_agency)
        ]
        submission_import(actor=user, review=review, agency=agency, entries=entries)
    client = Client()
    client.force_login(User.objects.get(email=COORDINATOR_EMAIL))
    url = reverse("chronology:combined", kwargs={"review_id": review.pk})
    statuses = set()
    began = time.perf_counter()
    statuses.add(client.get(url).status_code)
    # The first render compares the texts; later ones reuse the cached duplicates.
    cold_ms = (time.perf_counter() - began) * 1000
    for _ in range(WARM_UP_RENDERS):
        statuses.add(client.get(url).status_code)
    times = []
    for _ in range(RENDERS):
        began = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - began) * 1000)
        statuses.add(response.status_code)
    times.sort()
    quantiles = statistics.quantiles(times, n=100, method="inclusive")
    return {
        "entries": COMBINED_ENTRIES,
        "renders": RENDERS,
        "statuses": sorted(statuses),
        "p50_ms": round(quantiles[49], 1),
        "p95_ms": round(quantiles[94], 1),
        "max_ms": round(times[-1], 1),
        "first_render_ms": round(cold_ms, 1),
    }


# --- the runner's side (bench/run.py imports BENCHMARKS) -------------------------------------


def _database_copy(ctx: Any, name: str) -> dict[str, str]:
    from bench.run import _copy_database

    target = ctx.workdir / f"{name}.sqlite3"
    _copy_database(ctx.databases[1], target)
    return {**ctx.env, "SQLITE_PATH": str(target)}


def bench_chronology_import(ctx: Any) -> list[Any]:
    from bench.run import Check, _last_json, _python

    xlsx = ctx.workdir / "chronology-10000.xlsx"
    write_xlsx(xlsx, IMPORT_ROWS)
    env = _database_copy(ctx, "chronology-import")
    review_id = ctx.generated[1]["sample_review_id"]
    result = _last_json(_python(["bench/bench_chronology.py", "import", review_id, str(xlsx)], env))
    ctx.data["chronology_import"] = result
    ok_rows = result["rows"] == IMPORT_ROWS
    return [
        Check(
            "chronology import 10,000-row XLSX, s",
            result["seconds"],
            f"<= {IMPORT_SECONDS_TARGET:g}",
            ok_rows and result["seconds"] <= IMPORT_SECONDS_TARGET,
            f"parse {result['parse_seconds']} s, save {result['save_seconds']} s",
        ),
        Check(
            "chronology import peak RSS, MB",
            result["peak_rss_mb"],
            f"<= {IMPORT_MEMORY_TARGET_MB:g}",
            result["peak_rss_mb"] <= IMPORT_MEMORY_TARGET_MB,
            f"growth over the process baseline {result['growth_mb']} MB",
        ),
    ]


def bench_chronology_combined(ctx: Any) -> list[Any]:
    from bench.run import Check, _last_json, _python

    env = _database_copy(ctx, "chronology-combined")
    review_id = ctx.generated[1]["sample_review_id"]
    result = _last_json(_python(["bench/bench_chronology.py", "render", review_id], env))
    ctx.data["chronology_combined"] = result
    ok_status = result["statuses"] == [200]
    return [
        Check(
            "combined chronology 5,000 entries p95 ms",
            result["p95_ms"],
            f"<= {RENDER_P95_TARGET_MS:g}",
            ok_status and result["p95_ms"] <= RENDER_P95_TARGET_MS,
            f"first render (duplicates not yet cached) {result['first_render_ms']} ms"
            if ok_status
            else f"statuses {result['statuses']}",
        )
    ]


BENCHMARKS = [bench_chronology_import, bench_chronology_combined]


def main(argv: list[str]) -> int:
    from bench.generate import setup_django

    setup_django()
    if argv[:1] == ["import"] and len(argv) == 3:
        print(json.dumps(run_import(argv[1], argv[2])))
        return 0
    if argv[:1] == ["render"] and len(argv) == 2:
        print(json.dumps(run_render(argv[1])))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
