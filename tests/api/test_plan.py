"""``/api/v1/plan``: the same plan as ``acumat plan --json``, and recording healed skin."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.services import plan as plan_service
from acumat.store.engine import Database
from tests.safety.kit import complete


def test_the_plan_is_the_services_plan(client: TestClient, db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    body = client.get("/api/v1/plan").json()
    assert body == plan_service.current_plan(db, actor).contract() | {"sessions": body["sessions"]}
    assert body["sessions"] == plan_service.current_plan(db, actor).contract()["sessions"]
    first = body["sessions"][0]
    assert first == {
        "date": "2026-03-15",
        "minutes": 5,
        "fabric_layer": True,
        "reason": first["reason"],
    }


def test_without_a_safety_result_the_plan_says_why_and_plans_nothing(client: TestClient) -> None:
    body = client.get("/api/v1/plan").json()
    assert body["sessions"] == []
    assert body["verdict"] is None
    assert "safety questions" in body["status"]


def test_healed_skin_restarts_a_paused_plan(client: TestClient, db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    start = datetime(2026, 3, 13, 9, 0, tzinfo=actor.zone)
    raw = {"started_at": start, "actual_minutes": 10, "skin_reaction": "blisters"}
    diary.add_entry(db, actor, "session", raw)
    assert client.get("/api/v1/plan").json()["sessions"] == []
    future = client.post("/api/v1/plan/skin-healed", json={"day": "2026-03-16"})
    assert future.status_code == 422
    assert future.json()["problems"][0]["code"] == "future_day"
    healed = client.post("/api/v1/plan/skin-healed", json={"day": "2026-03-15"})
    assert healed.status_code == 200
    assert healed.json()["sessions"][0]["minutes"] == 5


@pytest.mark.parametrize("body", [{"day": 20260315}, {"day": "soon"}, {"when": "today"}])
def test_a_bad_healed_day_is_refused(client: TestClient, body: dict[str, object]) -> None:
    answer = client.post("/api/v1/plan/skin-healed", json=body)
    assert answer.status_code == 422
    assert json.dumps(answer.json()).count("Traceback") == 0
