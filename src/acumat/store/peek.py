"""One setting read straight from the default SQLite file, without SQLAlchemy.

``acumat ask`` must answer within 0.3 s of being typed, and importing SQLAlchemy alone takes
longer than that budget allows; yet an answer that names a service or a number must use the
person's own region. So the local person's region is read here with the standard library,
read-only, from the file acumat uses when no database URL is set. This is the only read
outside the repositories, it writes nothing, and whenever it cannot answer (no file yet, an
older schema, another database chosen) the caller opens the diary the usual way.
``tests/store/test_peek.py`` holds it to what the repositories say.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

DATABASE_FILE = "acumat.db"
"""The SQLite file's name in ACUMAT_HOME (``Settings.resolved_database_url``)."""


def platform_home() -> Path:
    """The platform's per-user data folder (e.g. ``~/.local/share/acumat``)."""
    from platformdirs import user_data_path

    return user_data_path("acumat", appauthor=False)


def data_home() -> Path:
    """Where the settings put the SQLite file: ``ACUMAT_HOME``, else :func:`platform_home`."""
    chosen = os.environ.get("ACUMAT_HOME")
    return Path(chosen) if chosen else platform_home()


def local_region(database_url: str | None = None) -> str | None:
    """The local person's region from the default SQLite file; ``None`` when another
    database is chosen (``--db`` or ``ACUMAT_DATABASE_URL``) or the file cannot say."""
    if database_url or os.environ.get("ACUMAT_DATABASE_URL"):
        return None
    path = data_home() / DATABASE_FILE
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)) as conn:
            row = conn.execute(
                "SELECT region FROM users WHERE is_local = 1 ORDER BY id LIMIT 1"
            ).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row and row[0] else None
