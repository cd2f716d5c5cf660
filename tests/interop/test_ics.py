"""The calendar file, parsed back with ``icalendar``: events, alarms, the person's zone,
recurrence rules, and UIDs that stay the same from one export to the next."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event, vRecur

from acumat.interop.ics import (
    CalendarSource,
    MovementHours,
    Review,
    build_calendar,
    reminder_words,
    uid,
)
from acumat.plan import PlannedSession

SUNDAY = date(2026, 3, 15)
STAMP = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
SESSIONS = (
    PlannedSession(SUNDAY, 5, True, "5 minutes on a fabric layer: first sessions are short."),
    PlannedSession(SUNDAY + timedelta(days=1), 10, False, "10 minutes, if it goes well."),
)


def source(**changes: object) -> CalendarSource:
    values: dict[str, object] = {
        "owner": "owner1",
        "zone": "Europe/London",
        "region": "GB",
        "today": SUNDAY,
        "stamp": STAMP,
        "session_time": time(20, 0),
        "sessions": SESSIONS,
        "checkin_at": time(9, 0),
        "movement": MovementHours(time(9, 0), time(17, 0)),
        "reviews": (Review(date(2026, 3, 28), 2), Review(date(2026, 4, 25), 6)),
    }
    return CalendarSource(**{**values, **changes})  # type: ignore[arg-type]


def parsed(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def events(calendar: Calendar) -> dict[str, Event]:
    return {str(e["uid"]): e for e in calendar.walk("VEVENT") if isinstance(e, Event)}


def rule(event: Event) -> dict[str, Any]:
    """The event's RRULE as a plain mapping (``{"FREQ": ["DAILY"]}``)."""
    found = event["rrule"]
    assert isinstance(found, vRecur)
    return dict(found)


def test_every_reminder_is_an_event_with_an_alarm() -> None:
    calendar = parsed(build_calendar(source()))
    found = events(calendar)
    kinds = sorted({uid.split("-")[0] for uid in found})
    assert kinds == ["checkin", "mat", "movement", "review"]
    assert len(found) == 2 + 1 + 15 + 2  # two sessions, check-in, 09:30..16:30, two reviews
    for event in found.values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["action"] == "DISPLAY"
        assert str(alarms[0]["description"])
        assert event["summary"]
        assert event["description"]
        assert event.decoded("dtstamp") == STAMP


def test_planned_sessions_start_at_the_chosen_time_for_their_minutes() -> None:
    found = events(parsed(build_calendar(source(session_time=time(19, 30)))))
    first = found[uid("mat-session", "20260315", "owner1")]
    assert first.decoded("dtstart") == datetime(
        2026, 3, 15, 19, 30, tzinfo=ZoneInfo("Europe/London")
    )
    assert first.decoded("duration") == timedelta(minutes=5)
    assert str(first["summary"]) == "Mat session: 5 minutes, on a fabric layer"
    description = str(first["description"])
    assert description.startswith("5 minutes on a fabric layer: first sessions are short.")
    assert "get up slowly" in description
    assert "cloth" in description
    assert first.walk("VALARM")[0].decoded("trigger") == timedelta(minutes=-10)
    second = found[uid("mat-session", "20260316", "owner1")]
    assert str(second["summary"]) == "Mat session: 10 minutes"
    assert "cloth" not in str(second["description"])


def test_times_are_in_the_persons_zone_with_its_vtimezone() -> None:
    data = build_calendar(source())
    calendar = parsed(data)
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["tzid"]) for z in zones] == ["Europe/London"]
    offsets = {part.decoded("tzoffsetto") for part in zones[0].subcomponents}
    assert {timedelta(0), timedelta(hours=1)} <= offsets  # winter and summer time both described
    assert str(calendar["x-wr-timezone"]) == "Europe/London"
    timed = [e for e in calendar.walk("VEVENT") if isinstance(e.decoded("dtstart"), datetime)]
    assert timed
    assert {e["dtstart"].params["TZID"] for e in timed} == {"Europe/London"}
    assert b"DTSTART;TZID=Europe/London:20260315T090000" in data


def test_a_session_after_the_clocks_change_keeps_its_local_time() -> None:
    summer = (PlannedSession(date(2026, 4, 1), 10, True, "10 minutes."),)
    data = build_calendar(source(sessions=summer))
    assert b"DTSTART;TZID=Europe/London:20260401T200000" in data
    event = events(parsed(data))[uid("mat-session", "20260401", "owner1")]
    assert event.decoded("dtstart").utcoffset() == timedelta(hours=1)


def test_a_person_in_utc_gets_utc_times_and_no_vtimezone() -> None:
    calendar = parsed(build_calendar(source(zone="UTC")))
    assert calendar.walk("VTIMEZONE") == []
    checkin = events(calendar)[uid("checkin", "daily", "owner1")]
    assert checkin.decoded("dtstart") == datetime(2026, 3, 15, 9, 0, tzinfo=UTC)


