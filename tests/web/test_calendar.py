"""The calendar feed at ``/calendar/{token}.ics``: the right token gets the calendar, any
other gets the same page as an address that never existed, and reading writes nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient
from icalendar import Calendar

from acumat.actor import Actor
from acumat.services import screening
from acumat.services.settings import change_settings, new_calendar_token, stop_calendar_feed
from acumat.store.engine import Database
from tests.safety.kit import complete


def test_the_current_token_gets_the_calendar(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    change_settings(db, actor, {"checkin_reminder": "09:00"})
    token = new_calendar_token(db, actor)
    feed = client.get(f"/calendar/{token}.ics")
    assert feed.status_code == 200
    assert feed.headers["content-type"] == "text/calendar; charset=utf-8"
    assert feed.headers["cache-control"] == "no-store"
    calendar = Calendar.from_ical(feed.content)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert "Check in: how is your back today?" in summaries
    assert any(s.startswith("Mat session: 5 minutes") for s in summaries)


def test_a_wrong_token_gets_the_plain_not_found_page(
    client: TestClient, db: Database, actor: Actor
) -> None:
    token = new_calendar_token(db, actor)
    nowhere = client.get("/no-such-page")
    for wrong in ("x" * 43, token[:-1] + ("A" if token[-1] != "A" else "B"), "short"):
        answer = client.get(f"/calendar/{wrong}.ics")
        assert answer.status_code == 404
        assert answer.headers["content-type"].startswith("text/html")
        assert answer.text == nowhere.text
        assert "BEGIN:VCALENDAR" not in answer.text


def test_a_new_address_ends_the_old_and_off_ends_both(
    client: TestClient, db: Database, actor: Actor
) -> None:
    old = new_calendar_token(db, actor)
    assert client.get(f"/calendar/{old}.ics").status_code == 200
    made = client.post("/settings/calendar", data={"action": "new"})
    assert made.status_code == 303
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    page = client.get("/settings").text
    new = page.split("/calendar/")[1].split(".ics")[0]
    assert new != old
    assert client.get(f"/calendar/{new}.ics").status_code == 200
    stop_calendar_feed(db, actor)
    assert client.get(f"/calendar/{new}.ics").status_code == 404


def test_no_address_works_before_one_is_made(client: TestClient) -> None:
    assert client.get("/calendar/None.ics").status_code == 404
    assert client.get("/calendar/.ics").status_code == 404
