"""Request dependencies: the database and the user every handler acts for."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from acumat.services.database import Database


def get_db(request: Request) -> Database:
    db = request.app.state.db
    assert isinstance(db, Database)
    return db


def get_user_id(request: Request) -> int:
    """The acting user: the local user until server mode adds accounts."""
    user_id = request.app.state.local_user_id
    assert isinstance(user_id, int)
    return user_id


DbDep = Annotated[Database, Depends(get_db)]
UserDep = Annotated[int, Depends(get_user_id)]