def test_the_check_in_reminder_repeats_daily_from_today() -> None:
    checkin = events(parsed(build_calendar(source())))[uid("checkin", "daily", "owner1")]
    assert rule(checkin)["FREQ"] == ["DAILY"]
    assert checkin.decoded("dtstart").date() == SUNDAY
    assert checkin.walk("VALARM")[0].decoded("trigger") == timedelta(0)
    assert str(checkin["transp"]) == "TRANSPARENT"


def test_movement_breaks_come_every_30_minutes_of_the_working_hours_on_weekdays() -> None:
    found = events(parsed(build_calendar(source())))
    breaks = sorted(
        (e for key, e in found.items() if key.startswith("movement-")),
        key=lambda e: e.decoded("dtstart"),
    )
    starts = [e.decoded("dtstart") for e in breaks]
    assert [s.strftime("%H:%M") for s in starts[:3]] == ["09:30", "10:00", "10:30"]
    assert starts[-1].strftime("%H:%M") == "16:30"
    assert {s.date() for s in starts} == {date(2026, 3, 16)}  # today is a Sunday: from Monday
    for event in breaks:
        assert rule(event)["FREQ"] == ["WEEKLY"]
        assert rule(event)["BYDAY"] == ["MO", "TU", "WE", "TH", "FR"]
        assert event.decoded("duration") == timedelta(minutes=2)
        assert str(event["transp"]) == "TRANSPARENT"


def test_movement_breaks_every_day_repeat_daily_from_today() -> None:
    every_day = MovementHours(time(8, 0), time(10, 0), every_day=True)
    found = events(parsed(build_calendar(source(movement=every_day))))
    breaks = [e for key, e in found.items() if key.startswith("movement-")]
    assert sorted(e.decoded("dtstart").strftime("%H:%M") for e in breaks) == [
        "08:30",
        "09:00",
        "09:30",
    ]
    assert {e.decoded("dtstart").date() for e in breaks} == {SUNDAY}
    assert all(rule(e)["FREQ"] == ["DAILY"] for e in breaks)


def test_review_days_are_all_day_events_with_a_morning_alarm_in_the_regions_words() -> None:
    found = events(parsed(build_calendar(source(region="US"))))
    two = found[uid("review", "2w", "owner1")]
    assert two.decoded("dtstart") == date(2026, 3, 28)
    assert two.decoded("dtend") == date(2026, 3, 29)
    assert two.walk("VALARM")[0].decoded("trigger") == timedelta(hours=9)
    assert "book a review with your doctor or a physiotherapist" in str(two["description"])
    six = found[uid("review", "6w", "owner1")]
    assert "still there" in str(six["description"])
    gb = events(parsed(build_calendar(source())))[uid("review", "2w", "owner1")]
    assert "your GP" in str(gb["description"])


def test_uids_stay_the_same_across_two_exports_and_name_no_health_data() -> None:
    first = events(parsed(build_calendar(source())))
    later = source(stamp=STAMP + timedelta(hours=5), checkin_at=time(8, 15))
    second = events(parsed(build_calendar(later)))
    assert set(first) == set(second)
    for key in first:
        assert re.fullmatch(r"[a-z-]+-[0-9a-z]+-owner1@acumat", key), key


def test_another_person_gets_other_uids() -> None:
    mine = set(events(parsed(build_calendar(source()))))
    theirs = set(events(parsed(build_calendar(source(owner="owner2")))))
    assert not mine & theirs


def test_reminders_that_are_off_are_left_out() -> None:
    calendar = parsed(
        build_calendar(source(checkin_at=None, movement=None, reviews=(), sessions=()))
    )
    assert calendar.walk("VEVENT") == []
    assert str(calendar["version"]) == "2.0"
    assert "acumat" in str(calendar["prodid"])


def test_the_file_is_rfc_5545_text() -> None:
    data = build_calendar(source())
    lines = data.split(b"\r\n")
    assert lines[0] == b"BEGIN:VCALENDAR"
    assert lines[-2:] == [b"END:VCALENDAR", b""]
    assert all(len(line) <= 75 for line in lines)  # folded
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT6H" in data


@pytest.mark.parametrize(
    ("start", "end", "count"),
    [(time(9), time(17), 15), (time(9), time(10), 1), (time(8, 15), time(9, 50), 3)],
)
def test_movement_slots_are_every_30_minutes_before_the_end(
    start: time, end: time, count: int
) -> None:
    slots = MovementHours(start, end).slots()
    assert len(slots) == count
    assert slots[0] == (datetime.combine(SUNDAY, start) + timedelta(minutes=30)).time()
    assert all(slot < end for slot in slots)


def test_the_reminder_words_hold_no_unknown_placeholder() -> None:
    words = reminder_words()
    texts = [
        *(v for v in words["session"].values() if isinstance(v, str)),
        *(v for v in words["checkin"].values() if isinstance(v, str)),
        *(v for v in words["movement"].values() if isinstance(v, str)),
        *(text for weeks in words.review_weeks for text in words.review(weeks).values()),
    ]
    placeholders = {name for text in texts for name in re.findall(r"{(\w+)}", text)}
    assert placeholders == {"minutes", "lead", "doctor"}
    assert words.review_weeks == (2, 6)
    assert words.movement_every == timedelta(minutes=30)
