"""Insights from a real diary: the right days compared in the person's own time zone, numbers
only when there is enough, and readings that never claim a cause."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from acumat.actor import Actor
from acumat.services import diary
from acumat.services.insights import as_data, insights
from acumat.store.engine import Database

TODAY = date(2026, 3, 15)


def _day(offset: int) -> date:
    return TODAY - timedelta(days=offset)


def _fill(db: Database, actor: Actor) -> None:
    """Twelve days: a mat session on the even ones (pain 3 those days, 6 the others)."""
    for offset in range(12):
        day = _day(offset)
        mat_day = offset % 2 == 0
        diary.add_checkin(
            db,
            actor,
            {"day": day, "pain": 3 if mat_day else 6, "sleep_quality": 7 if mat_day else 4},
        )
        if mat_day:
            start = datetime(day.year, day.month, day.day, 9, 0)
            diary.add_entry(
                db,
                actor,
                "session",
                {"started_at": start, "actual_minutes": 10, "pain_before": 6, "pain_after": 4},
            )


def test_nothing_logged_gives_readings_that_say_so(
    db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    found = insights(db, actor)
    assert found.trend == []
    assert all(f.estimate is None for f in found.findings)
    assert all(f.reading.startswith("Not enough yet") for f in found.findings)
    assert not [f for f in found.findings if f.key.startswith("trigger_")]


def test_session_days_are_compared_with_the_others(
    db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    _fill(db, actor)
    found = {f.key: f for f in insights(db, actor).findings}
    days = found["session_days"].estimate
    assert days is not None
    assert days.value == pytest.approx(-3.0)
    assert (days.n, days.n_other) == (6, 6)
    assert "not a fair test" in found["session_days"].reading
    change = found["session_change"].estimate
    assert change is not None
    assert change.value == pytest.approx(-2.0)
    assert "not a controlled comparison" in found["session_change"].reading
    sleep = found["sleep_pain"].estimate
    assert sleep is not None
    assert sleep.value == pytest.approx(-1.0, abs=1e-5)
    assert "A link is not a cause" in found["sleep_pain"].reading


def test_a_late_session_counts_on_the_persons_own_day(db: Database, frozen_clock: datetime) -> None:
    from acumat.services.database import local_actor
    from acumat.services.settings import change_settings

    actor = change_settings(db, local_actor(db), {"timezone": "Pacific/Auckland"})
    for offset in range(1, 7):
        diary.add_checkin(db, actor, {"day": _day(offset), "pain": 2 if offset % 2 else 7})
        if offset % 2:  # 00:30 in Auckland is still the day before in UTC
            start = datetime(2026, 3, 15 - offset, 0, 30)
            diary.add_entry(db, actor, "session", {"started_at": start, "actual_minutes": 10})
    days = {f.key: f for f in insights(db, actor).findings}["session_days"].estimate
    assert days is not None
    assert days.value == pytest.approx(-5.0)


def test_spasms_by_trigger_are_rates_with_intervals(
    db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    _fill(db, actor)
    for offset in (1, 3, 5):
        start = datetime(2026, 3, 15 - offset, 9, 0)
        diary.add_entry(
            db,
            actor,
            "episode",
            {"started_at": start, "peak_intensity": 6, "triggers": ["lifting"]},
        )
    data = as_data(insights(db, actor))
    lifting = next(f for f in data["findings"] if f["key"] == "trigger_lifting")
    assert lifting["value"] == pytest.approx(3 * 30 / 12)
    assert lifting["low"] < lifting["value"] < lifting["high"]
    assert "not proof of what causes" in lifting["reading"]
    assert set(data) == {"start", "end", "trend", "findings"}


def test_spasm_rates_count_the_days_the_diary_was_kept_even_without_check_ins(
    db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    for offset in (0, 4, 9):  # the first entry, 9 days ago, starts the diary: 10 days in all
        start = datetime(2026, 3, 15 - offset, 9, 0)
        entry = {"started_at": start, "peak_intensity": 5, "triggers": ["stress"]}
        diary.add_entry(db, actor, "episode", entry)
    stress = {f.key: f for f in insights(db, actor).findings}["trigger_stress"].estimate
    assert stress is not None
    assert stress.value == pytest.approx(3 * 30 / 10)
    assert stress.n == 10
