"""The guided session's arithmetic: time done and left, the two cues, and what is saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat.plan.guided import (
    END,
    HALFWAY,
    UNTIL_TOLD,
    GuidedSession,
    Timing,
    afterwards,
    whole_minutes,
)

START = datetime(2026, 3, 15, 21, 0, tzinfo=UTC)


def test_a_ten_minute_timer_counts_seconds_done_and_left() -> None:
    timing = Timing(10)
    assert timing.total == 600
    assert (timing.elapsed(90), timing.left(90)) == (90, 510)
    assert not timing.is_over(599.9)
    assert timing.is_over(600)


def test_time_done_never_runs_below_zero_or_past_the_end() -> None:
    timing = Timing(5)
    assert (timing.elapsed(-3), timing.left(-3)) == (0, 300)
    assert (timing.elapsed(900), timing.left(900)) == (300, 0)


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [(0, 0), (1, 0.02), (90, 1.5), (299.4, 4.99), (300, 5), (4000, 5)],
)
def test_minutes_done_are_kept_to_the_hundredth_and_never_above_planned(
    seconds: float, minutes: float
) -> None:
    assert Timing(5).minutes_done(seconds) == minutes


def test_the_halfway_note_comes_once_at_half_time() -> None:
    timing = Timing(10)
    assert timing.cues(0, 299) == []
    assert timing.cues(299, 300.2) == [HALFWAY]
    assert timing.cues(300.2, 300.5) == []


def test_the_end_cue_comes_when_time_is_up() -> None:
    timing = Timing(10)
    assert timing.cues(599.8, 600) == [END]
    assert timing.cues(600, 601) == []


def test_a_tick_past_both_moments_gives_only_the_end() -> None:
    assert Timing(10).cues(100, 700) == [END]


@given(
    minutes=st.floats(min_value=0.1, max_value=40),
    steps=st.lists(st.floats(min_value=0.01, max_value=200), min_size=1, max_size=80),
)
def test_any_run_of_ticks_gives_each_cue_at_most_once_and_the_end_on_time(
    minutes: float, steps: list[float]
) -> None:
    timing, last, heard = Timing(minutes), 0.0, []
    for step in steps:
        now = last + step
        heard += timing.cues(last, now)
        last = now
    assert heard.count(HALFWAY) <= 1
    assert heard.count(END) == (1 if timing.is_over(last) else 0)
    if heard.count(END):
        assert heard[-1] == END


@pytest.mark.parametrize(("minutes", "whole"), [(0.1, 1), (1, 1), (2.5, 3), (7.4, 7), (40, 40)])
def test_planned_minutes_are_saved_as_whole_minutes_of_at_least_one(
    minutes: float, whole: int
) -> None:
    assert whole_minutes(minutes) == whole


def test_a_finished_session_saves_its_planned_length_as_done() -> None:
    underway = GuidedSession(START, 10, fabric_layer=True, pain_before=6)
    assert underway.finished() == {
        "started_at": START,
        "planned_minutes": 10,
        "actual_minutes": 10,
        "pain_before": 6,
        "fabric_layer": True,
    }
    assert underway.ends_at() == START + timedelta(minutes=10)


def test_a_short_try_keeps_its_decimal_minutes_done() -> None:
    underway = GuidedSession(START, 0.1, fabric_layer=False, pain_before=3)
    saved = underway.finished()
    assert (saved["planned_minutes"], saved["actual_minutes"]) == (1, 0.1)


def test_a_stopped_session_saves_the_minutes_done_as_interrupted_until_told() -> None:
    underway = GuidedSession(START, 10, fabric_layer=True, pain_before=6)
    saved = underway.stopped(135)
    assert saved["actual_minutes"] == 2.25
    assert (saved["stopped_early"], saved["stop_reason"]) == (True, UNTIL_TOLD)
    assert underway.stopped(30, "sharp_pain")["stop_reason"] == "sharp_pain"


def test_answers_after_a_session_change_only_what_was_answered() -> None:
    assert afterwards(None, None) == {}
    assert afterwards(3, None) == {"pain_after": 3}
    assert afterwards(0, "redness") == {"pain_after": 0, "skin_reaction": "redness"}
