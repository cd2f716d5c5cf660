"""Backup and restore on SQLite and PostgreSQL: sound private copies, and getting a diary
back from one without ever losing the diary it replaces."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.errors import Conflict, InvalidInput
from acumat.services import backup as backups
from acumat.services import diary, transfer
from acumat.services.database import local_actor
from acumat.store import backup as store_backup
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import HEAD, downgrade, upgrade
from tests.conftest import mode
from tests.interop.awkward import (
    APPROVALS,
    SCREENINGS,
    empty_database_like,
    fill_awkward_diary,
)
from tests.services.test_transfer import DIARY_ENTRIES, entry_count

pytestmark = pytest.mark.usefixtures("frozen_clock")
EVERYTHING = DIARY_ENTRIES + SCREENINGS + APPROVALS


@pytest.fixture
def second(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """A second empty database on the same backend, to restore into."""
    with empty_database_like(database_url, tmp_path) as other:
        yield other


def url_of(db: Database) -> str:
    return db.engine.url.render_as_string(hide_password=False)


def filled_sqlite(path: Path) -> Database:
    """A migrated SQLite database at ``path`` holding the awkward diary."""
    db = Database(make_engine(f"sqlite:///{path}"))
    upgrade(db.engine)
    fill_awkward_diary(db, local_actor(db))
    return db


@pytest.fixture
def backup_file(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A SQLite backup of the awkward diary, and that diary's JSON export."""
    source = filled_sqlite(tmp_path / "source.db")
    try:
        out = tmp_path / "backup.db"
        backups.backup(source, local_actor(source), out)
        yield out, transfer.export_diary(source, local_actor(source), "json")
    finally:
        source.dispose()


def restore(live: Path, backup: Path, *, force: bool = False) -> backups.RestoreResult:
    return backups.restore(load_settings(f"sqlite:///{live}"), backup, local_actor, force=force)


def export_of(live: Path) -> str:
    db = Database(make_engine(f"sqlite:///{live}"))
    try:
        return transfer.export_diary(db, local_actor(db), "json")
    finally:
        db.dispose()


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


# --- restore a SQLite copy -------------------------------------------------------------


