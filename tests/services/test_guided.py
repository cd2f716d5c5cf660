"""The guided-session service: the length from the plan or the person, and every save."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from acumat.actor import Actor
from acumat.diary.schemas import MatSessionOut
from acumat.errors import InvalidInput
from acumat.plan.guided import UNTIL_TOLD
from acumat.services import diary, guided, screening
from acumat.services.plan import current_plan
from acumat.services.settings import change_settings
from acumat.store.engine import Database
from tests.safety.kit import complete

TODAY = date(2026, 3, 15)
pytestmark = pytest.mark.usefixtures("frozen_clock")


def ok(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))


def sessions(db: Database, actor: Actor) -> list[MatSessionOut]:
    return list(diary.list_diary(db, actor, TODAY - timedelta(days=30), TODAY).sessions)


def test_nothing_is_planned_before_the_safety_questions(db: Database, actor: Actor) -> None:
    with pytest.raises(guided.NothingPlanned) as refused:
        guided.prepare(db, actor)
    assert "answer the safety questions first" in refused.value.plan.status
    assert refused.value.plan.sessions == ()


def test_a_result_that_says_not_to_use_a_mat_prepares_nothing(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"pregnant": "yes"}))
    with pytest.raises(guided.NothingPlanned) as refused:
        guided.prepare(db, actor, 5)
    assert refused.value.plan.rules[0] == "PLAN-DO-NOT-USE"


def test_the_plan_gives_the_length_and_the_fabric_layer(db: Database, actor: Actor) -> None:
    ok(db, actor)
    prepared = guided.prepare(db, actor)
    assert (prepared.minutes, prepared.fabric_layer) == (5, True)
    assert not prepared.chosen
    assert not prepared.later_day


def test_a_chosen_length_within_the_limit_is_said_to_be_chosen(db: Database, actor: Actor) -> None:
    ok(db, actor)
    prepared = guided.prepare(db, actor, 12.5)
    assert (prepared.minutes, prepared.chosen, prepared.planned.minutes) == (12.5, True, 5)
    assert not guided.prepare(db, actor, 5).chosen


def test_a_length_above_the_persons_limit_is_refused(db: Database, actor: Actor) -> None:
    ok(db, actor)
    change_settings(db, actor, {"mat_cap": 20})
    assert guided.prepare(db, actor, 20).minutes == 20
    with pytest.raises(InvalidInput) as refused:
        guided.prepare(db, actor, 20.5)
    [problem] = refused.value.problems
    assert (problem.field, problem.params["maximum"]) == ("minutes", 20)
    assert "at most 20 minutes" in problem.message


def test_a_finished_session_is_saved_with_its_values(db: Database, actor: Actor) -> None:
    ok(db, actor)
    underway = guided.begin(guided.prepare(db, actor), actor, pain_before=6)
    saved = guided.save_finished(db, actor, underway)
    assert (saved.planned_minutes, saved.actual_minutes, saved.pain_before) == (5, 5, 6)
    assert (saved.fabric_layer, saved.stopped_early, saved.skin_reaction) == (True, False, "none")
    assert saved.started_at == datetime(2026, 3, 15, 12, 0, tzinfo=actor.zone)
    done = guided.note_afterwards(db, actor, saved.id, 4, "redness")
    assert done is not None
    assert (done.pain_after, done.skin_reaction) == (4, "redness")


def test_skipped_answers_afterwards_change_nothing(db: Database, actor: Actor) -> None:
    ok(db, actor)
    underway = guided.begin(guided.prepare(db, actor), actor, pain_before=6)
    saved = guided.save_finished(db, actor, underway)
    assert guided.note_afterwards(db, actor, saved.id, None, None) is None
    assert sessions(db, actor)[0] == saved


def test_a_stopped_session_keeps_the_minutes_done_and_then_why(db: Database, actor: Actor) -> None:
    ok(db, actor)
    underway = guided.begin(guided.prepare(db, actor), actor, pain_before=5)
    saved = guided.save_stopped(db, actor, underway, seconds=75)
    assert (saved.actual_minutes, saved.stopped_early, saved.stop_reason) == (
        1.25,
        True,
        UNTIL_TOLD,
    )
    told = guided.note_stop_reason(db, actor, saved.id, "dizzy_or_sick")
    assert told.stop_reason == "dizzy_or_sick"
    assert len(sessions(db, actor)) == 1


def test_an_unknown_stop_reason_is_refused_and_the_saved_one_kept(
    db: Database, actor: Actor
) -> None:
    ok(db, actor)
    underway = guided.begin(guided.prepare(db, actor), actor, pain_before=5)
    saved = guided.save_stopped(db, actor, underway, seconds=30)
    with pytest.raises(InvalidInput):
        guided.note_stop_reason(db, actor, saved.id, "bored")
    assert sessions(db, actor)[0] == saved


def test_the_next_plan_grows_after_a_session_that_went_well(db: Database, actor: Actor) -> None:
    ok(db, actor)
    underway = guided.begin(guided.prepare(db, actor), actor, pain_before=5)
    saved = guided.save_finished(db, actor, underway)
    guided.note_afterwards(db, actor, saved.id, 4, "none")
    after = guided.prepare(db, actor)
    assert (after.planned.minutes, after.planned.date) == (10, TODAY + timedelta(days=1))
    assert after.later_day


def test_the_next_plan_steps_back_after_a_stop_for_sharp_pain(db: Database, actor: Actor) -> None:
    ok(db, actor)
    for days_ago in (2, 1):
        start = datetime(2026, 3, 15, 8, 0, tzinfo=actor.zone) - timedelta(days=days_ago)
        minutes = 5 * (3 - days_ago)
        raw = {"started_at": start, "actual_minutes": minutes, "planned_minutes": minutes,
               "pain_before": 5, "pain_after": 4, "fabric_layer": True}  # fmt: skip
        diary.add_entry(db, actor, "session", raw)
    prepared = guided.prepare(db, actor)
    assert prepared.minutes == 15
    saved = guided.save_stopped(db, actor, guided.begin(prepared, actor, 5), seconds=120)
    guided.note_stop_reason(db, actor, saved.id, "sharp_pain")
    assert current_plan(db, actor).sessions[0].minutes == 10
