"""The antivirus hook (ASVS 5.4.3): ClamAV when it is installed, "not scanned" otherwise.

`clamdscan` (the daemon client, fast: the signatures stay loaded) is preferred to `clamscan`
(loads the signatures on every run, slow but needs no daemon). The file is passed on stdin,
so nothing is written to a temporary path. Exit codes are ClamAV's: 0 clean, 1 infected,
anything else an error. Without ClamAV the verdict is NOT_SCANNED and the document records
it, so an installation that must scan can see which files were never checked.
"""

from __future__ import annotations

import enum
import shutil
import subprocess  # noqa: S404 - a fixed ClamAV command, no shell, no user input in argv

SCAN_TIMEOUT_SECONDS = 120
SCANNERS = ("clamdscan", "clamscan")


class Verdict(enum.StrEnum):
    CLEAN = "clean"
    INFECTED = "infected"
    ERROR = "error"
    NOT_SCANNED = "not_scanned"


def scanner_path() -> str | None:
    """The first ClamAV scanner on PATH, or None."""
    for name in SCANNERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def scan(data: bytes) -> Verdict:
    """Scan `data` with ClamAV. Never raises: a scanner failure is Verdict.ERROR."""
    path = scanner_path()
    if path is None:
        return Verdict.NOT_SCANNED
    command = [path, "--no-summary", "--stdout", "-"]
    try:
        completed = subprocess.run(  # noqa: S603 - argv is fixed, the data goes on stdin
            command,
            input=data,
            capture_output=True,
            timeout=SCAN_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return Verdict.ERROR
    if completed.returncode == 0:
        return Verdict.CLEAN
    if completed.returncode == 1:
        return Verdict.INFECTED
    return Verdict.ERROR
