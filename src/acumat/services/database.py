"""Opening the database an interface should use, migrated and ready."""

from __future__ import annotations

from sqlalchemy import make_url

from acumat.config import Settings
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import ensure_current
from acumat.store.repos import UserRepo

__all__ = ["Database", "local_user_id", "open_database", "upgrade_database"]


def open_database(settings: Settings) -> Database:
    """Connect, and migrate a SQLite database on first use (others need ``db upgrade``)."""
    url = settings.resolved_database_url
    engine = make_engine(url)
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    try:
        ensure_current(engine, auto=is_sqlite)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)


def local_user_id(db: Database) -> int:
    """The id of the single local user, created the first time it is needed."""
    with db.transaction() as session:
        return UserRepo(session).local_user().id


def upgrade_database(settings: Settings) -> str:
    """Apply every pending migration; returns the schema revision now in place."""
    from acumat.store.migrate import HEAD, upgrade

    engine = make_engine(settings.resolved_database_url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return HEAD
