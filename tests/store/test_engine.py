"""The SQLite engine is tuned for safety, and the database is created where settings say."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from acumat.config import load_settings
from acumat.errors import DatabaseNotReady
from acumat.services.database import local_actor, open_database
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import HEAD, current_revision, ensure_current
from acumat.store.types import UTCDateTime
from tests.conftest import mode


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_first_use_creates_and_migrates_the_default_database(home: Path) -> None:
    db = open_database(load_settings())
    assert (home / "acumat.db").exists()
    assert current_revision(db.engine) == HEAD
    assert local_actor(db) == local_actor(db)
    db.dispose()


@pytest.mark.usefixtures("usual_umask")
def test_the_database_its_side_files_and_its_folder_are_private(home: Path) -> None:
    db = open_database(load_settings())
    local_actor(db)  # a write: SQLite now has its WAL and shared-memory files open
    try:
        written = sorted(p.name for p in home.iterdir())
        assert written == ["acumat.db", "acumat.db-shm", "acumat.db-wal"]
        assert {name: mode(home / name) for name in written} == dict.fromkeys(written, 0o600)
        assert mode(home) == 0o700
    finally:
        db.dispose()


def test_database_url_setting_wins_over_home(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACUMAT_DATABASE_URL", f"sqlite:///{tmp_path / 'elsewhere.db'}")
    open_database(load_settings()).dispose()
    assert (tmp_path / "elsewhere.db").exists()
    assert not (home / "acumat.db").exists()


def test_a_non_sqlite_database_must_be_upgraded_explicitly(postgres_url: str) -> None:
    engine = make_engine(postgres_url)
    with pytest.raises(DatabaseNotReady, match="acumat db upgrade"):
        ensure_current(engine, auto=False)
    engine.dispose()


def test_naive_datetimes_are_refused_by_the_column_type() -> None:
    with pytest.raises(ValueError, match="naive datetime refused"):
        UTCDateTime().process_bind_param(datetime(2026, 1, 1), make_engine("sqlite://").dialect)


def test_a_database_error_never_quotes_the_values_written(db: Database) -> None:
    """Health data must not reach a log through a driver's error message (D-M4)."""
    from sqlalchemy.exc import IntegrityError

    from acumat.store.models import CheckIn, User

    with db.transaction() as session:
        user = User(is_local=True, created_at=datetime.now(UTC))
        session.add(user)
        session.flush()
        user_id = user.id
    now = datetime.now(UTC)
    twins = [
        CheckIn(
            user_id=user_id,
            day=date(2026, 3, 14),
            pain=3,
            note="PRIVACYCANARY started antidepressants",
            created_at=now,
            updated_at=now,
        )
        for _ in range(2)
    ]
    with pytest.raises(IntegrityError) as caught, db.transaction() as session:  # noqa: PT012
        session.add_all(twins)
        session.flush()
    assert "PRIVACYCANARY" not in str(caught.value)
    assert "parameters hidden" in str(caught.value)
