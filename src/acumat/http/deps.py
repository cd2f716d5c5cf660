"""Request dependencies: the database, and the person every handler acts for.

The actor is resolved once per request (with their stored time zone and region) and passed
down to the services; nothing below reads "the local user" on its own.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from acumat.actor import Actor
from acumat.services.database import Database, actor_for


def get_db(request: Request) -> Database:
    db = request.app.state.db
    assert isinstance(db, Database)
    return db


def get_actor(request: Request) -> Actor:
    """The acting person: the local person until server mode adds accounts."""
    cached = getattr(request.state, "actor", None)
    if isinstance(cached, Actor):
        return cached
    actor = actor_for(get_db(request), request.app.state.local_user_id)
    request.state.actor = actor
    return actor


DbDep = Annotated[Database, Depends(get_db)]
ActorDep = Annotated[Actor, Depends(get_actor)]
