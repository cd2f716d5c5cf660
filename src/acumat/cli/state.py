"""Per-invocation state: the database is opened only by commands that need it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from acumat.config import Settings
    from acumat.services.database import Database


@dataclass
class CliState:
    database_url: str | None = None
    _db: Database | None = field(default=None, repr=False)

    def settings(self) -> Settings:
        from acumat.config import load_settings

        return load_settings(self.database_url)

    def database(self) -> Database:
        if self._db is None:
            from acumat.services.database import open_database

            self._db = open_database(self.settings())
        return self._db

    def user_id(self) -> int:
        from acumat.services.database import local_user_id

        return local_user_id(self.database())


def state(ctx: typer.Context) -> CliState:
    """The state the root callback put on the context."""
    obj = ctx.find_root().obj
    assert isinstance(obj, CliState)
    return obj
