"""Per-invocation state: the database is opened only by commands that need it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.config import Settings
    from acumat.services.database import Database


@dataclass
class CliState:
    database_url: str | None = None
    _db: Database | None = field(default=None, repr=False)
    _actor: Actor | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        from acumat.config import load_settings

        return load_settings(self.database_url)

    def database(self) -> Database:
        if self._db is None:
            from acumat.services.database import open_database

            self._db = open_database(self.settings())
        return self._db

    def actor(self) -> Actor:
        """The person this command acts for (the local person), resolved once."""
        if self._actor is None:
            from acumat.services.database import local_actor

            self._actor = local_actor(self.database())
        return self._actor


def state(ctx: typer.Context) -> CliState:
    """The state the root callback put on the context."""
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj


def open_diary(ctx: typer.Context, *, urgent_first: bool = True) -> tuple[Database, Actor]:
    """The database and the acting person, with the connections closed when the command ends.

    Every command that logs or shows data opens it here, so an active urgent result is
    printed first (on stderr), as every web page shows it first.
    """
    cli = state(ctx)
    db = cli.database()
    ctx.call_on_close(db.dispose)
    actor = cli.actor()
    if urgent_first:
        show_urgent_first(db, actor)
    return db, actor


def show_urgent_first(db: Database, actor: Actor) -> None:
    """Print the actor's active EMERGENCY or URGENT_SAME_DAY result briefly on stderr."""
    from acumat.services.screening import urgent_now

    urgent = urgent_now(db, actor)
    if urgent is not None:
        from acumat.cli.safety_text import print_urgent_first

        print_urgent_first(urgent, actor.zone, actor.region)
