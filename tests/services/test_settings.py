"""The settings service: reminder settings start off (sessions at 20:00), change, turn off,
and a refused value changes nothing; the calendar feed's token is made and replaced."""

from __future__ import annotations

from typing import Any

import pytest

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.services import settings as service
from acumat.store.engine import Database


def test_reminders_start_off_and_sessions_at_eight_in_the_evening(
    db: Database, actor: Actor
) -> None:
    current = service.read_settings(db, actor)
    assert current.session_time == "20:00"
    assert current.checkin_reminder is None
    assert current.movement_hours is None
    assert current.movement_days == "weekdays"
    assert current.calendar_feed is False
    assert service.calendar_token(db, actor) is None


def test_reminders_are_stored_in_a_normal_form(db: Database, actor: Actor) -> None:
    raw = {
        "session_time": "7:05",
        "checkin_reminder": "09:30:00",
        "movement_hours": "8:30 to 16:00",
        "movement_days": "every_day",
    }
    service.change_settings(db, actor, raw)
    current = service.read_settings(db, actor)
    assert (current.session_time, current.checkin_reminder) == ("07:05", "09:30")
    assert (current.movement_hours, current.movement_days) == ("08:30-16:00", "every_day")


@pytest.mark.parametrize("off", ["off", "", "OFF", "none"])
def test_a_reminder_is_turned_off_with_off_or_nothing(db: Database, actor: Actor, off: str) -> None:
    service.change_settings(
        db, actor, {"checkin_reminder": "09:00", "movement_hours": "9:00-17:00"}
    )
    service.change_settings(db, actor, {"checkin_reminder": off, "movement_hours": off})
    current = service.read_settings(db, actor)
    assert (current.checkin_reminder, current.movement_hours) == (None, None)


def test_settings_left_out_stay_as_they_are(db: Database, actor: Actor) -> None:
    service.change_settings(db, actor, {"checkin_reminder": "09:00", "session_time": "19:00"})
    service.change_settings(db, actor, {"mat_cap": 35})
    current = service.read_settings(db, actor)
    assert (current.checkin_reminder, current.session_time, current.mat_cap) == (
        "09:00",
        "19:00",
        35,
    )


REFUSED: list[tuple[dict[str, Any], str]] = [
    ({"session_time": "24:00"}, "session_time"),
    ({"session_time": "8pm"}, "session_time"),
    ({"session_time": "off"}, "session_time"),
    ({"checkin_reminder": "9.30"}, "checkin_reminder"),
    ({"movement_hours": "09:00"}, "movement_hours"),
    ({"movement_hours": "17:00-09:00"}, "movement_hours"),
    ({"movement_hours": "09:00-09:45"}, "movement_hours"),
    ({"movement_hours": "09:00-"}, "movement_hours"),
    ({"movement_days": "weekends"}, "movement_days"),
    ({"session_time": 2000}, "session_time"),
]


@pytest.mark.parametrize(("raw", "field"), REFUSED)
def test_a_bad_value_is_refused_on_its_field_and_nothing_changes(
    db: Database, actor: Actor, raw: dict[str, Any], field: str
) -> None:
    before = service.read_settings(db, actor)
    with pytest.raises(InvalidInput) as refused:
        service.change_settings(db, actor, {"mat_cap": 35, "checkin_reminder": "08:00", **raw})
    assert [p.field for p in refused.value.problems] == [field]
    assert service.read_settings(db, actor) == before


def test_a_new_calendar_token_replaces_the_old(db: Database, actor: Actor) -> None:
    first = service.new_calendar_token(db, actor)
    assert len(first) >= 40
    assert service.calendar_token(db, actor) == first
    assert service.read_settings(db, actor).calendar_feed is True
    second = service.new_calendar_token(db, actor)
    assert second != first
    assert service.calendar_token(db, actor) == second
    service.stop_calendar_feed(db, actor)
    assert service.calendar_token(db, actor) is None
    assert service.read_settings(db, actor).calendar_feed is False
