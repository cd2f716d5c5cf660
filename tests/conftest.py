"""Shared fixtures: a fresh database per test on SQLite, and the same on PostgreSQL.

The PostgreSQL lane uses ``ACUMAT_TEST_POSTGRES_URL`` (default: the local trust-auth server's
``test`` database) and gives each test its own schema. When no server answers the lane is
skipped with a message, unless ``ACUMAT_REQUIRE_POSTGRES=1`` (CI), which turns that into a failure.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from acumat.actor import Actor
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import upgrade
from acumat.timecheck import TimeContext

PG_URL = os.environ.get(
    "ACUMAT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_PG = os.environ.get("ACUMAT_REQUIRE_POSTGRES") == "1"

# A new person's region is guessed from the locale (acumat.region_guess); pin it, so a
# developer's en_US or de_DE machine gives the same emergency numbers as CI.
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"
# acumat ask keeps its index in a cache folder: each test process gets its own, never the
# developer's (tests of the cache itself point ACUMAT_CACHE_DIR elsewhere).
os.environ["ACUMAT_CACHE_DIR"] = tempfile.mkdtemp(prefix="acumat-cache-")
_pg_ok: bool | None = None


def postgres_available() -> bool:
    """Whether the PostgreSQL lane can run (checked once per session)."""
    global _pg_ok
    if _pg_ok is None:
        try:
            probe = create_engine(PG_URL, connect_args={"connect_timeout": 3})
            with probe.connect() as conn:
                conn.execute(text("SELECT 1"))
            probe.dispose()
            _pg_ok = True
        except Exception:  # noqa: BLE001 - any failure means "no server here"
            _pg_ok = False
    return _pg_ok


def skip_without_postgres() -> None:
    if postgres_available():
        return
    message = (
        f"PostgreSQL half skipped: no server at {PG_URL}. Start PostgreSQL or set "
        "ACUMAT_TEST_POSTGRES_URL to run it."
    )
    if REQUIRE_PG:
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'acumat.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema."""
    skip_without_postgres()
    schema = f"t_{uuid.uuid4().hex[:12]}"
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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database on each backend."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """A migrated, empty database on SQLite and on PostgreSQL."""
    database = Database(make_engine(database_url))
    upgrade(database.engine)
    yield database
    database.dispose()


@pytest.fixture
def actor(db: Database) -> Actor:
    """The local person, living in UTC (tests that need another zone set it)."""
    from acumat.services.database import local_actor
    from acumat.services.settings import change_settings

    return change_settings(db, local_actor(db), {"timezone": "UTC"})


FROZEN_NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
UTC_TIME = TimeContext(now=FROZEN_NOW, zone=UTC)
"""The clock of a person in UTC at :data:`FROZEN_NOW`, for validating outside a service."""


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Freeze acumat's clock at noon UTC on 2026-03-15."""
    from acumat import clock

    monkeypatch.setattr(clock, "utcnow", lambda: FROZEN_NOW)
    return FROZEN_NOW


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The common umask 022, under which files would be readable by everyone (0644)."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    """The permission bits of ``path`` (0o600 means readable by the owner only)."""
    return path.stat().st_mode & 0o777


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty ``ACUMAT_HOME`` with no database URL set: the zero-config default."""
    path = tmp_path / "home"
    monkeypatch.setenv("ACUMAT_HOME", str(path))
    monkeypatch.delenv("ACUMAT_DATABASE_URL", raising=False)
    return path


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly when the PostgreSQL half did not run, and how to run it."""
    if not postgres_available():
        terminalreporter.write_line(
            f"NOTE: the PostgreSQL half of the suite was SKIPPED (no server at {PG_URL}). "
            "Start PostgreSQL locally or set ACUMAT_TEST_POSTGRES_URL to include it.",
            yellow=True,
        )
