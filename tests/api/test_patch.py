"""``PATCH`` on check-ins and entries: JSON merge patch, only the fields given change."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.kinds import LIST_NAMES
from acumat.services import diary
from acumat.store.engine import Database
from tests.api.refusals import RowCounts, assert_refused

CHECKINS = "/api/v1/checkins"
DAY = "2026-03-14"
STARTED = "2026-03-14T08:00:00Z"
ENTRIES = {
    "episodes": ({"started_at": STARTED, "peak_intensity": 7, "note": "desk"}, "peak_intensity", 4),
    "sessions": ({"started_at": STARTED, "actual_minutes": 10, "note": "desk"}, "pain_after", 3),
    "care": ({"started_at": STARTED, "kind": "heat", "minutes": 20, "note": "desk"}, "minutes", 15),
}
MEDIA_TYPES = ["application/merge-patch+json", "application/json"]


def patch(client: TestClient, url: str, body: Any, media_type: str) -> httpx2.Response:
    return client.patch(url, content=json.dumps(body), headers={"Content-Type": media_type})


@pytest.fixture
def stored_checkin(client: TestClient) -> dict[str, Any]:
    body = {"day": DAY, "pain": 4, "sleep_quality": 3, "stress": 6, "note": "stiff"}
    response = client.post(CHECKINS, json=body)
    assert response.status_code == 201
    saved: dict[str, Any] = response.json()
    saved.pop("safety")
    return saved


@pytest.mark.parametrize("media_type", MEDIA_TYPES)
def test_patching_a_checkin_changes_only_the_fields_sent(
    client: TestClient, stored_checkin: dict[str, Any], media_type: str
) -> None:
    response = patch(client, f"{CHECKINS}/{DAY}", {"sleep_quality": 7}, media_type)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["sleep_quality"] == 7
    changed = {"sleep_quality", "updated_at"}
    assert {k: v for k, v in body.items() if k not in changed} == {
        k: v for k, v in stored_checkin.items() if k not in changed
    }
    assert client.get(f"{CHECKINS}/{DAY}").json() == body


def test_null_clears_an_optional_checkin_field(
    client: TestClient, stored_checkin: dict[str, Any]
) -> None:
    body = patch(client, f"{CHECKINS}/{DAY}", {"stress": None, "note": None}, MEDIA_TYPES[0])
    assert (body.json()["stress"], body.json()["note"], body.json()["pain"]) == (None, "", 4)


def test_a_checkin_patch_never_re_asks_the_warning_signs(
    client: TestClient, stored_checkin: dict[str, Any], row_counts: RowCounts
) -> None:
    before = row_counts()
    response = patch(client, f"{CHECKINS}/{DAY}", {"pain": 6}, MEDIA_TYPES[0])
    assert response.status_code == 200
    assert "safety" not in response.json()
    signs = {"red_flags": {"saddle_numbness": "yes"}}
    assert_refused(patch(client, f"{CHECKINS}/{DAY}", signs, MEDIA_TYPES[0]), 422, "red_flags")
    assert client.get("/api/v1/screenings/latest").status_code == 404
    assert row_counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"pain": None}, "pain"),
        ({"pain": 11}, "pain"),
        ({"pain": True}, "pain"),
        ({"mood": 3}, "mood"),
        ({"uuid": "2f1c9a4e-7b3d-4e8a-9c21-5d6f7a8b9c0d"}, "uuid"),
        ({"day": "2026-03-16"}, "day"),
        ({}, None),
    ],
)
def test_a_refused_checkin_patch_names_its_field_and_changes_nothing(
    client: TestClient,
    stored_checkin: dict[str, Any],
    row_counts: RowCounts,
    body: dict[str, Any],
    field: str | None,
) -> None:
    before = row_counts()
    assert_refused(patch(client, f"{CHECKINS}/{DAY}", body, MEDIA_TYPES[0]), 422, field)
    assert row_counts() == before
    assert client.get(f"{CHECKINS}/{DAY}").json() == stored_checkin


def test_an_empty_patch_says_there_is_nothing_to_change(
    client: TestClient, stored_checkin: dict[str, Any]
) -> None:
    refused = assert_refused(patch(client, f"{CHECKINS}/{DAY}", {}, MEDIA_TYPES[0]), 422)
    assert "nothing to change" in refused["message"]


def test_moving_a_checkin_onto_a_taken_day_is_a_conflict(
    client: TestClient, stored_checkin: dict[str, Any], row_counts: RowCounts
) -> None:
    client.post(CHECKINS, json={"day": "2026-03-13", "pain": 2})
    before = row_counts()
    body = assert_refused(
        patch(client, f"{CHECKINS}/{DAY}", {"day": "2026-03-13"}, "application/json"), 409
    )
    assert body["error"] == "conflict"
    assert "change that one instead" in body["message"]
    assert row_counts() == before
    moved = patch(client, f"{CHECKINS}/{DAY}", {"day": "2026-03-12"}, "application/json")
    assert moved.status_code == 200
    assert client.get(f"{CHECKINS}/2026-03-12").json()["pain"] == 4
    assert_refused(client.get(f"{CHECKINS}/{DAY}"), 404)


def test_patching_a_day_without_a_checkin_is_not_found(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    assert_refused(patch(client, f"{CHECKINS}/{DAY}", {"pain": 2}, MEDIA_TYPES[0]), 404)
    assert row_counts() == before


def test_another_persons_checkin_cannot_be_patched(
    client: TestClient, db: Database, stranger: Actor
) -> None:
    theirs = diary.add_checkin(db, stranger, {"day": DAY, "pain": 8})
    missing = assert_refused(
        patch(client, f"{CHECKINS}/2026-03-13", {"pain": 1}, "application/json"), 404
    )
    found = assert_refused(patch(client, f"{CHECKINS}/{DAY}", {"pain": 1}, "application/json"), 404)
    assert found["message"] == missing["message"].replace("2026-03-13", DAY)
    assert diary.get_checkin(db, stranger, date(2026, 3, 14)) == theirs


@pytest.mark.parametrize("room", ENTRIES)
@pytest.mark.parametrize("media_type", MEDIA_TYPES)
def test_patching_an_entry_changes_only_the_fields_sent(
    client: TestClient, room: str, media_type: str
) -> None:
    valid, field, value = ENTRIES[room]
    created = client.post(f"/api/v1/{room}", json=valid).json()
    response = patch(client, f"/api/v1/{room}/{created['id']}", {field: value}, media_type)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body[field] == value
    assert {k: v for k, v in body.items() if k not in {field, "updated_at"}} == {
        k: v for k, v in created.items() if k not in {field, "updated_at"}
    }
    cleared = patch(client, f"/api/v1/{room}/{created['id']}", {"note": None}, media_type)
    assert cleared.json()["note"] == ""


def test_ending_an_ongoing_episode_by_patch_keeps_the_rest(client: TestClient) -> None:
    created = client.post(
        "/api/v1/episodes", json={**ENTRIES["episodes"][0], "triggers": ["stress"]}
    ).json()
    url = f"/api/v1/episodes/{created['id']}"
    assert_refused(
        patch(client, url, {"ended_at": "2026-03-14T07:00:00Z"}, MEDIA_TYPES[0]), 422, "ended_at"
    )
    ended = patch(client, url, {"ended_at": "2026-03-14T09:15:00Z"}, MEDIA_TYPES[0]).json()
    assert ended["ended_at"].startswith("2026-03-14T09:15:00")
    assert (ended["triggers"], ended["peak_intensity"]) == (["stress"], 7)


def test_a_session_patch_keeps_the_stop_reason_rule(
    client: TestClient, row_counts: RowCounts
) -> None:
    created = client.post("/api/v1/sessions", json=ENTRIES["sessions"][0]).json()
    url = f"/api/v1/sessions/{created['id']}"
    before = row_counts()
    assert_refused(patch(client, url, {"stopped_early": True}, MEDIA_TYPES[0]), 422, "stop_reason")
    stopped = patch(
        client, url, {"stopped_early": True, "stop_reason": "interrupted"}, MEDIA_TYPES[0]
    )
    assert stopped.json()["stop_reason"] == "interrupted"
    assert row_counts() == before


@pytest.mark.parametrize("room", ENTRIES)
def test_an_unknown_or_strangers_entry_cannot_be_patched(
    client: TestClient, db: Database, stranger: Actor, room: str, row_counts: RowCounts
) -> None:
    valid, field, value = ENTRIES[room]
    (kind,) = [k for k, name in LIST_NAMES.items() if name == room]
    theirs = diary.add_entry(db, stranger, kind, valid)
    before = row_counts()
    found = assert_refused(
        patch(client, f"/api/v1/{room}/{theirs.id}", {field: value}, MEDIA_TYPES[0]), 404
    )
    missing = assert_refused(
        patch(client, f"/api/v1/{room}/{2**40}", {field: value}, MEDIA_TYPES[0]), 404
    )
    assert found["message"] == missing["message"].replace(str(2**40), str(theirs.id))
    assert row_counts() == before
    assert diary.get_entry(db, stranger, kind, theirs.id) == theirs


@pytest.mark.parametrize("path", [f"{CHECKINS}/{{day}}", "/api/v1/episodes/{entry_id}"])
def test_patch_is_documented_with_both_media_types_and_an_all_optional_body(
    client: TestClient, path: str
) -> None:
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"][path]["patch"]
    content = operation["requestBody"]["content"]
    assert set(content) == set(MEDIA_TYPES)
    name = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    schema = document["components"]["schemas"][name]
    assert "required" not in schema
    assert schema["minProperties"] == 1
    assert schema["additionalProperties"] is False
    assert {"200", "404", "422"} <= set(operation["responses"])
