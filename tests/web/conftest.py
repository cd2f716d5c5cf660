"""Page fixtures: the real app over a migrated database (SQLite and PostgreSQL), clock frozen.

The client is used as a context manager so the lifespan opens the database and acts as the
local user, as ``acumat serve`` does. Redirects are not followed, so tests see the 303.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from acumat.config import load_settings
from acumat.diary.schemas import INPUT_SCHEMAS, EntryKind
from acumat.diary.validation import parse
from acumat.errors import InvalidInput
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS
from acumat.web.app import create_app

RowCount = Callable[[], int]


@pytest.fixture
def client(
    db: Database, user_id: int, database_url: str, frozen_clock: datetime, home: Path
) -> Iterator[TestClient]:
    """The app over ``db`` (already migrated), acting as the local user ``user_id``."""
    with TestClient(create_app(load_settings(database_url)), follow_redirects=False) as client:
        assert client.app.state.local_user_id == user_id  # type: ignore[attr-defined]
        yield client


@pytest.fixture
def row_count(db: Database) -> RowCount:
    """Counts every diary row of every kind, to prove a refused form wrote nothing."""

    def count() -> int:
        with db.transaction() as session:
            return sum(
                session.scalar(select(func.count()).select_from(model)) or 0
                for model in ENTRY_MODELS.values()
            )

    return count


def service_message(kind: EntryKind, raw: Mapping[str, object], field: str) -> str:
    """What the service says about ``field`` for ``raw``: pages must show exactly this."""
    try:
        parse(INPUT_SCHEMAS[kind], dict(raw))
    except InvalidInput as exc:
        return "; ".join(p.message for p in exc.problems if p.field == field)
    raise AssertionError(f"the service accepted {raw!r}")
