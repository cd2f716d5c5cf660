"""SQLite files as backups: consistent copies.

Copies go through SQLite's online backup API, so they are consistent even while acumat
is writing, and land in private files (0600) written under a partial name. A file that
SQLite cannot read raises :class:`DamagedDatabase`; the services decide what that means
for the person.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import URL, make_url

from acumat.files import new_private_file, partial_name

SIDE_FILES = ("-wal", "-shm", "-journal")


class DamagedDatabase(Exception):
    """SQLite could not read a file as a database."""


def sqlite_file(database_url: str | URL) -> Path | None:
    """The file of a SQLite database; ``None`` for any other database or one in memory."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


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


def remove_with_side_files(path: Path) -> None:
    """Remove a database file and any journal, WAL or shared-memory file beside it."""
    for suffix in ("", *SIDE_FILES):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
