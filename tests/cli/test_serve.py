"""``acumat serve``: local-only, a clear message for a busy port, and a real running server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.conftest import Run


@pytest.fixture
def busy_port() -> Iterator[int]:
    """A port some other program is already listening on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::"])
def test_a_non_local_host_is_refused_before_anything_starts(
    run: Run, home: Path, host: str
) -> None:
    result = run("serve", "--host", host)
    assert result.exit_code == 2
    assert "--host 127.0.0.1" in result.stderr
    assert not home.exists()  # no database was even created


def test_a_busy_port_says_how_to_choose_another(run: Run, busy_port: int) -> None:
    result = run("serve", "--port", str(busy_port))
    assert result.exit_code == 2
    assert f"port {busy_port} is in use; choose another with --port" in result.stderr


def wait_for(url: str, server: subprocess.Popen[bytes]) -> bytes:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server exited early"
        try:
            with urllib.request.urlopen(url, timeout=1) as response:  # noqa: S310 - local http
                body: bytes = response.read()
                return body
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} never answered")


def test_serve_runs_the_app_on_the_local_sqlite_default(home: Path) -> None:
    port = free_port()
    env = {**os.environ, "ACUMAT_HOME": str(home)}
    server = subprocess.Popen(
        [sys.executable, "-m", "acumat", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        body = wait_for(f"http://127.0.0.1:{port}/api/v1/openapi.json", server)
        assert b'"title":"acumat"' in body
        wait_for(f"http://127.0.0.1:{port}/check?age=44&saddle_numbness=yes", server)
    finally:
        server.terminate()
        out, err = server.communicate(timeout=20)
    assert f"acumat is running at http://127.0.0.1:{port}/".encode() in out
    assert b"saddle_numbness" not in out + err  # no access log: answers never reach a log
    assert (home / "acumat.db").exists()
