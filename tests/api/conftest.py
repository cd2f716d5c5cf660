"""API fixtures: a TestClient over a real, migrated database on SQLite and PostgreSQL.

The client is a context manager so the app's lifespan opens the database and acts as the
local user, exactly as ``acumat serve`` does. The clock is frozen at 2026-03-15 12:00 UTC.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.store.engine import Database
from acumat.store.models import User
from tests.api.refusals import RowCounts, count_rows
from tests.http.clients import browser


@pytest.fixture
def client(
    db: Database, actor: Actor, database_url: str, frozen_clock: datetime, home: Path
) -> Iterator[TestClient]:
    """The app over ``db``, acting as the local user ``actor``."""
    with browser(create_app(load_settings(database_url))) as test_client:
        assert test_client.app.state.local_user_id == actor.user_id  # type: ignore[attr-defined]
        yield test_client


@pytest.fixture
def row_counts(db: Database) -> RowCounts:
    """A function counting every diary row of every user, to prove a refusal wrote nothing."""
    return lambda: count_rows(db)


@pytest.fixture
def stranger(db: Database, frozen_clock: datetime) -> Actor:
    """A second person in the same database, whose entries the local user must never reach."""
    with db.transaction() as session:
        user = User(email="stranger@example.org", created_at=frozen_clock)
        session.add(user)
        session.flush()
        return Actor(user.id)
