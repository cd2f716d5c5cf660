"""Opening the database an interface should use, migrated and ready, and who acts on it."""

from __future__ import annotations

import os

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, InterfaceError, OperationalError

from acumat.actor import Actor
from acumat.clock import machine_zone_name
from acumat.config import Settings
from acumat.errors import DatabaseUnavailable
from acumat.region_guess import guess_region
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import ensure_current
from acumat.store.models import User
from acumat.store.repos import UserRepo

__all__ = ["Database", "actor_for", "local_actor", "open_database", "upgrade_database"]


def open_database(settings: Settings) -> Database:
    """Connect, and migrate a SQLite database on first use (others need ``db upgrade``).

    A database that cannot be reached or read is a :class:`DatabaseUnavailable` naming
    what went wrong in words, never the driver's message (which may quote stored data).
    """
    url = settings.resolved_database_url
    try:
        engine = make_engine(url)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseUnavailable.bad_url() from exc
    except OSError as exc:
        raise DatabaseUnavailable.cannot_create(settings.home) from exc
    is_sqlite = make_url(url).get_backend_name() == "sqlite"
    try:
        ensure_current(engine, auto=is_sqlite)
    except (OperationalError, InterfaceError, DatabaseError) as exc:
        engine.dispose()
        raise DatabaseUnavailable.explain(exc, is_sqlite=is_sqlite, where=_where(engine)) from None
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)


def _where(engine: object) -> str:
    url = getattr(engine, "url", None)
    if url is None:
        return "the database"
    rendered: str = url.render_as_string(hide_password=True)
    return rendered


def local_actor(db: Database) -> Actor:
    """The single local person, created in this computer's time zone the first time, in the
    region its locale suggests (see :mod:`acumat.region_guess`)."""
    zone_name = machine_zone_name()
    region = guess_region(os.environ, zone_name)
    with db.transaction() as session:
        return actor_of(UserRepo(session).local_user(zone_name, region))


def actor_for(db: Database, user_id: int) -> Actor:
    """The person ``user_id`` with their stored zone and region."""
    with db.transaction() as session:
        return actor_of(UserRepo(session).get(user_id))


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, timezone=user.timezone, region=user.region)


def upgrade_database(settings: Settings) -> str:
    """Apply every pending migration; returns the schema revision now in place."""
    from acumat.store.migrate import HEAD, upgrade

    engine = make_engine(settings.resolved_database_url)
    try:
        upgrade(engine)
    except (OperationalError, InterfaceError, DatabaseError) as exc:
        raise DatabaseUnavailable.explain(exc, is_sqlite=False, where=_where(engine)) from None
    finally:
        engine.dispose()
    return HEAD
