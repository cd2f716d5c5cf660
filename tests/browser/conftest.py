"""Browser fixtures: acumat served by uvicorn in a child process, and headless Chromium.

The server runs exactly as a person would run it: a fresh ``ACUMAT_HOME``, no database URL,
SQLite created and migrated on first use, listening on a free 127.0.0.1 port. Without
``/usr/bin/chromium`` the tests are skipped, unless ``ACUMAT_REQUIRE_BROWSER=1`` (CI), which
turns that into a failure.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SERVE = """
import sys, uvicorn
from acumat.config import load_settings
from acumat.http.app import create_app
app = create_app(load_settings())
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """The base URL of a freshly started acumat with an empty home directory."""
    port = _free_port()
    env = {**os.environ, "ACUMAT_HOME": str(tmp_path / "home"), "ACUMAT_PORT": str(port)}
    env.pop("ACUMAT_DATABASE_URL", None)
    with (tmp_path / "server.log").open("w") as log:
        child = subprocess.Popen(
            [sys.executable, "-c", SERVE, str(port)], env=env, stdout=log, stderr=log
        )
        try:
            deadline = time.monotonic() + 30
            while not _answers(port):
                assert child.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "acumat did not start within 30 s"
                time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            child.terminate()
            child.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    """Headless Chromium from the system, launched the way CI launches it."""
    if not CHROMIUM.exists():
        message = f"browser tests skipped: no Chromium at {CHROMIUM} (install it to run them)"
        if os.environ.get("ACUMAT_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
