"""The care service: which guides a person is offered, a guide readied for its timer, and
the minutes done stored as a care activity that has just ended."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta

import pytest

from acumat.actor import Actor
from acumat.diary.schemas import CareOut
from acumat.errors import InvalidInput
from acumat.services import care, diary, screening
from acumat.store.engine import Database
from tests.safety.kit import complete

TODAY = date(2026, 3, 15)
pytestmark = pytest.mark.usefixtures("frozen_clock")


def answered(db: Database, actor: Actor, **answers: str) -> None:
    screening.record_screening(db, actor, complete(answers))


def stored_care(db: Database, actor: Actor) -> list[CareOut]:
    return list(diary.list_diary(db, actor, TODAY - timedelta(days=7), TODAY).care)


# --- which guides ------------------------------------------------------------------------------


def test_everyone_is_offered_every_guide_before_any_answers(db: Database, actor: Actor) -> None:
    choice = care.care_choice(db, actor)
    assert [g.id for g in choice.offered] == ["heat", "cold", "stretching", "walking"]
    assert choice.left_out == []


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_numb_skin_leaves_out_warmth_and_cold(db: Database, actor: Actor, answer: str) -> None:
    answered(db, actor, numb_skin=answer)
    choice = care.care_choice(db, actor)
    assert [g.id for g in choice.left_out] == ["heat", "cold"]
    assert [g.id for g in choice.offered] == ["stretching", "walking"]


def test_the_newest_answer_about_numb_skin_decides(db: Database, actor: Actor) -> None:
    answered(db, actor, numb_skin="yes")
    answered(db, actor, numb_skin="no")
    assert care.care_choice(db, actor).left_out == []


# --- finding a guide ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("heat", "heat"),
        ("HEAT", "heat"),
        ("Warmth", "heat"),
        ("  gentle   STRETCHES ", "stretching"),
        ("a short walk", "walking"),
        ("Cold", "cold"),
    ],
)
def test_a_guide_is_found_by_its_id_or_title_in_any_case(name: str, found: str) -> None:
    assert care.find_guide(name).id == found


@pytest.mark.parametrize("name", ["sauna", "", "other", "warm", "heat pack"])
def test_an_unknown_guide_names_itself_and_the_choices(name: str) -> None:
    with pytest.raises(care.UnknownGuide) as refused:
        care.find_guide(name)
    assert refused.value.name == name
    assert refused.value.choices == ["heat", "cold", "stretching", "walking"]


# --- readying the timer -------------------------------------------------------------------------


def test_a_guide_is_timed_for_its_own_length_unless_chosen(db: Database, actor: Actor) -> None:
    own = care.prepare_timer(db, actor, "heat")
    assert (own.guide.id, own.minutes, own.chosen) == ("heat", 15, False)
    assert own.timing.total == 900
    chosen = care.prepare_timer(db, actor, "heat", 0.05)
    assert (chosen.minutes, chosen.chosen) == (0.05, True)
    assert not care.prepare_timer(db, actor, "heat", 15).chosen


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_warmth_and_cold_are_refused_for_numb_skin_with_the_other_guides(
    db: Database, actor: Actor, answer: str
) -> None:
    answered(db, actor, numb_skin=answer)
    for name in ("heat", "Cold"):
        with pytest.raises(care.GuideLeftOut) as refused:
            care.prepare_timer(db, actor, name)
        assert [g.id for g in refused.value.others] == ["stretching", "walking"]
    assert care.prepare_timer(db, actor, "walking").guide.id == "walking"


@pytest.mark.parametrize("minutes", [0, -1, 240.01, 1000])
def test_a_length_outside_0_to_240_minutes_is_refused(
    db: Database, actor: Actor, minutes: float
) -> None:
    with pytest.raises(InvalidInput) as refused:
        care.prepare_timer(db, actor, "walking", minutes)
    [problem] = refused.value.problems
    assert problem.field == "minutes"
    assert "more than 0 and at most 240" in problem.message


def test_240_minutes_is_the_longest_timer(db: Database, actor: Actor) -> None:
    assert care.prepare_timer(db, actor, "walking", 240).minutes == 240


def test_cautions_and_steps_are_in_the_persons_regional_words(db: Database, actor: Actor) -> None:
    british = care.prepare_timer(db, actor, "stretching")
    american = care.prepare_timer(db, dataclasses.replace(actor, region="US"), "stretching")
    assert "ask your GP or a physiotherapist" in british.cautions[0]
    assert "ask your doctor or a physiotherapist" in american.cautions[0]
    assert not any("{" in line for line in (*british.cautions, *british.steps))
    assert british.steps[0].startswith("Lie on your back")


def test_warmth_has_no_moves_and_no_rest_cue(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "heat")
    assert timer.moves == ()
    assert timer.rest_at is None
    assert not timer.rest_due(-1, 10_000)


def test_stretches_start_one_after_another_at_their_own_times(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "stretching")
    starts = [(c.number, c.move.id, c.at, c.seconds) for c in timer.moves]
    assert starts == [
        (1, "knee-to-chest", 0, 120),
        (2, "knee-rolls", 120, 90),
        (3, "pelvic-tilt", 210, 90),
        (4, "cat-cow", 300, 90),
        (5, "childs-pose", 390, 60),
    ]
    assert timer.rest_at == 450  # 7.5 minutes of moves in a 10-minute timer


def test_each_move_is_due_once_as_its_time_comes(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "stretching")
    assert [c.number for c in timer.moves_due(-1, 0)] == [1]
    assert timer.moves_due(0, 119.9) == []
    assert [c.number for c in timer.moves_due(119.9, 120)] == [2]
    assert [c.number for c in timer.moves_due(100, 400)] == [2, 3, 4, 5]
    assert not timer.rest_due(400, 449)
    assert timer.rest_due(449, 451)


def test_a_short_try_fits_every_move_in_and_leaves_no_rest(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "stretching", 0.05)  # three seconds
    assert len(timer.moves) == 5
    assert timer.moves[-1].at + timer.moves[-1].seconds == pytest.approx(3)
    assert timer.moves[0].seconds == pytest.approx(0.8)
    assert timer.rest_at is None
    assert [c.number for c in timer.moves_due(-1, 3)] == [1, 2, 3, 4, 5]


def test_a_longer_timer_keeps_the_moves_own_times(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "stretching", 30)
    assert [c.seconds for c in timer.moves] == [120, 90, 90, 90, 60]
    assert timer.rest_at == 450


# --- saving what was done ----------------------------------------------------------------------


def test_a_finished_timer_is_stored_as_care_that_just_ended(
    db: Database, actor: Actor, frozen_clock: datetime
) -> None:
    timer = care.prepare_timer(db, actor, "heat", 0.05)
    saved = care.save_timed(db, actor, timer, 3.2)
    assert saved is not None
    assert (saved.kind, saved.minutes) == ("heat", 0.05)
    assert saved.started_at == frozen_clock - timedelta(minutes=0.05)
    assert stored_care(db, actor) == [saved]


def test_a_stopped_timer_stores_the_minutes_done(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "walking")
    saved = care.save_timed(db, actor, timer, 95)
    assert saved is not None
    assert (saved.kind, saved.minutes) == ("walking", 1.58)


def test_the_minutes_stored_are_never_more_than_timed(db: Database, actor: Actor) -> None:
    timer = care.prepare_timer(db, actor, "stretching", 2)
    saved = care.save_timed(db, actor, timer, 500)
    assert saved is not None
    assert saved.minutes == 2


@pytest.mark.parametrize("seconds", [0, 0.2])
def test_a_timer_stopped_before_any_time_passed_stores_nothing(
    db: Database, actor: Actor, seconds: float
) -> None:
    timer = care.prepare_timer(db, actor, "cold")
    assert care.save_timed(db, actor, timer, seconds) is None
    assert stored_care(db, actor) == []
