"""A write that finds SQLite locked by a long import gets 503 "busy, try again", never a 500."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest
from fastapi.testclient import TestClient

from acumat.store import engine
from tests.api.refusals import RowCounts


@pytest.fixture
def quick_to_give_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)


@pytest.mark.usefixtures("quick_to_give_up")
def test_a_write_during_a_long_import_is_told_to_try_again(
    client: TestClient, database_url: str, row_counts: RowCounts
) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("only SQLite locks the whole database for a writer")
    before = row_counts()
    path = database_url.removeprefix("sqlite:///")
    with closing(sqlite3.connect(path, isolation_level=None)) as importer:
        importer.execute("BEGIN IMMEDIATE")  # what a long import holds until it commits
        answer = client.post(
            "/api/v1/care",
            json={"started_at": "2026-03-15T08:00:00Z", "kind": "heat", "minutes": 15},
        )
        importer.execute("ROLLBACK")
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "2"
    body = answer.json()
    assert body["error"] == "busy"
    assert "try again" in body["message"]
    assert row_counts() == before
    retried = client.post(
        "/api/v1/care", json={"started_at": "2026-03-15T08:00:00Z", "kind": "heat", "minutes": 15}
    )
    assert retried.status_code == 201
