"""``/api/v1/diary`` and ``/api/v1/pain-trend``: recent entries and the pain chart's points."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.refusals import assert_refused


def log_checkins(client: TestClient, pains: dict[str, int]) -> None:
    for day, pain in pains.items():
        response = client.post("/api/v1/checkins", json={"day": day, "pain": pain})
        assert response.status_code == 201


def test_the_diary_holds_every_kind_within_the_days_asked(client: TestClient) -> None:
    log_checkins(client, {"2026-03-08": 5, "2026-03-09": 6, "2026-03-15": 3})
    client.post(
        "/api/v1/episodes", json={"started_at": "2026-03-10T07:00:00Z", "peak_intensity": 8}
    )
    client.post(
        "/api/v1/sessions", json={"started_at": "2026-03-11T20:00:00Z", "actual_minutes": 8}
    )
    client.post(
        "/api/v1/care", json={"started_at": "2026-03-12T18:00:00Z", "kind": "cold", "minutes": 15}
    )
    response = client.get("/api/v1/diary", params={"days": 7})
    assert response.status_code == 200
    page: dict[str, Any] = response.json()
    assert (page["start"], page["end"]) == ("2026-03-09", "2026-03-15")
    assert [c["day"] for c in page["checkins"]] == ["2026-03-15", "2026-03-09"]
    assert [e["peak_intensity"] for e in page["episodes"]] == [8]
    assert [s["actual_minutes"] for s in page["sessions"]] == [8]
    assert [c["kind"] for c in page["care"]] == ["cold"]


def test_the_diary_covers_thirty_days_by_default(client: TestClient) -> None:
    log_checkins(client, {"2026-02-13": 5, "2026-02-14": 4})
    page = client.get("/api/v1/diary").json()
    assert (page["start"], page["end"]) == ("2026-02-14", "2026-03-15")
    assert [c["day"] for c in page["checkins"]] == ["2026-02-14"]


@pytest.mark.parametrize("days", ["0", "-3", "3661", "week"])
@pytest.mark.parametrize("url", ["/api/v1/diary", "/api/v1/pain-trend"])
def test_an_impossible_number_of_days_is_refused_naming_days(
    client: TestClient, url: str, days: str
) -> None:
    body = assert_refused(client.get(url, params={"days": days}), 422, "days")
    assert body["error"] == "invalid_input"


def test_the_pain_trend_lists_day_and_pain_oldest_first(client: TestClient) -> None:
    log_checkins(client, {"2026-03-14": 2, "2026-02-01": 9, "2026-03-01": 6, "2026-02-14": 7})
    response = client.get("/api/v1/pain-trend")
    assert response.status_code == 200
    assert response.json() == [
        {"day": "2026-02-14", "pain": 7},
        {"day": "2026-03-01", "pain": 6},
        {"day": "2026-03-14", "pain": 2},
    ]
    longer = client.get("/api/v1/pain-trend", params={"days": 90}).json()
    assert [p["day"] for p in longer] == ["2026-02-01", "2026-02-14", "2026-03-01", "2026-03-14"]


def test_an_empty_diary_has_an_empty_trend(client: TestClient) -> None:
    assert client.get("/api/v1/pain-trend").json() == []
