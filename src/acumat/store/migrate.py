"""Applying Alembic migrations from code, and checking a database is up to date.

The check is one cheap query, so every command can afford it; Alembic itself is only
imported when there is work to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from acumat.errors import DatabaseNotReady

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
)  # oldest first; a test checks them against Alembic
HEAD = REVISIONS[-1]


def _config(engine: Engine) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    command.downgrade(_config(engine), revision)


def ensure_current(engine: Engine, *, auto: bool) -> None:
    """Bring the schema to HEAD when ``auto``, else refuse to run on an old schema."""
    if current_revision(engine) == HEAD:
        return
    if not auto:
        raise DatabaseNotReady(
            f"the database at {engine.url.render_as_string(hide_password=True)} is not at "
            f"schema {HEAD}; run `acumat db upgrade` first"
        )
    upgrade(engine)
