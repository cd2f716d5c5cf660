"""``/api/v1/checkins``: create, list, read, replace and delete a day's check-in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.store.engine import Database
from tests.api.refusals import RowCounts, assert_refused
from tests.safety.kit import complete

URL = "/api/v1/checkins"


def without_safety(body: dict[str, Any]) -> dict[str, Any]:
    """A saved check-in as ``GET`` shows it: the write's answer also carries ``safety``."""
    assert "safety" in body
    return {k: v for k, v in body.items() if k != "safety"}


def checkin(day: str = "2026-03-14", **fields: Any) -> dict[str, Any]:
    return {"day": day, "pain": 4, **fields}


def test_posting_a_checkin_creates_it_with_its_location(client: TestClient) -> None:
    response = client.post(URL, json=checkin(pain=6, sleep_quality=3, note=" stiff "))
    assert response.status_code == 201
    assert response.headers["location"].endswith(f"{URL}/2026-03-14")
    body = response.json()
    assert (body["day"], body["pain"], body["sleep_quality"], body["note"]) == (
        "2026-03-14",
        6,
        3,
        "stiff",
    )
    assert client.get(response.headers["location"]).json() == without_safety(body)


def test_a_second_checkin_for_the_same_day_is_a_conflict_and_keeps_the_first(
    client: TestClient, row_counts: RowCounts
) -> None:
    client.post(URL, json=checkin(pain=4))
    before = row_counts()
    body = assert_refused(client.post(URL, json=checkin(pain=9)), 409)
    assert body["error"] == "conflict"
    assert "already a check-in for" in body["message"]
    assert row_counts() == before
    assert client.get(f"{URL}/2026-03-14").json()["pain"] == 4


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        (checkin(pain=11), "pain"),
        (checkin(pain=-1), "pain"),
        (checkin(pain="lots"), "pain"),
        ({"day": "2026-03-14"}, "pain"),
        (checkin(day="2026-03-16"), "day"),
        (checkin(day="14/03/2026"), "day"),
        (checkin(mood=3), "mood"),
        (checkin(spasm_count=-2), "spasm_count"),
        (checkin(hours_sitting=25), "hours_sitting"),
        (checkin(note="x" * 2001), "note"),
    ],
)
def test_a_refused_checkin_names_its_field_and_writes_nothing(
    client: TestClient, row_counts: RowCounts, payload: dict[str, Any], field: str
) -> None:
    before = row_counts()
    body = assert_refused(client.post(URL, json=payload), 422, field)
    assert body["error"] == "invalid_input"
    assert row_counts() == before


def test_malformed_json_is_refused_and_writes_nothing(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    response = client.post(
        URL, content=b'{"day": "2026-03-14", "pain":', headers={"content-type": "application/json"}
    )
    body = assert_refused(response, 422)
    assert body["problems"] == [
        {"field": "body", "code": "not_json", "message": "is not valid JSON; send one JSON object"}
    ]
    assert row_counts() == before


def test_a_body_that_is_not_an_object_is_refused(client: TestClient, row_counts: RowCounts) -> None:
    before = row_counts()
    assert_refused(client.post(URL, json=[checkin()]), 422)
    assert row_counts() == before


def test_listing_defaults_to_the_last_thirty_days_newest_first(client: TestClient) -> None:
    for day in ("2026-02-13", "2026-02-14", "2026-03-01", "2026-03-15"):
        client.post(URL, json=checkin(day=day))
    response = client.get(URL)
    assert response.status_code == 200
    assert [c["day"] for c in response.json()] == ["2026-03-15", "2026-03-01", "2026-02-14"]


def test_listing_honours_start_and_end(client: TestClient) -> None:
    for day in ("2026-01-10", "2026-02-01", "2026-03-01"):
        client.post(URL, json=checkin(day=day))
    days = [c["day"] for c in client.get(URL, params={"start": "2026-01-01"}).json()]
    assert days == ["2026-03-01", "2026-02-01", "2026-01-10"]
    window = {"start": "2026-01-15", "end": "2026-02-15"}
    assert [c["day"] for c in client.get(URL, params=window).json()] == ["2026-02-01"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"start": "2026-03-10", "end": "2026-03-01"}, "end"),
        ({"start": "March"}, "start"),
        ({"end": "2026-02-30"}, "end"),
    ],
)
def test_a_bad_listing_range_is_refused_naming_it(
    client: TestClient, params: dict[str, str], field: str
) -> None:
    assert_refused(client.get(URL, params=params), 422, field)


def test_reading_a_day_without_a_checkin_is_not_found(client: TestClient) -> None:
    body = assert_refused(client.get(f"{URL}/2026-03-10"), 404)
    assert body["error"] == "not_found"
    assert "2026-03-10" in body["message"]


def test_reading_a_malformed_day_names_the_day(client: TestClient) -> None:
    assert_refused(client.get(f"{URL}/yesterday"), 422, "day")


def test_putting_a_new_day_creates_it(client: TestClient, row_counts: RowCounts) -> None:
    response = client.put(f"{URL}/2026-03-12", json=checkin(day="2026-03-12", pain=3))
    assert response.status_code == 201
    assert response.headers["location"].endswith(f"{URL}/2026-03-12")
    assert row_counts()["checkins"] == 1


