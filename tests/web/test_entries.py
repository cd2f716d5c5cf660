"""Editing and deleting diary entries through pre-filled forms and a confirm step."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.errors import NotFound
from acumat.services import diary
from acumat.store.engine import Database
from acumat.store.models import User
from tests.web.conftest import RowCount, service_message
from tests.web.markup import error_text, field_value

DAY = date(2026, 3, 14)
EPISODE = {"started_at": "2026-03-14T08:00", "peak_intensity": 7, "triggers": ["stress"]}


@pytest.fixture
def episode_id(db: Database, actor: Actor) -> int:
    return int(diary.add_entry(db, actor, "episode", EPISODE).id)


@pytest.fixture
def checkin_day(db: Database, actor: Actor) -> date:
    diary.add_checkin(db, actor, {"day": DAY.isoformat(), "pain": 5, "stress": 2})
    return DAY


def test_the_checkin_edit_page_is_prefilled(client: TestClient, checkin_day: date) -> None:
    page = client.get(f"/diary/checkin/{checkin_day}/edit")
    assert page.status_code == 200
    assert field_value(page.text, "checkin", "pain") == "5"
    assert field_value(page.text, "checkin", "stress") == "2"


def test_editing_a_checkin_replaces_it_on_the_same_day(
    client: TestClient, db: Database, actor: Actor, checkin_day: date
) -> None:
    form = {"day": "2026-03-01", "pain": "2"}
    answer = client.post(f"/diary/checkin/{checkin_day}/edit", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/diary?saved=updated"
    assert diary.get_checkin(db, actor, checkin_day).pain == 2
    with pytest.raises(NotFound):
        diary.get_checkin(db, actor, date(2026, 3, 1))


def test_a_refused_checkin_edit_keeps_the_values_and_changes_nothing(
    client: TestClient, db: Database, actor: Actor, checkin_day: date
) -> None:
    answer = client.post(f"/diary/checkin/{checkin_day}/edit", data={"pain": "12"})
    assert answer.status_code == 422
    expected = service_message("checkin", {"day": checkin_day.isoformat(), "pain": "12"}, "pain")
    assert error_text(answer.text, "checkin", "pain") == expected
    assert field_value(answer.text, "checkin", "pain") == "12"
    assert diary.get_checkin(db, actor, checkin_day).pain == 5


def test_the_episode_edit_page_is_prefilled(client: TestClient, episode_id: int) -> None:
    page = client.get(f"/diary/episode/{episode_id}/edit").text
    assert field_value(page, "episode", "started_at") == "2026-03-14T08:00"
    assert field_value(page, "episode", "peak_intensity") == "7"
    assert 'value="stress" checked' in page


def test_editing_an_episode_updates_it(
    client: TestClient, db: Database, actor: Actor, episode_id: int
) -> None:
    form = {"started_at": "2026-03-14T08:00", "ended_at": "2026-03-14T09:00", "peak_intensity": "4"}
    answer = client.post(f"/diary/episode/{episode_id}/edit", data=form)
    assert answer.status_code == 303
    assert "Entry updated." in client.get(answer.headers["location"]).text
    edited = diary.get_entry(db, actor, "episode", episode_id)
    assert (edited.peak_intensity, edited.triggers) == (4, [])


def test_a_refused_episode_edit_shows_the_problem_and_changes_nothing(
    client: TestClient, db: Database, actor: Actor, episode_id: int
) -> None:
    form = {"started_at": "2026-03-14T08:00", "peak_intensity": "-1"}
    answer = client.post(f"/diary/episode/{episode_id}/edit", data=form)
    assert answer.status_code == 422
    expected = service_message("episode", form, "peak_intensity")
    assert error_text(answer.text, "episode", "peak_intensity") == expected
    assert diary.get_entry(db, actor, "episode", episode_id).peak_intensity == 7


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("session", {"started_at": "2026-03-14T20:00", "actual_minutes": 12.5}),
        ("care", {"started_at": "2026-03-14T18:00", "kind": "cold", "minutes": 15}),
    ],
)
def test_session_and_care_edit_pages_are_prefilled(
    client: TestClient, db: Database, actor: Actor, kind: str, raw: dict[str, object]
) -> None:
    entry = diary.add_entry(db, actor, kind, raw)
    page = client.get(f"/diary/{kind}/{entry.id}/edit").text
    assert field_value(page, kind, "started_at") == raw["started_at"]
    minutes_field = "actual_minutes" if kind == "session" else "minutes"
    assert field_value(page, kind, minutes_field) == f"{raw[minutes_field]:g}"


@pytest.mark.parametrize(
    "url",
    [
        "/diary/episode/9999/edit",
        "/diary/session/9999/delete",
        "/diary/care/9999/edit",
        "/diary/checkin/2026-01-01/edit",
        "/diary/checkin/2026-01-01/delete",
        "/diary/walk/1/edit",
    ],
)
def test_an_unknown_entry_is_a_404_page(client: TestClient, url: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 404
    assert "<h1>Not found</h1>" in answer.text


def test_posting_to_an_unknown_entry_is_a_404_page(client: TestClient) -> None:
    assert client.post("/diary/episode/9999/delete").status_code == 404
    form = {"started_at": "2026-03-14T08:00", "peak_intensity": "3"}
    assert client.post("/diary/episode/9999/edit", data=form).status_code == 404


def test_another_persons_entry_is_a_404_page(
    client: TestClient, db: Database, frozen_clock: object
) -> None:
    with db.transaction() as session:
        stranger = User(email="stranger@example.org")
        session.add(stranger)
        session.flush()
        stranger_id = Actor(stranger.id)
    theirs = diary.add_entry(db, stranger_id, "episode", EPISODE)
    assert client.get(f"/diary/episode/{theirs.id}/edit").status_code == 404
    assert client.post(f"/diary/episode/{theirs.id}/delete").status_code == 404
    assert diary.get_entry(db, stranger_id, "episode", theirs.id).peak_intensity == 7


def test_delete_asks_for_confirmation_before_anything_happens(
    client: TestClient, db: Database, actor: Actor, episode_id: int
) -> None:
    page = client.get(f"/diary/episode/{episode_id}/delete")
    assert page.status_code == 200
    assert f'<form method="post" action="/diary/episode/{episode_id}/delete"' in page.text
    assert "Yes, delete it" in page.text
    assert diary.get_entry(db, actor, "episode", episode_id).id == episode_id


def test_confirming_deletes_the_entry(
    client: TestClient, db: Database, actor: Actor, episode_id: int, row_count: RowCount
) -> None:
    answer = client.post(f"/diary/episode/{episode_id}/delete")
    assert answer.status_code == 303
    assert "Entry deleted." in client.get(answer.headers["location"]).text
    assert row_count() == 0


def test_confirming_deletes_a_checkin(
    client: TestClient, checkin_day: date, row_count: RowCount
) -> None:
    assert "Delete the check-in of" in client.get(f"/diary/checkin/{checkin_day}/delete").text
    assert client.post(f"/diary/checkin/{checkin_day}/delete").status_code == 303
    assert row_count() == 0


# --- "It stopped now" on an ongoing episode (UX 26) ------------------------------------------


def test_an_ongoing_episode_offers_it_stopped_now_with_the_csrf_token(
    client: TestClient, episode_id: int
) -> None:
    page = client.get(f"/diary/episode/{episode_id}/edit").text
    action = f'<form method="post" action="/diary/episode/{episode_id}/stopped">'
    assert action in page
    quick = page[page.index(action) : page.index("</form>", page.index(action))]
    assert 'name="csrf_token"' in quick
    assert "It stopped now" in quick


def test_an_ended_episode_and_other_kinds_do_not_offer_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    ended = diary.add_entry(db, actor, "episode", {**EPISODE, "ended_at": "2026-03-14T09:00"})
    assert "It stopped now" not in client.get(f"/diary/episode/{ended.id}/edit").text
    care = diary.add_entry(
        db, actor, "care", {"started_at": "2026-03-14T18:00", "kind": "cold", "minutes": 15}
    )
    assert "It stopped now" not in client.get(f"/diary/care/{care.id}/edit").text


def test_it_stopped_now_ends_the_episode_now_and_changes_nothing_else(
    client: TestClient, db: Database, actor: Actor, episode_id: int, frozen_clock: datetime
) -> None:
    before = diary.get_entry(db, actor, "episode", episode_id)
    answer = client.post(f"/diary/episode/{episode_id}/stopped")
    assert answer.status_code == 303
    assert "Entry updated." in client.get(answer.headers["location"]).text
    after = diary.get_entry(db, actor, "episode", episode_id)
    assert after.ended_at == frozen_clock
    unchanged = {"ended_at", "updated_at"}
    assert after.model_dump(exclude=unchanged) == before.model_dump(exclude=unchanged)


def test_it_stopped_now_needs_the_csrf_token(
    client: TestClient, db: Database, actor: Actor, episode_id: int
) -> None:
    answer = client.post(f"/diary/episode/{episode_id}/stopped", data={"csrf_token": "x" * 43})
    assert answer.status_code == 403
    assert diary.get_entry(db, actor, "episode", episode_id).ended_at is None


def test_it_stopped_now_on_a_strangers_or_missing_episode_is_a_404_page(
    client: TestClient, db: Database, frozen_clock: datetime
) -> None:
    with db.transaction() as session:
        stranger = User(email="stranger@example.org")
        session.add(stranger)
        session.flush()
        theirs_actor = Actor(stranger.id)
    theirs = diary.add_entry(db, theirs_actor, "episode", EPISODE)
    assert client.post(f"/diary/episode/{theirs.id}/stopped").status_code == 404
    assert client.post("/diary/episode/9999/stopped").status_code == 404
    assert diary.get_entry(db, theirs_actor, "episode", theirs.id).ended_at is None


def test_it_stopped_now_before_the_episode_started_shows_why_on_its_form(
    client: TestClient, db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    soon = (frozen_clock + timedelta(minutes=3)).isoformat()
    started = diary.add_entry(db, actor, "episode", {"started_at": soon, "peak_intensity": 5})
    answer = client.post(f"/diary/episode/{started.id}/stopped")
    assert answer.status_code == 422
    assert error_text(answer.text, "episode", "ended_at")
    assert diary.get_entry(db, actor, "episode", started.id).ended_at is None
