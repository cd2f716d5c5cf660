"""Days and times are the acting person's: "today", local times, DST gaps and folds, listings.

Each test sets the person's zone through the settings service, as a person would, and
freezes acumat's clock at an instant chosen so the zones disagree about the date or offset.
Expected instants are written out by hand, not computed with the code under test.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from acumat import clock
from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.services import diary
from acumat.services.database import actor_for
from acumat.services.settings import change_settings
from acumat.store.engine import Database
from acumat.store.models import Episode, User
from acumat.store.repos import UserRepo

ZONES = ["UTC", "Pacific/Auckland", "America/New_York"]
AUCKLAND_IS_AHEAD = datetime(2026, 3, 15, 11, 30, tzinfo=UTC)  # 00:30 on the 16th there
NEW_YORK_IS_BEHIND = datetime(2026, 3, 15, 2, 0, tzinfo=UTC)  # 22:00 on the 14th there
NORTHERN_WINTER = datetime(2026, 1, 20, 12, 0, tzinfo=UTC)
LATE_IN_THE_YEAR = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def freeze(monkeypatch: pytest.MonkeyPatch, instant: datetime) -> None:
    monkeypatch.setattr(clock, "utcnow", lambda: instant)


def in_zone(db: Database, actor: Actor, zone: str) -> Actor:
    moved = change_settings(db, actor, {"timezone": zone})
    assert moved.timezone == zone
    return moved


def episode_start(db: Database, actor: Actor, started_at: str) -> datetime:
    """Log an episode at ``started_at`` as typed, and read back the instant stored."""
    saved = diary.add_entry(db, actor, "episode", {"started_at": started_at, "peak_intensity": 5})
    with db.transaction() as session:
        stored = session.scalars(select(Episode.started_at).where(Episode.id == saved.id)).one()
    assert stored == saved.started_at
    return stored


def day(text: str) -> date:
    return date.fromisoformat(text)


# --- today ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "instant", "today"),
    [
        ("UTC", AUCKLAND_IS_AHEAD, "2026-03-15"),
        ("Pacific/Auckland", AUCKLAND_IS_AHEAD, "2026-03-16"),
        ("America/New_York", AUCKLAND_IS_AHEAD, "2026-03-15"),
        ("UTC", NEW_YORK_IS_BEHIND, "2026-03-15"),
        ("Pacific/Auckland", NEW_YORK_IS_BEHIND, "2026-03-15"),
        ("America/New_York", NEW_YORK_IS_BEHIND, "2026-03-14"),
    ],
)
def test_today_is_the_day_it_is_where_the_person_lives(
    db: Database,
    actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    instant: datetime,
    today: str,
) -> None:
    freeze(monkeypatch, instant)
    person = in_zone(db, actor, zone)
    assert person.today() == day(today)
    assert person.context().today == day(today)


@pytest.mark.parametrize(
    ("zone", "today"),
    [("UTC", "2026-03-15"), ("Pacific/Auckland", "2026-03-16"), ("America/New_York", "2026-03-15")],
)
def test_a_checkin_may_be_for_the_persons_today_but_not_their_tomorrow(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch, zone: str, today: str
) -> None:
    freeze(monkeypatch, AUCKLAND_IS_AHEAD)
    person = in_zone(db, actor, zone)
    saved = diary.add_checkin(db, person, {"day": today, "pain": 3})
    assert saved.day == day(today)
    tomorrow = date.fromordinal(day(today).toordinal() + 1).isoformat()
    with pytest.raises(InvalidInput) as refused:
        diary.add_checkin(db, person, {"day": tomorrow, "pain": 3})
    assert [p.field for p in refused.value.problems] == ["day"]
    assert today in refused.value.problems[0].message


# --- local wall-clock times -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "typed", "stored"),
    [
        # Entered in January: a July time keeps July's offset, not today's.
        ("America/New_York", "2025-07-01 09:30", datetime(2025, 7, 1, 13, 30, tzinfo=UTC)),
        ("America/New_York", "2026-01-10 09:30", datetime(2026, 1, 10, 14, 30, tzinfo=UTC)),
        ("Pacific/Auckland", "2025-07-01 09:30", datetime(2025, 6, 30, 21, 30, tzinfo=UTC)),
        ("Pacific/Auckland", "2026-01-10 09:30", datetime(2026, 1, 9, 20, 30, tzinfo=UTC)),
        ("UTC", "2025-07-01 09:30", datetime(2025, 7, 1, 9, 30, tzinfo=UTC)),
        ("UTC", "2026-01-10T09:30", datetime(2026, 1, 10, 9, 30, tzinfo=UTC)),
    ],
)
def test_a_local_time_is_stored_at_the_offset_its_own_date_had(
    db: Database,
    actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    typed: str,
    stored: datetime,
) -> None:
    freeze(monkeypatch, NORTHERN_WINTER)
    assert episode_start(db, in_zone(db, actor, zone), typed) == stored


@pytest.mark.parametrize("zone", ZONES)
def test_an_explicit_offset_wins_over_the_persons_zone(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch, zone: str
) -> None:
    freeze(monkeypatch, NORTHERN_WINTER)
    person = in_zone(db, actor, zone)
    started = episode_start(db, person, "2026-01-10T09:30:00+01:00")
    assert started == datetime(2026, 1, 10, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "typed"),
    [
        ("America/New_York", "2026-03-08 02:30"),  # 02:00 EST became 03:00 EDT
        ("America/New_York", "2026-03-08 02:00"),
        ("Pacific/Auckland", "2025-09-28 02:30"),  # 02:00 NZST became 03:00 NZDT
    ],
)
def test_a_time_in_the_hour_the_clocks_skipped_is_refused_with_why(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch, zone: str, typed: str
) -> None:
    freeze(monkeypatch, datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    person = in_zone(db, actor, zone)
    with pytest.raises(InvalidInput) as refused:
        episode_start(db, person, typed)
    (problem,) = refused.value.problems
    assert problem.field == "started_at"
    assert "clocks went forward" in problem.message
    assert typed in problem.message
    assert diary.list_diary(db, person, day("2025-01-01"), day("2026-03-15")).episodes == []


@pytest.mark.parametrize(
    ("zone", "typed", "stored"),
    [
        ("America/New_York", "2026-03-08 01:59", datetime(2026, 3, 8, 6, 59, tzinfo=UTC)),
        ("America/New_York", "2026-03-08 03:00", datetime(2026, 3, 8, 7, 0, tzinfo=UTC)),
        ("UTC", "2026-03-08 02:30", datetime(2026, 3, 8, 2, 30, tzinfo=UTC)),
        ("Pacific/Auckland", "2026-03-08 02:30", datetime(2026, 3, 7, 13, 30, tzinfo=UTC)),
    ],
)
def test_times_around_a_skipped_hour_or_in_another_zone_are_accepted(
    db: Database,
    actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    typed: str,
    stored: datetime,
) -> None:
    freeze(monkeypatch, datetime(2026, 3, 15, 12, 0, tzinfo=UTC))
    assert episode_start(db, in_zone(db, actor, zone), typed) == stored


@pytest.mark.parametrize(
    ("zone", "typed", "stored"),
    [
        # 01:30 happens twice in New York that night: the first time is still EDT (-04:00).
        ("America/New_York", "2026-11-01 01:30", datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        # 02:30 happens twice in Auckland that night: the first time is still NZDT (+13:00).
        ("Pacific/Auckland", "2026-04-05 02:30", datetime(2026, 4, 4, 13, 30, tzinfo=UTC)),
        ("UTC", "2026-11-01 01:30", datetime(2026, 11, 1, 1, 30, tzinfo=UTC)),
    ],
)
def test_a_time_that_happened_twice_is_read_as_the_first(
    db: Database,
    actor: Actor,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    typed: str,
    stored: datetime,
) -> None:
    freeze(monkeypatch, LATE_IN_THE_YEAR)
    assert episode_start(db, in_zone(db, actor, zone), typed) == stored


# --- listings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("zone", "days"),
    [
        ("UTC", {"early": "2026-03-15", "late": "2026-03-15"}),
        ("Pacific/Auckland", {"early": "2026-03-15", "late": "2026-03-16"}),
        ("America/New_York", {"early": "2026-03-14", "late": "2026-03-15"}),
    ],
)
def test_the_diary_lists_each_entry_on_the_persons_own_day(
    db: Database, actor: Actor, frozen_clock: datetime, zone: str, days: dict[str, str]
) -> None:
    person = in_zone(db, actor, zone)
    instants = {"early": "2026-03-15T03:00:00Z", "late": "2026-03-15T11:00:00Z"}
    ids = {
        name: diary.add_entry(db, person, "episode", {"started_at": at, "peak_intensity": 4}).id
        for name, at in instants.items()
    }
    for listed_day in ("2026-03-14", "2026-03-15", "2026-03-16"):
        page = diary.list_diary(db, person, day(listed_day), day(listed_day))
        expected = {ids[name] for name, on in days.items() if on == listed_day}
        assert {e.id for e in page.episodes} == expected, listed_day


def test_two_people_in_different_zones_each_see_their_own_today(
    db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    freeze(monkeypatch, AUCKLAND_IS_AHEAD)
    new_yorker = in_zone(db, actor, "America/New_York")
    with db.transaction() as session:
        kiwi = User(email="kiwi@example.org", created_at=AUCKLAND_IS_AHEAD, timezone="UTC")
        session.add(kiwi)
        session.flush()
        kiwi_id = kiwi.id
    aucklander = in_zone(db, actor_for(db, kiwi_id), "Pacific/Auckland")

    assert actor_for(db, kiwi_id).timezone == "Pacific/Auckland"
    assert actor_for(db, new_yorker.user_id).timezone == "America/New_York"
    assert (new_yorker.today(), aucklander.today()) == (day("2026-03-15"), day("2026-03-16"))

    diary.add_checkin(db, aucklander, {"day": "2026-03-16", "pain": 2})
    with pytest.raises(InvalidInput):
        diary.add_checkin(db, new_yorker, {"day": "2026-03-16", "pain": 2})
    diary.add_checkin(db, new_yorker, {"day": "2026-03-15", "pain": 7})

    last_week = (day("2026-03-09"), day("2026-03-16"))
    assert [c.pain for c in diary.list_diary(db, aucklander, *last_week).checkins] == [2]
    assert [c.pain for c in diary.list_diary(db, new_yorker, *last_week).checkins] == [7]


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["Mars/Olympus", "", "../../etc/localtime", "/etc/localtime", "America/New_York\x00"]
)
def test_an_unknown_time_zone_is_refused_by_name_and_the_old_one_kept(
    db: Database, actor: Actor, name: str
) -> None:
    person = in_zone(db, actor, "Pacific/Auckland")
    with pytest.raises(InvalidInput) as refused:
        change_settings(db, person, {"timezone": name})
    assert [p.field for p in refused.value.problems] == ["timezone"]
    assert actor_for(db, person.user_id).timezone == "Pacific/Auckland"
    with db.transaction() as session:
        assert UserRepo(session).get(person.user_id).timezone == "Pacific/Auckland"
