"""The antivirus hook: EICAR is refused, and a scanner failure never lets a file through."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from dhr.documents import antivirus
from dhr.documents.antivirus import Verdict
from dhr.documents.models import Document, ScanStatus
from dhr.documents.services import document_store
from dhr.documents.tests.conftest import EICAR

# A stand-in for clamscan: exit 1 ("infected") when the EICAR signature is on stdin.
FAKE_SCANNER = """#!/bin/sh
if grep -q 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE'; then exit 1; fi
exit 0
"""


@pytest.fixture
def fake_clamscan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "clamscan"
    script.write_text(FAKE_SCANNER)
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(antivirus, "scanner_path", lambda: str(script))
    return script


def test_without_a_scanner_the_verdict_is_not_scanned() -> None:
    assert antivirus.scan(EICAR) == Verdict.NOT_SCANNED


def test_the_scanner_exit_codes_become_verdicts(fake_clamscan: Path) -> None:
    assert antivirus.scan(EICAR) == Verdict.INFECTED
    assert antivirus.scan(b"a,b\n1,2\n") == Verdict.CLEAN


def test_a_broken_scanner_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(antivirus, "scanner_path", lambda: str(tmp_path / "missing"))
    assert antivirus.scan(b"x") == Verdict.ERROR


@pytest.mark.django_db
def test_an_eicar_upload_is_refused_and_nothing_is_saved(
    review: Any, coordinator: Any, upload: Any, fake_clamscan: Path
) -> None:
    eicar_csv = b"note\n" + EICAR + b"\n"
    with pytest.raises(ValidationError) as info:
        document_store(
            actor=coordinator, review=review, upload=upload("notes.csv", eicar_csv), purpose="other"
        )
    assert info.value.messages == ["The selected file contains a virus. It has not been uploaded"]
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_scanner_error_refuses_the_upload(
    review: Any, coordinator: Any, upload: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(antivirus, "scan", lambda data: Verdict.ERROR)
    with pytest.raises(ValidationError) as info:
        document_store(
            actor=coordinator, review=review, upload=upload("a.csv", b"a,b\n"), purpose="other"
        )
    assert info.value.code == "scan_error"
    assert not Document.objects.exists()


@pytest.mark.django_db
def test_a_clean_scan_is_recorded(
    review: Any, coordinator: Any, upload: Any, fake_clamscan: Path
) -> None:
    document = document_store(
        actor=coordinator, review=review, upload=upload("a.csv", b"a,b\n"), purpose="other"
    )
    assert document.scan_status == ScanStatus.CLEAN


@pytest.mark.skipif(
    not (shutil.which("clamdscan") or shutil.which("clamscan")), reason="ClamAV is not installed"
)
def test_real_clamav_finds_eicar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # the autouse fixture hid the scanner; use the real one here
    assert antivirus.scan(EICAR) == Verdict.INFECTED
