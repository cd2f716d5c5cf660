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

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.diary.schemas import INPUT_SCHEMAS, EntryKind
from acumat.errors import InvalidInput
from acumat.http.app import create_app
from acumat.present.messages import for_person
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS
from acumat.validation import parse
from acumat.web.forms import form_field
from tests.conftest import UTC_TIME
from tests.http.clients import browser

RowCount = Callable[[], int]


@pytest.fixture
def client(
    db: Database, actor: Actor, database_url: str, frozen_clock: datetime, home: Path
) -> Iterator[TestClient]:
    """The app over ``db`` (already migrated), acting as the local user ``actor``."""
    app = create_app(load_settings(database_url))
    with browser(app, follow_redirects=False) as client:
        assert client.app.state.local_user_id == actor.user_id  # type: ignore[attr-defined]
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
    """What the service refuses about ``field`` for ``raw``, worded for the field on screen:
    pages must show exactly this."""
    try:
        parse(INPUT_SCHEMAS[kind], dict(raw), UTC_TIME)
    except InvalidInput as exc:
        info = form_field(kind, field)
        worded = [for_person(p, info) for p in exc.problems if p.field == field]
        return "; ".join(text[:1].upper() + text[1:] for text in worded)
    raise AssertionError(f"the service accepted {raw!r}")