@pytest.mark.usefixtures("usual_umask")
def test_a_sqlite_backup_restores_into_a_new_home(
    backup_file: tuple[Path, str], tmp_path: Path
) -> None:
    backup, exported = backup_file
    live = tmp_path / "home" / "acumat.db"
    result = restore(live, backup)
    assert (result.method, result.counts.total, result.counts.screenings) == (
        "sqlite-copy",
        EVERYTHING,
        SCREENINGS,
    )
    assert export_of(live) == exported
    assert result.kept is not None
    kept = Path(result.kept)
    assert kept.name == "acumat.db.before-restore-20260315-120000"
    assert (mode(live.parent), mode(live), mode(kept)) == (0o700, 0o600, 0o600)
    with closing(sqlite3.connect(live)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert sorted(
        p.name for p in live.parent.iterdir() if not p.name.endswith(("-wal", "-shm"))
    ) == [
        "acumat.db",
        kept.name,
    ]


@pytest.mark.usefixtures("usual_umask")
def test_the_scratch_copy_a_restore_checks_is_private(
    backup_file: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    examine = store_backup.examine

    def watched(path: Path) -> store_backup.Examined:
        seen.append((path.name, mode(path)))
        return examine(path)

    monkeypatch.setattr(store_backup, "examine", watched)
    restore(tmp_path / "home" / "acumat.db", backup_file[0])
    assert seen == [(".acumat.db.restoring", 0o600)]


def test_a_diary_with_entries_is_replaced_only_with_force_and_is_kept(
    backup_file: tuple[Path, str], tmp_path: Path
) -> None:
    live = tmp_path / "home" / "acumat.db"
    mine = Database(make_engine(f"sqlite:///{live}"))
    upgrade(mine.engine)
    diary.add_checkin(mine, local_actor(mine), {"day": "2026-03-10", "pain": 6})
    mine.dispose()
    before = export_of(live)
    with pytest.raises(Conflict, match=r"already holds entries .* add --force"):
        restore(live, backup_file[0])
    assert export_of(live) == before
    assert sorted(p.name for p in live.parent.iterdir() if "restor" in p.name) == []
    result = restore(live, backup_file[0], force=True)
    assert export_of(live) == backup_file[1]
    assert result.kept is not None
    assert export_of(Path(result.kept)) == before


def test_two_restores_in_the_same_second_keep_both_databases(
    backup_file: tuple[Path, str], tmp_path: Path
) -> None:
    live = tmp_path / "acumat.db"
    first = restore(live, backup_file[0])
    second_kept = restore(live, backup_file[0], force=True).kept
    assert (first.kept, second_kept) == (
        f"{live}.before-restore-20260315-120000",
        f"{live}.before-restore-20260315-120000-2",
    )
    assert export_of(Path(str(second_kept))) == backup_file[1]


def test_a_backup_from_an_older_acumat_is_brought_up_to_date(tmp_path: Path) -> None:
    old = filled_sqlite(tmp_path / "old.db")
    expected = json.loads(transfer.export_diary(old, local_actor(old), "json"))
    downgrade(old.engine, "0002")
    old.dispose()
    live = tmp_path / "home" / "acumat.db"
    assert restore(live, tmp_path / "old.db").counts.total == EVERYTHING
    restored = json.loads(export_of(live))
    for name in ("checkins", "episodes", "sessions", "care", "screenings", "clinician_approvals"):
        assert _without_uuids(restored[name]) == _without_uuids(expected[name])
    assert store_backup.examine(tmp_path / "old.db").revision == "0002"  # the backup is untouched


def _without_uuids(rows: list[dict[str, object]]) -> list[str]:
    """Rows as sorted text, uuids left out: the migration gave each old row a new one."""
    return sorted(json.dumps({**row, "uuid": None}, sort_keys=True) for row in rows)


def _sqlite_with(path: Path, *statements: str) -> Path:
    with closing(sqlite3.connect(path)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return path


def _newer(tmp_path: Path, backup: Path) -> Path:
    path = tmp_path / "newer.db"
    path.write_bytes(backup.read_bytes())
    return _sqlite_with(path, "UPDATE alembic_version SET version_num = '0099'")


def _truncated(tmp_path: Path, backup: Path) -> Path:
    path = tmp_path / "damaged.db"
    data = backup.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


BAD_BACKUPS = [
    (_newer, f"was made by a newer acumat \\(schema 0099; this one knows up to {HEAD}\\)"),
    (_truncated, "is damaged \\(SQLite's integrity check failed\\)"),
    (lambda tmp, _: _sqlite_with(tmp / "other.db", "CREATE TABLE t (x)"), "but not acumat's"),
    (lambda tmp, _: tmp / "missing.db", "cannot read .*missing.db"),
    (lambda tmp, _: tmp, "is a folder"),
    (lambda tmp, _: tmp / "diary.csv", "neither a SQLite copy .* nor a JSON export"),
]


@pytest.mark.parametrize(("make", "expected"), BAD_BACKUPS)
def test_a_bad_backup_is_refused_and_nothing_changes(
    backup_file: tuple[Path, str], tmp_path: Path, make: object, expected: str
) -> None:
    (tmp_path / "diary.csv").write_text("kind,day,pain\ncheckin,2026-03-14,3\n")
    bad = make(tmp_path, backup_file[0])  # type: ignore[operator]
    live = tmp_path / "home" / "acumat.db"
    with pytest.raises(InvalidInput, match=f"file: .*{expected}"):
        restore(live, bad)
    assert not live.parent.exists() or [p.name for p in live.parent.iterdir()] == []


def test_the_live_database_itself_is_refused(tmp_path: Path) -> None:
    live = tmp_path / "acumat.db"
    filled_sqlite(live).dispose()
    with pytest.raises(InvalidInput, match="is the live database itself"):
        restore(live, live, force=True)


def test_a_damaged_live_database_is_replaced_only_with_force_and_is_kept(
    backup_file: tuple[Path, str], tmp_path: Path
) -> None:
    live = tmp_path / "acumat.db"
    live.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    with pytest.raises(Conflict, match=r"cannot be read .* Add --force"):
        restore(live, backup_file[0])
    assert live.read_bytes()[16:] == b"\xff" * 5000
    result = restore(live, backup_file[0], force=True)
    assert export_of(live) == backup_file[1]
    assert Path(str(result.kept)).read_bytes() == b"SQLite format 3\x00" + b"\xff" * 5000


def test_a_sqlite_copy_does_not_restore_into_postgres(
    postgres_url: str, backup_file: tuple[Path, str]
) -> None:
    with pytest.raises(InvalidInput, match=r"restores into a SQLite database only.* export"):
        backups.restore(load_settings(postgres_url), backup_file[0], local_actor)


# --- restore a JSON export -------------------------------------------------------------


def test_a_json_backup_restores_by_importing_it_and_twice_adds_nothing(
    db: Database, actor: Actor, second: Database, tmp_path: Path
) -> None:
    fill_awkward_diary(db, actor)
    backup = tmp_path / "backup.json"
    backup.write_text(transfer.export_diary(db, actor, "json"), encoding="utf-8")
    settings = load_settings(url_of(second))
    first = backups.restore(settings, backup, local_actor)
    again = backups.restore(settings, backup, local_actor, force=True)
    assert (first.method, first.counts.total, first.kept) == ("json-import", EVERYTHING, None)
    assert (again.counts.total, again.already_present.total) == (0, EVERYTHING)
    other = local_actor(second)
    assert transfer.export_diary(second, other, "json") == backup.read_text(encoding="utf-8")


def test_a_json_backup_with_a_bad_row_restores_nothing(
    db: Database, second: Database, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.json"
    document = {
        "format": "acumat-export",
        "version": 3,
        "checkins": [{"day": "2026-03-14", "pain": 11}],
    }
    backup.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInput, match=r"row 1 \(checkin\) pain"):
        backups.restore(load_settings(url_of(second)), backup, local_actor)
    assert entry_count(second) == 0
