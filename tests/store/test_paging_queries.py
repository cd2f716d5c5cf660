"""Page queries read one page through the per-user indexes, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from acumat.store.engine import Database
from acumat.store.models import CareActivity, Episode, MatSession
from acumat.store.repos import DiaryRepo

Query = tuple[str, Any]
START, END = date(2026, 1, 1), date(2026, 3, 15)
AT = datetime(2026, 3, 1, 12, tzinfo=UTC)


@contextmanager
def captured(db: Database) -> Iterator[list[Query]]:
    """Every SELECT sent to the database inside the block, with its parameters."""
    seen: list[Query] = []

    def record(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def plan(db: Database, query: Query) -> str:
    """The database's plan for ``query``, with sequential scans priced out on PostgreSQL
    (its tables are empty here, where a scan would be cheapest)."""
    statement, params = query
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params).all()
            return "\n".join(str(row[-1]) for row in rows)
        conn.exec_driver_sql("SET enable_seqscan = off")
        rows = conn.exec_driver_sql(f"EXPLAIN {statement}", params).all()
        return "\n".join(str(row[0]) for row in rows)


def only_query(db: Database, read: Callable[[DiaryRepo], object]) -> Query:
    with captured(db) as seen, Session(db.engine) as session:
        read(DiaryRepo(session, 1))
    assert len(seen) == 1
    return seen[0]


@pytest.mark.parametrize("model", [Episode, MatSession, CareActivity])
@pytest.mark.parametrize("before", [None, (AT, 7), (AT, None)])
def test_a_page_of_timed_entries_is_one_index_range_read(
    db: Database, model: type[Episode | MatSession | CareActivity], before: Any
) -> None:
    query = only_query(
        db, lambda repo: repo.timed_page(model, START, END, UTC, before=before, limit=101)
    )
    assert "LIMIT" in query[0].upper()
    shown = plan(db, query)
    assert f"ix_{model.__tablename__}_user_started_at" in shown, shown
    if db.engine.dialect.name == "sqlite":
        assert "TEMP B-TREE" not in shown, shown  # the index gives the order: no sort


@pytest.mark.parametrize("before", [None, date(2026, 3, 1)])
def test_a_page_of_checkins_is_one_index_range_read(db: Database, before: date | None) -> None:
    query = only_query(db, lambda repo: repo.checkins_page(START, END, before=before, limit=101))
    shown = plan(db, query)
    if db.engine.dialect.name == "sqlite":  # SQLite names a unique constraint's index itself
        assert "USING INDEX sqlite_autoindex_checkins_1 (user_id=? AND day" in shown, shown
        assert "TEMP B-TREE" not in shown, shown
    else:
        assert "uq_checkins_user_day" in shown, shown
