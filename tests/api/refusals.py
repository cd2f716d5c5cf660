"""Proving a refusal: the shared error body naming the field, and not one row written."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx2 as httpx
from sqlalchemy import func, select

from acumat.kinds import ENTRY_KINDS, LIST_NAMES
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS

TABLES = {LIST_NAMES[kind]: ENTRY_MODELS[kind] for kind in ENTRY_KINDS}
RowCounts = Callable[[], dict[str, int]]


def count_rows(db: Database) -> dict[str, int]:
    """Diary rows of every user, per table."""
    with db.transaction() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in TABLES.items()
        }


def assert_refused(response: httpx.Response, status: int, field: str | None = None) -> Any:
    """``response`` is the API's error body with ``status``, naming ``field`` when given."""
    assert response.status_code == status, response.text
    body = response.json()
    assert (
        {"error", "message", "problems"} <= set(body) <= {"error", "message", "problems", "safety"}
    )
    assert body["message"]
    if field is not None:
        assert field in [p["field"] for p in body["problems"]], body
    return body
