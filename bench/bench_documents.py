"""Upload intake benchmark (issue 3 item 7): how long the content checks take on big files.

`check_upload` runs in the web request, before anything is stored, so it must stay quick on
files near the 25 MB limit: a DOCX holding 20 MB of (incompressible) images, whose zip
directory is walked and whose [Content_Types].xml is read; a 20 MB UTF-8 CSV, which is decoded
in full; and a 50 MB-per-member zip bomb, which must be refused from the declared sizes alone,
without inflating anything. Target: each at most 1 s on the 2-core benchmark machine.

    python bench/bench_documents.py   -> one JSON line of timings
"""

from __future__ import annotations

import io
import json
import os
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.run import Check, Context  # noqa: E402
from dhr.documents.validation import UploadRejected, check_upload  # noqa: E402

SECONDS_TARGET = 1.0
MB = 1024 * 1024


def _docx(images_mb: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>" * 1000)
        for number in range(images_mb):
            archive.writestr(f"word/media/image{number}.png", os.urandom(MB))
    return buffer.getvalue()


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", bytes(50 * MB))
    return buffer.getvalue()


def _csv(megabytes: int) -> bytes:
    line = "2026-01-05,Westshire Police,Home visit,£20 owed; victim seen alone\n".encode()
    return line * (megabytes * MB // len(line))


def _timed(run: Callable[[], Any]) -> tuple[float, str]:
    """Seconds taken, and the outcome: "accepted" or the rejection code."""
    started = time.perf_counter()
    try:
        run()
        outcome = "accepted"
    except UploadRejected as rejected:
        outcome = rejected.code
    return time.perf_counter() - started, outcome


# What must happen to each file: accepted, or refused with this code.
EXPECTED = {"docx_20mb": "accepted", "csv_20mb": "accepted", "zip_bomb": "zip_bomb"}


def measure() -> dict[str, tuple[float, str]]:
    docx, csv, bomb = _docx(20), _csv(20), _bomb()
    return {
        "docx_20mb": _timed(lambda: check_upload("imr.docx", docx)),
        "csv_20mb": _timed(lambda: check_upload("chronology.csv", csv)),
        "zip_bomb": _timed(lambda: check_upload("bomb.docx", bomb)),
    }


def bench_documents(ctx: Context | None = None) -> list[Check]:
    return [
        Check(
            name=f"upload check: {name.replace('_', ' ')}",
            value=round(seconds, 3),
            target=f"<= {SECONDS_TARGET} s, {EXPECTED[name]}",
            passed=seconds <= SECONDS_TARGET and outcome == EXPECTED[name],
            detail=outcome,
        )
        for name, (seconds, outcome) in measure().items()
    ]


BENCHMARKS = [bench_documents]

if __name__ == "__main__":
    print(json.dumps(measure()))
