"""The guided mat session in the browser: the server keeps the start, a reload changes
nothing, and ending stores the session once (issue 15, item 3)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, guided, screening
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text
from tests.safety.kit import complete
from tests.web.conftest import RowCount

TODAY = date(2026, 3, 15)


@pytest.fixture
def planned(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))


def _later(monkeypatch: pytest.MonkeyPatch, minutes: float) -> None:
    """Move the frozen clock on by ``minutes``."""
    import acumat.clock as clock

    now = clock.utcnow()
    monkeypatch.setattr(clock, "utcnow", lambda: now + timedelta(minutes=minutes))


def test_without_a_plan_the_page_says_why_and_starts_nothing(client: TestClient) -> None:
    page = client.get("/session").text
    assert "answer the safety questions first" in page
    assert 'action="/session/start"' not in page


@pytest.mark.usefixtures("planned")
def test_the_start_page_shows_the_steps_and_asks_the_pain(client: TestClient) -> None:
    page = client.get("/session").text
    assert "5 min, on a fabric layer" in page
    assert "Sit on the edge of the mat first" in page
    assert 'name="pain_before"' in page
    assert "sleep" not in visible_text(page).lower()
    assert not not_for_people(visible_text(page))


@pytest.mark.usefixtures("planned")
def test_a_session_started_survives_a_reload_and_is_stored_once_when_it_ends(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = client.post("/session/start", data={"pain_before": "6"})
    assert started.headers["location"] == "/session"
    running = client.get("/session").text
    assert "On the mat" in running
    assert 'data-ends="2026-03-15T12:05:00+00:00"' in running
    assert "Time is up at" in running
    assert client.get("/session").text == running  # a reload: the same start, no new one
    assert "Back to my mat session" in client.get("/").text
    _later(monkeypatch, 5)
    ended = client.post(
        "/session/end", data={"ended": "finished", "pain_after": "4", "skin_reaction": "none"}
    )
    assert ended.headers["location"] == "/?saved=session-done"
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (stored.actual_minutes, stored.pain_before, stored.pain_after) == (5, 6, 4)
    assert (stored.planned_minutes, stored.fabric_layer, stored.stopped_early) == (5, True, False)
    assert stored.started_at == datetime(2026, 3, 15, 12, 0, tzinfo=stored.started_at.tzinfo)
    assert guided.under_way(db, actor) is None
    assert client.post("/session/end", data={"ended": "finished"}).headers["location"] == "/"
    assert len(diary.list_diary(db, actor, TODAY, TODAY).sessions) == 1


@pytest.mark.usefixtures("planned")
def test_a_session_stopped_early_keeps_the_minutes_done_and_a_calm_word(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.post("/session/start", data={"pain_before": "5"})
    _later(monkeypatch, 2)
    ended = client.post("/session/end", data={"ended": "sharp_pain", "pain_after": "7"})
    assert ended.headers["location"] == "/?saved=session-stopped"
    assert "You did the right thing by stopping" in client.get(ended.headers["location"]).text
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (stored.stopped_early, stored.stop_reason, stored.actual_minutes) == (
        True,
        "sharp_pain",
        2,
    )


@pytest.mark.usefixtures("planned")
def test_ending_before_the_time_as_finished_is_kept_as_interrupted(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.post("/session/start", data={"pain_before": "5"})
    _later(monkeypatch, 3)
    client.post("/session/end", data={"ended": "finished"})
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (stored.stopped_early, stored.stop_reason, stored.actual_minutes) == (
        True,
        "interrupted",
        3,
    )


@pytest.mark.usefixtures("planned")
def test_a_start_without_the_pain_or_above_the_limit_is_refused_in_words(
    client: TestClient, db: Database, actor: Actor
) -> None:
    refused = client.post("/session/start", data={})
    assert refused.status_code == 422
    assert "Please give a whole number from 0 to 10" in refused.text
    too_long = client.post("/session/start", data={"pain_before": "4", "minutes": "45"})
    assert too_long.status_code == 422
    assert guided.under_way(db, actor) is None


@pytest.mark.usefixtures("planned")
def test_a_session_started_by_mistake_can_be_forgotten(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    client.post("/session/start", data={"pain_before": "5"})
    assert client.post("/session/forget").headers["location"] == "/"
    assert guided.under_way(db, actor) is None
    assert row_count() == 0


def test_ending_with_nothing_under_way_goes_back_to_today(client: TestClient) -> None:
    assert client.post("/session/end", data={"ended": "finished"}).headers["location"] == "/"


@pytest.mark.usefixtures("planned")
def test_after_effects_chosen_at_the_end_are_stored_shown_and_shape_the_plan(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.post("/session/start", data={"pain_before": "5"})
    _later(monkeypatch, 5)
    form = {"ended": "finished", "pain_after": "4", "effects": ["dizzy_getting_up"]}
    client.post("/session/end", data=form)
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert stored.effects == ["dizzy_getting_up"]
    assert "afterwards: dizzy or light-headed on getting up" in client.get("/diary").text
    plan_page = client.get("/plan").text
    assert "5 minutes, the same as last time: afterwards: dizzy or light-headed" in plan_page
