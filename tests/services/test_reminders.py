"""Reminders: what is due today, and the calendar built from the plan, the settings and the
review days; the feed's token; writing the file. The clock is frozen at noon UTC on Sunday
2026-03-15."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from acumat.actor import Actor
from acumat.errors import InvalidInput, NotFound
from acumat.services import diary, reminders, screening
from acumat.services.demo import load_demo
from acumat.services.plan import current_plan
from acumat.services.settings import change_settings, new_calendar_token, stop_calendar_feed
from acumat.store.engine import Database
from acumat.store.models import User
from acumat.store.repos import UserRepo
from tests.conftest import mode
from tests.safety.kit import complete

TODAY = date(2026, 3, 15)
pytestmark = pytest.mark.usefixtures("frozen_clock")


def ok(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))


def checkin(db: Database, actor: Actor, day: date, pain: int = 4) -> None:
    diary.add_checkin(db, actor, {"day": day.isoformat(), "pain": pain})


def uids(data: bytes) -> dict[str, str]:
    """UID → SUMMARY of every event in a calendar file."""
    return {str(e["uid"]): str(e["summary"]) for e in Calendar.from_ical(data).walk("VEVENT")}


# --- due today -------------------------------------------------------------------------


def test_a_new_person_is_due_only_a_check_in(db: Database, actor: Actor) -> None:
    due = reminders.due_today(db, actor)
    assert [item.kind for item in due] == ["checkin"]
    assert due[0].at is None
    assert due[0].title == "Check in: how is your back today?"


def test_the_check_in_is_no_longer_due_once_done(db: Database, actor: Actor) -> None:
    change_settings(db, actor, {"checkin_reminder": "09:15"})
    assert reminders.due_today(db, actor)[0].at == "09:15"
    checkin(db, actor, TODAY)
    assert [item.kind for item in reminders.due_today(db, actor)] == []


def test_todays_planned_session_is_due_at_the_chosen_time(db: Database, actor: Actor) -> None:
    ok(db, actor)
    change_settings(db, actor, {"session_time": "19:45"})
    due = {item.kind: item for item in reminders.due_today(db, actor)}
    session = due["mat_session"]
    assert (session.at, session.minutes, session.fabric_layer) == ("19:45", 5, True)
    assert session.title == "Mat session: 5 minutes, on a fabric layer"
    assert "first sessions are short" in session.detail


def test_no_session_is_due_once_todays_is_done(db: Database, actor: Actor) -> None:
    ok(db, actor)
    started = datetime(2026, 3, 15, 8, 0, tzinfo=actor.zone)
    diary.add_entry(db, actor, "session", {"started_at": started, "actual_minutes": 5})
    assert "mat_session" not in {item.kind for item in reminders.due_today(db, actor)}


def test_nothing_is_planned_under_a_do_not_use_result(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"pregnant": "yes"}))
    assert "mat_session" not in {item.kind for item in reminders.due_today(db, actor)}
    assert b"mat-session" not in reminders.calendar_file(db, actor)


def test_a_review_is_due_two_weeks_after_the_first_check_in(db: Database, actor: Actor) -> None:
    checkin(db, actor, TODAY - timedelta(days=14))
    checkin(db, actor, TODAY - timedelta(days=3))
    due = reminders.due_today(db, actor)
    assert [item.kind for item in due] == ["review", "checkin"]
    assert due[0].title == "Back check: 2 weeks"
    assert "your GP or a physiotherapist" in due[0].detail


def test_the_first_safety_check_counts_when_it_came_first(db: Database, actor: Actor) -> None:
    ok(db, actor)  # today: the reviews are 2 and 6 weeks from today
    checkin(db, actor, TODAY - timedelta(days=1))
    reviews = reminders.calendar_source(db, actor).reviews
    assert [(r.day, r.weeks) for r in reviews] == [
        (TODAY - timedelta(days=1) + timedelta(weeks=2), 2),
        (TODAY - timedelta(days=1) + timedelta(weeks=6), 6),
    ]


def test_demo_entries_do_not_start_the_review_clock(db: Database, actor: Actor) -> None:
    load_demo(db, actor)
    assert reminders.calendar_source(db, actor).reviews == ()


def test_movement_breaks_are_due_on_a_working_day_only(db: Database, actor: Actor) -> None:
    change_settings(db, actor, {"movement_hours": "09:00-17:00"})
    assert "movement" not in {item.kind for item in reminders.due_today(db, actor)}  # Sunday
    change_settings(db, actor, {"movement_days": "every_day"})
    movement = next(i for i in reminders.due_today(db, actor) if i.kind == "movement")
    assert movement.at == "09:30"
    assert "Every 30 minutes from 09:30 to 16:30" in movement.detail


def test_due_items_without_a_time_come_first_then_by_time(db: Database, actor: Actor) -> None:
    ok(db, actor)
    checkin(db, actor, TODAY - timedelta(days=42))
    change_settings(
        db,
        actor,
        {
            "checkin_reminder": "21:00",
            "movement_hours": "08:00-12:00",
            "movement_days": "every_day",
        },
    )
    kinds = [(item.kind, item.at) for item in reminders.due_today(db, actor)]
    assert kinds == [
        ("review", None),
        ("movement", "08:30"),
        ("mat_session", "20:00"),
        ("checkin", "21:00"),
    ]


# --- the calendar ------------------------------------------------------------------------


def test_the_calendar_holds_the_plan_and_the_chosen_reminders(db: Database, actor: Actor) -> None:
    ok(db, actor)
    change_settings(db, actor, {"checkin_reminder": "09:00", "movement_hours": "09:00-11:00"})
    found = uids(reminders.calendar_file(db, actor))
    kinds = [key.split("-")[0] for key in found]
    assert kinds.count("mat") == len(current_plan(db, actor).sessions) > 1
    assert kinds.count("checkin") == 1
    assert kinds.count("movement") == 3
    assert kinds.count("review") == 2


def test_uids_are_stable_across_exports_and_changes(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    ok(db, actor)
    change_settings(db, actor, {"checkin_reminder": "09:00"})
    first = uids(reminders.calendar_file(db, actor))
    from acumat import clock

    monkeypatch.setattr(clock, "utcnow", lambda: datetime(2026, 3, 15, 18, 0, tzinfo=actor.zone))
    change_settings(db, actor, {"checkin_reminder": "10:30", "session_time": "18:00"})
    assert set(uids(reminders.calendar_file(db, actor))) == set(first)


def test_the_calendar_never_holds_pain_scores_notes_or_answers(db: Database, actor: Actor) -> None:
    ok(db, actor)
    checkin(db, actor, TODAY - timedelta(days=2), pain=7)
    started = datetime(2026, 3, 14, 8, 0, tzinfo=actor.zone)
    raw = {
        "started_at": started,
        "actual_minutes": 5,
        "planned_minutes": 5,
        "pain_before": 3,
        "pain_after": 8,
        "note": "Private words about my back",
    }
    diary.add_entry(db, actor, "session", raw)
    reason = current_plan(db, actor).sessions[0].reason
    assert "3 before, 8 after" in reason  # the person's own screen says why ...
    data = reminders.calendar_file(db, actor).decode()
    unfolded = data.replace("\r\n ", "")
    assert "8 after" not in unfolded  # ... the calendar does not
    assert "the plan has adjusted to how your last session went" in unfolded
    assert "Private words" not in unfolded
    assert "pain was worse" not in unfolded


def test_the_feed_answers_only_to_the_current_token(db: Database, actor: Actor) -> None:
    with pytest.raises(NotFound):
        reminders.calendar_for_token(db, "x" * 43)
    old = new_calendar_token(db, actor)
    assert reminders.calendar_for_token(db, old).startswith(b"BEGIN:VCALENDAR")
    new = new_calendar_token(db, actor)
    assert new != old
    with pytest.raises(NotFound):
        reminders.calendar_for_token(db, old)
    assert reminders.calendar_for_token(db, new) == reminders.calendar_file(db, actor)
    stop_calendar_feed(db, actor)
    with pytest.raises(NotFound):
        reminders.calendar_for_token(db, new)


@pytest.mark.parametrize("token", ["", "short", "../../etc/passwd", "a" * 101, "é" * 30])
def test_a_malformed_token_is_not_found(db: Database, actor: Actor, token: str) -> None:
    new_calendar_token(db, actor)
    with pytest.raises(NotFound):
        reminders.calendar_for_token(db, token)


def test_each_person_has_their_own_uids(db: Database, actor: Actor) -> None:
    with db.transaction() as session:
        other = User(is_local=False, email="other@example.org", timezone="UTC", region="GB")
        session.add(other)
        session.flush()
        stranger = Actor(user_id=other.id)
        mine = reminders.owner_key(UserRepo(session).get(actor.user_id))
    for person in (actor, stranger):
        change_settings(db, person, {"checkin_reminder": "09:00"})
    theirs = set(uids(reminders.calendar_file(db, stranger)))
    assert not set(uids(reminders.calendar_file(db, actor))) & theirs
    assert all(mine not in key for key in theirs)


# --- the file ----------------------------------------------------------------------------


def test_the_file_is_written_whole_and_private_and_may_be_replaced(
    db: Database, actor: Actor, tmp_path: Path, usual_umask: None
) -> None:
    ok(db, actor)
    target = tmp_path / "acumat.ics"
    target.write_text("an older calendar")
    written = reminders.write_calendar(db, actor, target)
    assert written.path == str(target)
    assert written.events == len(uids(target.read_bytes())) > 0
    assert mode(target) == 0o600
    assert not list(tmp_path.glob(".*partial"))


@pytest.mark.parametrize("where", ["folder", "missing/acumat.ics", "file.txt/acumat.ics"])
def test_a_place_that_cannot_hold_the_file_is_refused_on_ics(
    db: Database, actor: Actor, tmp_path: Path, where: str
) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(InvalidInput) as refused:
        reminders.write_calendar(db, actor, tmp_path / where)
    assert [p.field for p in refused.value.problems] == ["ics"]
    assert str(tmp_path) not in str(refused.value)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write to a read-only folder")
def test_a_read_only_folder_is_refused(db: Database, actor: Actor, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(InvalidInput):
            reminders.write_calendar(db, actor, locked / "acumat.ics")
    finally:
        locked.chmod(0o700)
    assert not list(locked.iterdir())


def test_a_refused_write_leaves_the_old_file(
    db: Database, actor: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "acumat.ics"
    target.write_text("an older calendar")

    def fail(path: Path, data: bytes) -> None:
        raise PermissionError(13, "denied")

    monkeypatch.setattr(reminders, "write_whole", fail)
    with pytest.raises(InvalidInput):
        reminders.write_calendar(db, actor, target)
    assert target.read_text() == "an older calendar"


def test_session_times_follow_the_persons_zone(db: Database, actor: Actor) -> None:
    ok(db, actor)
    moved = change_settings(db, actor, {"timezone": "America/New_York", "session_time": "07:00"})
    data = reminders.calendar_file(db, moved)
    assert b"DTSTART;TZID=America/New_York:20260315T070000" in data
    assert b"BEGIN:VTIMEZONE" in data
    assert reminders.calendar_source(db, moved).session_time == time(7, 0)
