"""The longer schemathesis run: every phase, stateful included, against ``acumat serve``.

For each backend (a fresh SQLite file, and a fresh schema in the PostgreSQL test database)
this migrates the database, starts ``acumat serve`` on a free port of 127.0.0.1, runs the
``schemathesis`` CLI against its OpenAPI document over real HTTP with a fixed seed, and
prints a summary from the CLI's JSON report: requests by status code, failures by check,
and the time taken. The exit code is 1 if any run found a failure or an error.

    .venv/bin/python benchmarks/schemathesis_run.py                  # both backends, 300 examples
    .venv/bin/python benchmarks/schemathesis_run.py --examples 1000 --backends sqlite

The bounded run in the default test suite is ``tests/api/test_schemathesis.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from acumat.services.database import local_actor
from acumat.services.settings import change_settings
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import upgrade

# Every check but positive_data_acceptance: acumat refuses some schema-valid requests on
# purpose, for rules JSON Schema cannot say (a day after today, a day outside 1900-2100, an
# end before its start, a stop reason without stopping early, a cursor it did not give).
EXCLUDED_CHECKS = "positive_data_acceptance"
PHASES = "examples,coverage,fuzzing,stateful"
PG_URL = os.environ.get(
    "ACUMAT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def prepare(url: str) -> None:
    """Migrate ``url`` and make its local person live in UTC."""
    db = Database(make_engine(url))
    upgrade(db.engine)
    change_settings(db, local_actor(db), {"timezone": "UTC"})
    db.dispose()


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections see only a fresh schema, dropped afterwards."""
    schema = f"st_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def served(url: str, home: Path) -> Iterator[str]:
    """``acumat serve`` over ``url``; yields its OpenAPI document's address."""
    port = free_port()
    env = {**os.environ, "ACUMAT_HOME": str(home), "ACUMAT_DATABASE_URL": url}
    command = [str(BIN / "acumat"), "serve", "--port", str(port)]
    quiet = subprocess.DEVNULL
    server = subprocess.Popen(command, env=env, stdout=quiet, stderr=quiet)
    document = f"http://127.0.0.1:{port}/api/v1/openapi.json"
    try:
        wait_for(document)
        yield document
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_for(address: str) -> None:
    for _ in range(100):
        try:
            with urllib.request.urlopen(address, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"acumat serve did not answer at {address}")


def run(document: str, args: argparse.Namespace, report: Path) -> tuple[int, float]:
    command = [
        str(BIN / "schemathesis"),
        "run",
        document,
        f"--seed={args.seed}",
        f"--max-examples={args.examples}",
        f"--phases={PHASES}",
        "--checks=all",
        f"--exclude-checks={EXCLUDED_CHECKS}",
        "--generation-deterministic",
        "--continue-on-failure",
        "--workers=1",
        "--no-color",
        "--report=json",
        f"--report-json-path={report}",
    ]
    started = time.monotonic()
    # Run in the throwaway folder: the CLI keeps a crash cache in .schemathesis/ where it runs.
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=report.parent)
    (report.parent / "cli.txt").write_text(done.stdout + done.stderr)
    return done.returncode, time.monotonic() - started


def summarise(backend: str, code: int, seconds: float, report_path: Path) -> bool:
    """Print one backend's result from the JSON report; whether it was clean."""
    print(f"\n== {backend}: exit code {code}, {seconds:.0f} s ==")
    if not report_path.exists():
        print((report_path.parent / "cli.txt").read_text()[-3000:])
        return False
    report = json.loads(report_path.read_text())
    cases, operations = report["test_cases"], report["operations"]
    phases = ", ".join(f"{name} {p['status']}" for name, p in report["phases"].items())
    print(f"operations tested: {operations['tested']} of {operations['total']}; phases: {phases}")
    print(
        f"test cases: {cases['generated']} generated, {cases['with_failures']} with failures "
        f"({cases['unique_failures']} unique), {cases['errored']} errored"
    )
    for failure in report["failures"] + report["errors"]:
        print(f"  - {json.dumps(failure)[:300]}")
    return code == 0 and not report["failures"] and not report["errors"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=300, help="fuzzed cases per operation")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--keep", type=Path, help="folder to keep each run's report and output in")
    args = parser.parse_args()
    clean = True
    for backend in args.backends.split(","):
        with tempfile.TemporaryDirectory(prefix="acumat-st-") as folder:
            home = Path(folder)
            report = home / "report.json"
            with database(backend, home) as url:
                prepare(url)
                with served(url, home) as document:
                    code, seconds = run(document, args, report)
            clean &= summarise(backend, code, seconds, report)
            if args.keep is not None:
                args.keep.mkdir(parents=True, exist_ok=True)
                for kept in (report, home / "cli.txt"):
                    if kept.exists():
                        shutil.copy(kept, args.keep / f"{backend}-{kept.name}")
    sys.exit(0 if clean else 1)


@contextmanager
def database(backend: str, home: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{home / 'acumat.db'}"
    elif backend == "postgres":
        with postgres_schema() as url:
            yield url
    else:
        raise SystemExit(f"unknown backend {backend!r}; use sqlite or postgres")


if __name__ == "__main__":
    main()
