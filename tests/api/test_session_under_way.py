"""``/api/v1/session-under-way``: the browser's guided session as JSON, the same service."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import screening
from acumat.store.engine import Database
from tests.safety.kit import complete

URL = "/api/v1/session-under-way"


def test_nothing_is_under_way_at_first(client: TestClient) -> None:
    assert client.get(URL).status_code == 404


def test_no_session_starts_without_a_plan(client: TestClient) -> None:
    refused = client.post(URL, json={"pain_before": 4})
    assert refused.status_code == 409
    assert "safety questions" in refused.json()["message"]


def test_start_read_and_end(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    screening.record_screening(db, actor, complete({}))
    started = client.post(URL, json={"pain_before": 5})
    assert started.status_code == 201
    assert started.json()["seconds_left"] == 300
    assert client.post(URL, json={"pain_before": 5}).status_code == 409
    import acumat.clock as clock

    later = clock.utcnow() + timedelta(minutes=5)
    monkeypatch.setattr(clock, "utcnow", lambda: later)
    assert client.get(URL).json()["seconds_left"] == 0
    ended = client.post(f"{URL}/end", json={"ended": "finished", "pain_after": 3})
    assert ended.status_code == 200
    assert (ended.json()["actual_minutes"], ended.json()["pain_after"]) == (5, 3)
    assert client.get(URL).status_code == 404
    assert client.post(f"{URL}/end", json={"ended": "finished"}).status_code == 404


def test_a_bad_start_is_refused_with_its_field(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    refused = client.post(URL, json={"pain_before": 11})
    assert refused.status_code == 422
    assert refused.json()["problems"][0]["field"] == "pain_before"
    assert client.get(URL).status_code == 404
