"""Backing up the database.

A backup of a SQLite database is a SQLite copy, consistent even while acumat writes; of
any other database (PostgreSQL), the acting person's JSON export, safety history
included (a server's full backup belongs to its own tools, such as ``pg_dump``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.files import write_whole
from acumat.services.transfer import claim_output, export_diary
from acumat.store import backup as files
from acumat.store.engine import Database


class BackupResult(BaseModel):
    """Where a backup was written and how: a SQLite copy, or a JSON export."""

    path: str
    method: Literal["sqlite-online-backup", "json-export"]
    size_bytes: int


# --- backup ----------------------------------------------------------------------------


def backup(db: Database, actor: Actor, out_path: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the database to ``out_path`` (mode 0600).

    SQLite: the online backup API, giving a standalone SQLite file (journal mode DELETE)
    that is consistent even while acumat is writing. Other databases (PostgreSQL): the
    JSON export of ``actor``'s diary, screenings and clinician approvals. An existing
    ``out_path`` is refused unless ``overwrite`` is true.
    """
    target = claim_output(out_path, overwrite)
    source = files.sqlite_file(db.engine.url)
    if source is None:
        write_whole(target, export_diary(db, actor, "json").encode("utf-8"))
        method: Literal["sqlite-online-backup", "json-export"] = "json-export"
    else:
        if target.resolve() == source:
            raise InvalidInput.single("out", "is the live database itself; choose another file")
        files.copy_database(source, target)
        method = "sqlite-online-backup"
    return BackupResult(path=str(target), method=method, size_bytes=target.stat().st_size)
