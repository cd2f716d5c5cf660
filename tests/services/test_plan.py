"""The plan service: the planner fed from the stored safety result, sessions and settings."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.services import diary, screening
from acumat.services import plan as service
from acumat.services.settings import change_settings, read_settings
from acumat.store.engine import Database
from tests.safety.kit import complete

TODAY = date(2026, 3, 15)
PREGNANT = {"pregnant": "yes"}
pytestmark = pytest.mark.usefixtures("frozen_clock")


def ok(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))


def session(db: Database, actor: Actor, days_ago: int, minutes: float, **values: object) -> None:
    start = datetime(2026, 3, 15, 8, 0, tzinfo=actor.zone) - timedelta(days=days_ago)
    raw = {"started_at": start, "actual_minutes": minutes, "fabric_layer": True, **values}
    diary.add_entry(db, actor, "session", raw)


def test_nothing_is_planned_before_the_safety_questions(db: Database, actor: Actor) -> None:
    result = service.current_plan(db, actor)
    assert result.contract() == {
        "verdict": None,
        "status": result.status,
        "sessions": [],
    }
    assert "answer the safety questions first" in result.status


def test_an_ok_result_plans_a_short_first_session_today(db: Database, actor: Actor) -> None:
    ok(db, actor)
    result = service.current_plan(db, actor)
    assert result.verdict == "ok"
    first = result.sessions[0]
    assert (first.date, first.minutes, first.fabric_layer) == (TODAY, 5, True)


def test_stored_sessions_move_the_plan(db: Database, actor: Actor) -> None:
    ok(db, actor)
    session(db, actor, 2, 5, planned_minutes=5, pain_before=5, pain_after=4)
    session(db, actor, 1, 10, planned_minutes=10, pain_before=5, pain_after=3)
    assert service.current_plan(db, actor).sessions[0].minutes == 15
    session(db, actor, 0, 6, planned_minutes=15, stopped_early=True, stop_reason="more_pain")
    after_a_bad_one = service.current_plan(db, actor)
    assert after_a_bad_one.sessions[0].minutes == 10
    assert after_a_bad_one.sessions[0].date == TODAY + timedelta(days=1)


def test_a_do_not_use_result_plans_nothing(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete(PREGNANT))
    result = service.current_plan(db, actor)
    assert result.sessions == ()
    assert result.verdict is not None


def test_skin_damage_pauses_until_the_person_says_it_healed(db: Database, actor: Actor) -> None:
    ok(db, actor)
    session(db, actor, 3, 15, pain_before=4, pain_after=3, skin_reaction="bruising")
    assert service.current_plan(db, actor).sessions == ()
    with pytest.raises(InvalidInput) as refused:
        service.record_skin_healed(db, actor, TODAY + timedelta(days=1))
    assert refused.value.problems[0].code == "future_day"
    restarted = service.record_skin_healed(db, actor)
    assert restarted.sessions[0].minutes == 5
    assert "your skin has healed" in restarted.sessions[0].reason


def test_the_persons_own_limit_caps_the_plan(db: Database, actor: Actor) -> None:
    ok(db, actor)
    session(db, actor, 1, 33, pain_before=4, pain_after=3, fabric_layer=False)
    assert service.current_plan(db, actor).sessions[0].minutes == 30
    change_settings(db, actor, {"mat_cap": 40})
    assert read_settings(db, actor).mat_cap == 40
    assert service.current_plan(db, actor).sessions[0].minutes == 38
    with pytest.raises(InvalidInput) as refused:
        change_settings(db, actor, {"mat_cap": 41})
    assert refused.value.problems[0].field == "mat_cap"
    assert read_settings(db, actor).mat_cap == 40
