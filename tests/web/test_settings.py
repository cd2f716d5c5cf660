"""The settings page: the longest mat session a plan may build up to, the reminders and the
calendar feed address, in the page's words."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services.settings import calendar_token, read_settings
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text


def test_the_limit_is_shown_changed_and_kept(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/settings").text
    assert '<label for="mat_cap">Longest mat session (minutes)</label>' in page
    assert 'value="30" min="5" max="40"' in page
    form = {"timezone": "UTC", "region": "GB", "mat_cap": "35"}
    assert client.post("/settings", data=form).status_code == 303
    assert read_settings(db, actor).mat_cap == 35
    assert 'value="35"' in client.get("/settings").text


def test_a_limit_above_40_is_refused_in_words_and_nothing_changes(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {"timezone": "UTC", "region": "GB", "mat_cap": "45"}
    refused = client.post("/settings", data=form)
    assert refused.status_code == 422
    assert "a whole number from 5 to 40 (you entered 45)" in refused.text.lower()
    assert not not_for_people(visible_text(refused.text))
    assert read_settings(db, actor).mat_cap == 30


REMINDERS = {
    "timezone": "UTC",
    "region": "GB",
    "mat_cap": "30",
    "session_time": "19:30",
    "checkin_reminder": "09:00",
    "movement_from": "09:00",
    "movement_until": "17:00",
    "movement_days": "weekdays",
}


def test_the_reminders_are_labelled_saved_and_shown_again(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/settings").text
    assert '<label for="session_time">Time for your mat sessions</label>' in page
    assert 'id="session_time" name="session_time" value="20:00"' in page
    assert '<label for="checkin_reminder">Daily check-in reminder</label>' in page
    assert "<legend>Movement breaks while you work</legend>" in page
    assert client.post("/settings", data=REMINDERS).status_code == 303
    current = read_settings(db, actor)
    assert (current.session_time, current.checkin_reminder) == ("19:30", "09:00")
    assert current.movement_hours == "09:00-17:00"
    again = client.get("/settings").text
    assert 'name="movement_from" value="09:00"' in again
    assert 'name="movement_until" value="17:00"' in again
    assert '<option value="weekdays" selected>Monday to Friday</option>' in again


def test_empty_reminder_times_turn_the_reminders_off(
    client: TestClient, db: Database, actor: Actor
) -> None:
    assert client.post("/settings", data=REMINDERS).status_code == 303
    off = {**REMINDERS, "checkin_reminder": "", "movement_from": "", "movement_until": ""}
    assert client.post("/settings", data=off).status_code == 303
    current = read_settings(db, actor)
    assert (current.checkin_reminder, current.movement_hours) == (None, None)


def test_one_working_hours_time_alone_is_refused_in_words_and_nothing_changes(
    client: TestClient, db: Database, actor: Actor
) -> None:
    half = {**REMINDERS, "movement_until": "", "session_time": "18:00"}
    refused = client.post("/settings", data=half)
    assert refused.status_code == 422
    assert 'id="movement_hours-error"' in refused.text
    assert "Please give both the start and the end" in refused.text
    assert 'name="movement_from" value="09:00"' in refused.text  # what was typed stays
    assert not not_for_people(visible_text(refused.text))
    assert read_settings(db, actor).session_time == "20:00"


def test_a_time_that_is_not_a_time_is_refused_next_to_its_label(client: TestClient) -> None:
    refused = client.post("/settings", data={**REMINDERS, "session_time": "half past eight"})
    assert refused.status_code == 422
    assert 'id="session_time-error"' in refused.text
    assert "a time of day on the 24-hour clock, such as 20:00" in refused.text
    assert not not_for_people(visible_text(refused.text))


def test_the_calendar_section_makes_shows_and_replaces_the_address(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/settings").text
    assert '<h2 id="calendar-heading">Calendar</h2>' in page
    assert "Make a calendar address" in page
    assert calendar_token(db, actor) is None  # showing the page made nothing
    made = client.post("/settings/calendar", data={"action": "new"})
    assert made.status_code == 303
    assert made.headers["location"] == "/settings?saved=settings#calendar"
    token = calendar_token(db, actor)
    assert token is not None
    shown = client.get("/settings").text
    assert f'value="http://127.0.0.1:8000/calendar/{token}.ics" readonly' in shown
    assert client.post("/settings/calendar", data={"action": "new"}).status_code == 303
    assert calendar_token(db, actor) not in (None, token)
    assert client.post("/settings/calendar", data={"action": "off"}).status_code == 303
    assert calendar_token(db, actor) is None


def test_making_an_address_needs_the_forms_token(
    client: TestClient, db: Database, actor: Actor
) -> None:
    refused = client.post("/settings/calendar", data={"action": "new", "csrf_token": "w" * 43})
    assert refused.status_code == 403
    assert calendar_token(db, actor) is None
