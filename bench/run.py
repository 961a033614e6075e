"""The benchmark runner behind `make bench`: page times under load and SQL queries per page.

Builds two fresh SQLite databases in a temporary directory (national scale 1 and 10, see
bench/generate.py), serves scale 1 with gunicorn on 127.0.0.1 and drives it with concurrent
users, then counts the SQL queries each page makes at both scales. Writes
bench/results/latest.json, prints a table, rewrites the results block of docs/performance.md
and exits non-zero if a target is missed.

Every benchmark is a function in BENCHMARKS taking the shared Context and returning Checks;
add new ones there. All traffic goes to the loopback address, and every loop is bounded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.generate import BIG_COORDINATOR_EMAIL, COORDINATOR_EMAIL  # noqa: E402

RESULTS_PATH = REPO / "bench" / "results" / "latest.json"
DOC_PATH = REPO / "docs" / "performance.md"
START_MARKER, END_MARKER = "<!-- bench:start -->", "<!-- bench:end -->"
HOST = "127.0.0.1"  # loopback only: the load test never leaves this machine

CONCURRENT_USERS = 20
REQUESTS_PER_PAGE = 600
WARM_UP_REQUESTS = 20
REQUEST_TIMEOUT_SECONDS = 30
# With wrk (Debian package, installed by `make bench`) each page is driven for this long by
# CONCURRENT_USERS keep-alive connections; wrk is C, so the client barely competes with the
# server for the two cores. Without wrk, a bounded Python thread pool is used instead.
WRK_SECONDS_PER_PAGE = 10
WRK_SCRIPT = REPO / "bench" / "wrk_report.lua"
P95_TARGET_MS = 150.0
RATIO_TARGET = 5.0
DASHBOARD, REVIEW = "/dashboard/", "/reviews/{review}/"


@dataclass
class Check:
    """One measured number against its target."""

    name: str
    value: float | int | str
    target: str
    passed: bool
    detail: str = ""


@dataclass
class Context:
    workdir: Path
    env: dict[str, str]
    databases: dict[int, Path]
    generated: dict[int, dict[str, Any]]
    requests_per_page: int
    data: dict[str, Any] = field(default_factory=dict)

    def env_for(self, scale: int) -> dict[str, str]:
        return {**self.env, "SQLITE_PATH": str(self.databases[scale])}


# --- helpers -------------------------------------------------------------------------------


def _python(args: list[str], env: dict[str, str]) -> str:
    completed = subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


def _last_json(output: str) -> Any:
    return json.loads(output.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _copy_database(source: Path, target: Path) -> None:
    # SQLite's backup API copies a WAL-mode database consistently; a file copy may not.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def percentile(sorted_ms: list[float], pct: int) -> float:
    return statistics.quantiles(sorted_ms, n=100, method="inclusive")[pct - 1]


def _get(port: int, path: str, cookie: str | None) -> tuple[float, int]:
    headers = {"Host": f"{HOST}:{port}"}
    if cookie:
        headers["Cookie"] = cookie
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT_SECONDS)
    try:
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        return (time.perf_counter() - started) * 1000, response.status
    finally:
        conn.close()


def load(port: int, path: str, cookie: str | None, total: int) -> dict[str, Any]:
    """Drive `path` with CONCURRENT_USERS users; latency percentiles in ms."""
    if shutil.which("wrk"):
        return load_with_wrk(port, path, cookie)
    return load_with_threads(port, path, cookie, total)


def load_with_wrk(port: int, path: str, cookie: str | None) -> dict[str, Any]:
    for _ in range(WARM_UP_REQUESTS):
        _get(port, path, cookie)
    output = subprocess.run(  # noqa: S603
        [
            "wrk",
            "-t",
            "2",
            "-c",
            str(CONCURRENT_USERS),
            "-d",
            f"{WRK_SECONDS_PER_PAGE}s",
            "--timeout",
            f"{REQUEST_TIMEOUT_SECONDS}s",
            "-s",
            str(WRK_SCRIPT),
            f"http://{HOST}:{port}{path}",
        ],
        env={**os.environ, "BENCH_COOKIE": cookie or ""},
        capture_output=True,
        text=True,
        check=True,
        timeout=WRK_SECONDS_PER_PAGE + 60,
    ).stdout
    result = _last_json(output)
    return {
        "client": "wrk",
        "requests": result["requests"],
        "statuses": {k: v for k, v in result["statuses"].items()},
        "p50_ms": result["p50_ms"],
        "p95_ms": result["p95_ms"],
        "p99_ms": result["p99_ms"],
        "requests_per_second": round(result["requests"] / result["seconds"], 1),
    }


def load_with_threads(port: int, path: str, cookie: str | None, total: int) -> dict[str, Any]:
    """`total` GETs of `path` by CONCURRENT_USERS threads; latency percentiles in ms."""
    for _ in range(WARM_UP_REQUESTS):
        _get(port, path, cookie)
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=CONCURRENT_USERS) as pool:
        samples = list(pool.map(lambda _: _get(port, path, cookie), range(total)))
    elapsed = time.perf_counter() - started
    times = sorted(ms for ms, _status in samples)
    return {
        "client": "python-threads",
        "requests": total,
        "statuses": dict(Counter(str(status) for _ms, status in samples)),
        "p50_ms": round(percentile(times, 50), 1),
        "p95_ms": round(percentile(times, 95), 1),
        "p99_ms": round(percentile(times, 99), 1),
        "requests_per_second": round(total / elapsed, 1),
    }


# --- benchmarks ----------------------------------------------------------------------------


def bench_page_latency(ctx: Context) -> list[Check]:
    """Page times at national scale 1 under 20 concurrent users (gunicorn, 2 workers x 4)."""
    env = ctx.env_for(1)
    port = _free_port()
    log = (ctx.workdir / "gunicorn.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "2",
            "--threads",
            "4",
            "-b",
            f"{HOST}:{port}",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if _get(port, "/healthz", None)[1] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"gunicorn did not start; see {log.name}")
            time.sleep(0.25)
        cookies = {}
        for email in (COORDINATOR_EMAIL, BIG_COORDINATOR_EMAIL):
            made = _last_json(_python(["bench/probe.py", "session", email], env))
            cookies[email] = f"{made['cookie']}={made['value']}"
        review_path = REVIEW.format(review=ctx.generated[1]["sample_review_id"])
        pages = {
            "healthz": ("/healthz", None),
            "dashboard": (DASHBOARD, cookies[COORDINATOR_EMAIL]),
            "dashboard_50_reviews": (DASHBOARD, cookies[BIG_COORDINATOR_EMAIL]),
            "review": (review_path, cookies[COORDINATOR_EMAIL]),
        }
        latency = {
            name: {"path": path, **load(port, path, cookie, ctx.requests_per_page)}
            for name, (path, cookie) in pages.items()
        }
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    ctx.data["latency"] = latency
    base = latency["healthz"]["p95_ms"]
    checks = [
        Check(
            "healthz all 200",
            str(latency["healthz"]["statuses"]),
            "all 200",
            set(latency["healthz"]["statuses"]) == {"200"},
        )
    ]
    for name in ("dashboard", "dashboard_50_reviews", "review"):
        page = latency[name]
        ok_status = set(page["statuses"]) == {"200"}
        detail = "" if ok_status else f"responses were {page['statuses']}, not all 200"
        checks.append(Check(f"{name} all 200", str(page["statuses"]), "all 200", ok_status, detail))
        checks.append(
            Check(
                f"{name} p95 ms",
                page["p95_ms"],
                f"<= {P95_TARGET_MS:g}",
                ok_status and page["p95_ms"] <= P95_TARGET_MS,
            )
        )
        ratio = round(page["p95_ms"] / base, 2) if base else float("inf")
        page["p95_ratio_to_healthz"] = ratio
        checks.append(
            Check(
                f"{name} p95 / healthz p95",
                ratio,
                f"<= {RATIO_TARGET:g}",
                ok_status and ratio <= RATIO_TARGET,
            )
        )
    return checks


def bench_query_counts(ctx: Context) -> list[Check]:
    """SQL queries per page for the same user and page at scale 1 and scale 10: must be equal."""
    paths = [DASHBOARD, REVIEW]
    counts = {
        scale: _last_json(
            _python(["bench/probe.py", "queries", COORDINATOR_EMAIL, *paths], ctx.env_for(scale))
        )
        for scale in (1, 10)
    }
    ctx.data["queries"] = {
        path: {
            f"scale_{s}": {key: counts[s][path][key] for key in ("status", "count", "service_ms")}
            for s in counts
        }
        for path in paths
    }
    checks = []
    for path in paths:
        one, ten = counts[1][path], counts[10][path]
        grown = Counter(ten["sql"]) - Counter(one["sql"])
        detail = "; ".join(f"+{n}x {sql[:160]}" for sql, n in grown.most_common(5))
        ok_status = one["status"] == ten["status"] == 200
        if not ok_status:
            detail = f"status {one['status']} at 1x, {ten['status']} at 10x (not 200). {detail}"
        ctx.data["queries"][path]["grown"] = [sql for sql in grown]
        checks.append(
            Check(
                f"queries {path} 1x vs 10x",
                f"{one['count']} vs {ten['count']}",
                "equal",
                ok_status and one["count"] == ten["count"],
                detail,
            )
        )
    return checks


BENCHMARKS: list[Callable[[Context], list[Check]]] = [bench_page_latency, bench_query_counts]


def _feature_benchmarks() -> list[Callable[[Context], list[Check]]]:
    """`BENCHMARKS` from every bench/bench_*.py module (one per feature, so none edits this)."""
    import importlib

    found: list[Callable[[Context], list[Check]]] = []
    for path in sorted((REPO / "bench").glob("bench_*.py")):
        module = importlib.import_module(f"bench.{path.stem}")
        found.extend(module.BENCHMARKS)
    return found


# --- reporting -----------------------------------------------------------------------------


def _machine() -> str:
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB memory"
    python = sys.version.split()[0]
    return f"{os.cpu_count()} cores{memory}, Python {python}, SQLite {sqlite3.sqlite_version}"


def _commit() -> str:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or "unknown"


def results_markdown(report: dict[str, Any]) -> str:
    lines = [
        f"Measured {report['measured_at']} on commit `{report['commit']}` ({report['machine']}). "
        f"Scale 1: {report['generated']['1']['reviews']} reviews; scale 10: "
        f"{report['generated']['10']['reviews']}.",
        "",
        "| Page | Requests | Status | p50 ms | p95 ms | p99 ms | req/s | p95 / healthz p95 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, page in report.get("latency", {}).items():
        statuses = ", ".join(f"{k}: {v}" for k, v in page["statuses"].items())
        lines.append(
            f"| {name} (`{page['path'] if name == 'healthz' else page['path'][:10] + '…'}`) "
            f"| {page['requests']} | {statuses} | {page['p50_ms']} | {page['p95_ms']} "
            f"| {page['p99_ms']} | {page['requests_per_second']} "
            f"| {page.get('p95_ratio_to_healthz', '1')} |"
        )
    lines += [
        "",
        "| Page (coordinator, 5 reviews) | Queries at 1x | Queries at 10x "
        "| One request alone, ms, 1x / 10x |",
        "| --- | --- | --- | --- |",
    ]
    for path, counts in report.get("queries", {}).items():
        one, ten = counts["scale_1"], counts["scale_10"]
        lines.append(
            f"| `{path}` | {one['count']} (status {one['status']}) "
            f"| {ten['count']} (status {ten['status']}) "
            f"| {one['service_ms']} / {ten['service_ms']} |"
        )
    lines += ["", "| Check | Value | Target | Result |", "| --- | --- | --- | --- |"]
    for check in report["checks"]:
        verdict = "pass" if check["passed"] else f"**FAIL** {check['detail']}".strip()
        lines.append(f"| {check['name']} | {check['value']} | {check['target']} | {verdict} |")
    lines += ["", f"Overall: **{'pass' if report['passed'] else 'FAIL'}**."]
    return "\n".join(lines)


def update_doc(markdown: str, doc: Path = DOC_PATH) -> None:
    text = doc.read_text()
    start, end = text.index(START_MARKER) + len(START_MARKER), text.index(END_MARKER)
    doc.write_text(text[:start] + "\n" + markdown + "\n" + text[end:])


def print_table(checks: list[Check]) -> None:
    rows = [("Check", "Value", "Target", "Result")] + [
        (c.name, str(c.value), c.target, "pass" if c.passed else "FAIL") for c in checks
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)))
    for check in checks:
        if not check.passed:
            print(f"MISSED: {check.name}: {check.value} (target {check.target}) {check.detail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the DHR Manager benchmarks.")
    parser.add_argument(
        "--requests",
        type=int,
        default=REQUESTS_PER_PAGE,
        help="requests per page in the load test (bounded)",
    )
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite the docs block")
    parser.add_argument(
        "--only", default="", help="run only benchmarks whose function name contains this"
    )
    args = parser.parse_args(argv)
    requests = max(100, min(args.requests, 5_000))
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dhr-bench-") as tmp:
        workdir = Path(tmp)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings_bench",
            "DEBUG": "False",
            "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DHR_REQUIRE_MFA": "False",
            "PYTHONPATH": str(REPO),
        }
        empty = workdir / "empty.sqlite3"
        print("Migrating a fresh database ...", flush=True)
        _python(["manage.py", "migrate", "--verbosity", "0"], {**env, "SQLITE_PATH": str(empty)})
        databases = {scale: workdir / f"scale{scale}.sqlite3" for scale in (1, 10)}
        generated = {}
        for scale, path in databases.items():
            _copy_database(empty, path)
            print(f"Generating national-scale data x{scale} ...", flush=True)
            generated[scale] = _last_json(
                _python(
                    ["bench/generate.py", "--scale", str(scale)], {**env, "SQLITE_PATH": str(path)}
                )
            )
            print(f"  {generated[scale]['reviews']} reviews in {generated[scale]['seconds']} s")
        ctx = Context(workdir, env, databases, generated, requests)
        checks: list[Check] = []
        chosen = [b for b in [*BENCHMARKS, *_feature_benchmarks()] if args.only in b.__name__]
        for benchmark in chosen:
            print(f"Running {benchmark.__name__} ...", flush=True)
            checks += benchmark(ctx)
    report = {
        "measured_at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _commit(),
        "machine": _machine(),
        "generated": {str(k): v for k, v in generated.items()},
        **ctx.data,
        "checks": [asdict(c) for c in checks],
        "passed": all(c.passed for c in checks),
        "seconds": round(time.perf_counter() - started, 1),
    }
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_PATH.write_text(json.dumps(report, indent=2) + "\n")
    print()
    print_table(checks)
    print(f"\nWrote {RESULTS_PATH.relative_to(REPO)} in {report['seconds']} s.")
    if not args.no_doc:
        update_doc(results_markdown(report))
        print(f"Updated the results block of {DOC_PATH.relative_to(REPO)}.")
    return 0 if report["passed"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
