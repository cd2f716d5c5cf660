"""SQLite files as backups: consistent copies, their checks, and putting one back.

Copies go through SQLite's online backup API, so they are consistent even while acumat
is writing, and land in private files (0600) written under a partial name. Putting a
copy back writes its pages into the live database through SQLite's own locks, so the
database file, its permissions and WAL mode stay, and a running ``acumat serve`` sees
the restored diary at its next read instead of writing into a replaced file.

A file that SQLite cannot read raises :class:`DamagedDatabase`; the services decide what
that means for the person.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import URL, func, make_url, select
from sqlalchemy.orm import Session

from acumat.files import copy_private, new_private_file, partial_name
from acumat.store.models import (
    Base,
    CareActivity,
    CheckIn,
    ClinicianApproval,
    Episode,
    MatSession,
    Screening,
)

SQLITE_HEADER = b"SQLite format 3\x00"
DATA_MODELS: tuple[type[Base], ...] = (
    CheckIn,
    Episode,
    MatSession,
    CareActivity,
    Screening,
    ClinicianApproval,
)
SIDE_FILES = ("-wal", "-shm", "-journal")


class DamagedDatabase(Exception):
    """SQLite could not read a file as a database."""


@dataclass(frozen=True)
class Examined:
    """What a SQLite file turned out to be: whole or not, and its acumat schema revision
    (``None`` when it has none, so it is not an acumat database)."""

    intact: bool
    revision: str | None


def sqlite_file(database_url: str | URL) -> Path | None:
    """The file of a SQLite database; ``None`` for any other database or one in memory."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def is_sqlite_file(path: Path) -> bool:
    """Whether ``path`` starts like a SQLite database file."""
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent, standalone copy (journal mode DELETE) of ``source`` to ``target``.

    :class:`DamagedDatabase` if SQLite cannot read ``source``.
    """
    partial = partial_name(target)
    new_private_file(partial)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dest:
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError as exc:
        remove_with_side_files(partial)
        raise DamagedDatabase(str(source)) from exc
    os.replace(partial, target)


def examine(path: Path) -> Examined:
    """Run SQLite's integrity check on ``path`` and read its schema revision."""
    try:
        with closing(sqlite3.connect(path)) as conn:
            intact = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            versioned = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if versioned
                else None
            )
    except sqlite3.DatabaseError:
        return Examined(intact=False, revision=None)
    return Examined(intact=intact, revision=None if row is None else str(row[0]))


def put_back(copy: Path, live: Path) -> None:
    """Replace every page of the database at ``live`` with those of ``copy``, in one step.

    :class:`DamagedDatabase` if SQLite cannot do it (``copy`` unreadable, or the live
    database locked by a long write).
    """
    try:
        with (
            closing(sqlite3.connect(copy)) as src,
            closing(sqlite3.connect(live, timeout=5)) as dest,
        ):
            src.backup(dest)
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabase(str(copy)) from exc


def swap_in(copy: Path, live: Path, kept: Path) -> None:
    """Move ``copy`` into the place of a live database SQLite cannot open, keeping the old
    file (and its WAL, which may hold its last writes) as ``kept``."""
    copy_private(live, kept)
    wal = live.with_name(live.name + "-wal")
    if wal.exists():
        copy_private(wal, kept.with_name(kept.name + "-wal"))
    for suffix in SIDE_FILES:  # they belong to the old file: SQLite must not replay them
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    os.replace(copy, live)


@contextmanager
def scratch_file(beside: Path, name: str) -> Iterator[Path]:
    """A private, hidden file name next to ``beside``, removed (with SQLite's side files)
    when the block ends."""
    scratch = beside.with_name(f".{beside.name}.{name}")
    try:
        yield scratch
    finally:
        remove_with_side_files(scratch)


def remove_with_side_files(path: Path) -> None:
    """Remove a database file and any journal, WAL or shared-memory file beside it."""
    for suffix in ("", *SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def row_counts(session: Session) -> dict[type[Base], int]:
    """How many diary entries, screenings and approvals the database holds, every
    person's together (a restore replaces the whole database)."""
    return {
        model: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for model in DATA_MODELS
    }
