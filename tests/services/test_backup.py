"""Backups on SQLite and PostgreSQL: sound private copies that never clobber a file."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.services import backup as backups
from acumat.services import transfer
from acumat.services.database import local_actor
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import upgrade
from tests.conftest import mode
from tests.interop.awkward import (
    APPROVALS,
    SCREENINGS,
    fill_awkward_diary,
)
from tests.services.test_transfer import entry_count

pytestmark = pytest.mark.usefixtures("frozen_clock")


# --- backup ----------------------------------------------------------------------------


def test_a_sqlite_backup_is_a_sound_copy_with_the_same_rows(
    sqlite_url: str, tmp_path: Path
) -> None:
    db = Database(make_engine(sqlite_url))
    upgrade(db.engine)
    actor = local_actor(db)
    fill_awkward_diary(db, actor)
    out = tmp_path / "backup.db"
    result = backups.backup(db, actor, out)
    assert result.method == "sqlite-online-backup"
    with closing(sqlite3.connect(out)) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    restored = Database(make_engine(f"sqlite:///{out}"))
    try:
        assert transfer.export_diary(restored, actor, "json") == transfer.export_diary(
            db, actor, "json"
        )
    finally:
        restored.dispose()
        db.dispose()


def test_a_backup_never_overwrites_unless_asked(db: Database, actor: Actor, tmp_path: Path) -> None:
    out = tmp_path / "backup.db"
    out.write_text("older backup")
    with pytest.raises(InvalidInput, match=r"out: .* already exists"):
        backups.backup(db, actor, out)
    assert out.read_text() == "older backup"
    backups.backup(db, actor, out, overwrite=True)
    assert out.read_bytes() != b"older backup"


def test_a_backup_onto_the_live_database_is_refused(sqlite_url: str) -> None:
    db = Database(make_engine(sqlite_url))
    upgrade(db.engine)
    live = Path(sqlite_url.removeprefix("sqlite:///"))
    actor = local_actor(db)
    try:
        with pytest.raises(InvalidInput, match="out: is the live database"):
            backups.backup(db, actor, live, overwrite=True)
        assert entry_count(db) == 0
    finally:
        db.dispose()


def test_a_postgres_backup_is_the_local_users_json_export(
    postgres_url: str, tmp_path: Path
) -> None:
    db = Database(make_engine(postgres_url))
    upgrade(db.engine)
    try:
        actor = local_actor(db)
        fill_awkward_diary(db, actor)
        out = tmp_path / "backup.json"
        assert backups.backup(db, actor, out).method == "json-export"
        assert out.read_text(encoding="utf-8") == transfer.export_diary(db, actor, "json")
        document = json.loads(out.read_text(encoding="utf-8"))
        urgencies = [s["urgency"] for s in document["screenings"]]
        assert (len(urgencies), urgencies[-1]) == (SCREENINGS, "EMERGENCY")
        assert len(document["clinician_approvals"]) == APPROVALS
    finally:
        db.dispose()


@pytest.mark.usefixtures("usual_umask")
def test_a_backup_is_readable_by_its_owner_only(db: Database, actor: Actor, tmp_path: Path) -> None:
    fill_awkward_diary(db, actor)
    out = tmp_path / "backup"
    backups.backup(db, actor, out)
    assert mode(out) == 0o600
