"""Browser tests: a real server with the demo data, driven by Debian's Chromium.

The server is a separate process (runserver on a free loopback port, its own SQLite file,
`seed_demo` data), so these tests click through the service exactly as a person would and
never share the test database. Skipped with a reason when Chromium is not installed
(`make browser-deps`; `make test` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or ""
AXE_JS = REPO / "node_modules" / "axe-core" / "axe.min.js"
DEMO_PASSWORD = "orchard-kettle-lantern-meadow"  # noqa: S105 - the published demo password

pytestmark = pytest.mark.browser
# The running demo server's environment, for tests that run management commands against it.
SERVER_ENV: dict[str, str] = {}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def demo_server() -> Iterator[str]:
    if not CHROMIUM:
        pytest.skip("Chromium is not installed (make browser-deps)")
    workdir = Path(tempfile.mkdtemp(prefix="dhr-browser-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "SQLITE_PATH": str(workdir / "demo.sqlite3"),
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "DEBUG": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    env.pop("DATABASE_URL", None)
    SERVER_ENV.update({k: env[k] for k in ("SQLITE_PATH", "EMAIL_FILE_PATH")})
    manage = [sys.executable, str(REPO / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=REPO)  # noqa: S603
    subprocess.run([*manage, "seed_demo"], env=env, check=True, cwd=REPO, capture_output=True)  # noqa: S603
    port = _free_port()
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(  # noqa: S603
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        env=env,
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _attempt in range(120):
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.25)
        else:
            raise RuntimeError(f"the demo server did not start; see {log.name}")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM or None,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    # axe-core is injected into pages whose CSP forbids inline scripts; the page's own policy
    # is tested in tests/test_headers.py, so bypassing it here loses nothing.
    return {**browser_context_args, "bypass_csp": True, "locale": "en-GB"}


def sign_in(page: Any, base: str, email: str) -> None:
    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core at WCAG 2.2 AA and return the violations (empty list = none)."""
    page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        """async () => await axe.run(document, {runOnly: {type: 'tag',
           values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})"""
    )
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]
