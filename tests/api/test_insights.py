"""``GET /api/v1/insights``: the same data as ``acumat insights --json``."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_insights_are_the_trend_and_the_findings(client: TestClient) -> None:
    client.put("/api/v1/checkins/2026-03-14", json={"day": "2026-03-14", "pain": 5})
    found = client.get("/api/v1/insights", params={"days": 30}).json()
    assert set(found) == {"start", "end", "trend", "findings"}
    assert found["trend"] == [{"day": "2026-03-14", "pain": 5, "smoothed": 5.0}]
    assert all(f["value"] is None for f in found["findings"])


def test_a_range_outside_the_limits_is_a_422(client: TestClient) -> None:
    assert client.get("/api/v1/insights", params={"days": 0}).status_code == 422
