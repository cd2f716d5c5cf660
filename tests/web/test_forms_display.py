"""Saved entries read as people say them: spans with their length, halves of minutes, PEG in
words (UX 12), using the shared presentation helpers."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.present.wording import not_for_people, visible_text


def test_an_episode_shows_its_span_and_length(client: TestClient) -> None:
    form = {
        "started_at": "2026-03-15T09:30",
        "ended_at": "2026-03-15T09:50",
        "peak_intensity": "6",
        "locations": ["lower_left"],
    }
    assert client.post("/log/episode", data=form).status_code == 303
    shown = visible_text(client.get("/diary").text)
    assert "Sun 15 Mar, 09:30–09:50 (20 min)" in shown
    assert "Lower back, left" in shown


def test_a_session_shows_half_minutes_and_why_it_stopped(client: TestClient) -> None:
    form = {"started_at": "2026-03-15T10:00", "actual_minutes": "12.5", "ended": "sharp_pain"}
    assert client.post("/log/session", data=form).status_code == 303
    shown = visible_text(client.get("/diary").text)
    assert "12½ min on the mat" in shown
    assert "stopped early: Pain became sharp" in shown
    assert not_for_people(shown) == []


def test_a_checkin_shows_the_peg_score_in_words(client: TestClient) -> None:
    form = {"day": "2026-03-15", "pain": "5", "peg_enjoyment": "6", "peg_activity": "6"}
    assert client.post("/checkin", data={**form, "took_pain_relief": "yes"}).status_code == 303
    shown = visible_text(client.get("/diary").text)
    assert "pain and how much it got in the way 5.7/10" in shown
    assert "took pain relief" in shown
    assert "PEG" not in shown