def test_putting_an_existing_day_replaces_it(client: TestClient, row_counts: RowCounts) -> None:
    first = client.post(URL, json=checkin(pain=4, stress=7)).json()
    response = client.put(f"{URL}/2026-03-14", json=checkin(pain=2))
    assert response.status_code == 200
    assert "location" not in response.headers
    body = response.json()
    assert (body["id"], body["pain"], body["stress"]) == (first["id"], 2, None)
    assert row_counts()["checkins"] == 1


@pytest.mark.parametrize(
    ("path_day", "payload", "field"),
    [
        ("2026-03-14", checkin(day="2026-03-13"), "day"),
        ("2026-03-14", checkin(pain=11), "pain"),
        ("2026-03-14", checkin(extra=True), "extra"),
        ("2026-03-16", checkin(day="2026-03-16"), "day"),
        ("not-a-day", checkin(), "day"),
    ],
)
def test_a_refused_put_names_its_field_and_changes_nothing(
    client: TestClient,
    row_counts: RowCounts,
    path_day: str,
    payload: dict[str, Any],
    field: str,
) -> None:
    stored = client.post(URL, json=checkin(pain=5)).json()
    before = row_counts()
    assert_refused(client.put(f"{URL}/{path_day}", json=payload), 422, field)
    assert row_counts() == before
    assert client.get(f"{URL}/2026-03-14").json() == without_safety(stored)


def test_deleting_a_checkin_removes_it(client: TestClient, row_counts: RowCounts) -> None:
    client.post(URL, json=checkin())
    response = client.delete(f"{URL}/2026-03-14")
    assert (response.status_code, response.content) == (204, b"")
    assert row_counts()["checkins"] == 0
    assert_refused(client.get(f"{URL}/2026-03-14"), 404)


def test_deleting_a_day_without_a_checkin_is_not_found(
    client: TestClient, row_counts: RowCounts
) -> None:
    client.post(URL, json=checkin(day="2026-03-13"))
    assert_refused(client.delete(f"{URL}/2026-03-14"), 404)
    assert row_counts()["checkins"] == 1


def test_another_persons_checkin_is_invisible_and_untouchable(
    client: TestClient, db: Database, stranger: Actor
) -> None:
    theirs = diary.add_checkin(db, stranger, checkin(pain=8))
    assert client.get(URL).json() == []
    assert_refused(client.get(f"{URL}/2026-03-14"), 404)
    assert_refused(client.delete(f"{URL}/2026-03-14"), 404)
    mine = client.put(f"{URL}/2026-03-14", json=checkin(pain=1))
    assert mine.status_code == 201
    assert mine.json()["id"] != theirs.id
    assert diary.get_checkin(db, stranger, date(2026, 3, 14)) == theirs


def test_a_checkin_re_asks_the_warning_signs_like_the_page_and_the_terminal(
    client: TestClient,
) -> None:
    calm = client.post(URL, json={**checkin(pain=3), "red_flags": {"saddle_numbness": "no"}})
    assert calm.status_code == 201
    assert calm.json()["safety"] is None  # nothing urgent is known yet
    urgent = client.put(
        f"{URL}/2026-03-14",
        json={**checkin(pain=5), "red_flags": {"saddle_numbness": "yes"}},
    )
    assert urgent.status_code == 200
    assert urgent.json()["safety"]["urgency"] == "EMERGENCY"
    assert client.get("/api/v1/screenings/latest").json()["urgency"] == "EMERGENCY"


def test_a_refused_checkin_is_not_written_but_its_urgent_sign_is_saved_and_shown(
    client: TestClient, row_counts: RowCounts
) -> None:
    client.post(URL, json=checkin(pain=4))
    before = row_counts()
    again = client.post(URL, json={**checkin(pain=6), "red_flags": {"saddle_numbness": "yes"}})
    body = assert_refused(again, 409)
    assert body["error"] == "conflict"
    assert body["safety"]["urgency"] == "EMERGENCY"
    assert row_counts() == before
    assert client.get(f"{URL}/2026-03-14").json()["pain"] == 4
    latest = client.get("/api/v1/screenings/latest").json()
    assert (latest["urgency"], latest["origin"]) == ("EMERGENCY", "checkin")
    assert latest["id"] == body["safety"]["id"]
    assert client.get("/api/v1/mat-status").json()["may_use_mat"] is False


def test_a_refused_checkin_with_calm_signs_writes_nothing(
    client: TestClient, db: Database, actor: Actor, row_counts: RowCounts
) -> None:
    screening.record_screening(db, actor, complete({}))
    client.post(URL, json={**checkin(pain=4), "red_flags": {}})
    before = (row_counts(), client.get("/api/v1/screenings/latest").json())
    again = client.post(URL, json={**checkin(pain=6), "red_flags": {"fever": "no"}})
    assert_refused(again, 409)
    assert (row_counts(), client.get("/api/v1/screenings/latest").json()) == before


def test_a_checkin_without_signs_skips_the_recheck(client: TestClient) -> None:
    saved = client.post(URL, json=checkin(pain=2))
    assert saved.status_code == 201
    assert saved.json()["safety"] is None


def test_an_unknown_warning_sign_is_refused_by_name(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    body = assert_refused(
        client.post(URL, json={**checkin(pain=2), "red_flags": {"age": "yes"}}), 422
    )
    assert body["problems"][0]["field"] == "age"
    assert row_counts() == before
