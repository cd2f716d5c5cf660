"""Defaults every interface shares, and judging one answer at a time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat.actor import Actor
from acumat.diary.schemas import CheckInOut
from acumat.errors import InvalidInput
from acumat.services import entry_input
from acumat.store.engine import Database

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)


@given(st.floats(min_value=0, max_value=60, allow_nan=False))
def test_a_session_without_a_start_ended_now(minutes: float) -> None:
    raw = entry_input.with_defaults(
        "session", {"actual_minutes": minutes, "stopped_early": True}, NOW
    )
    assert (NOW - raw["started_at"]).total_seconds() == pytest.approx(minutes * 60, abs=1e-5)


def test_a_given_start_is_kept_and_care_without_one_has_just_ended() -> None:
    given_start = datetime(2026, 3, 15, 9, 0)
    kept = entry_input.with_defaults(
        "session", {"actual_minutes": 10, "started_at": given_start}, NOW
    )
    assert kept["started_at"] == given_start
    assert entry_input.with_defaults("care", {"kind": "heat"}, NOW)["started_at"] == NOW
    care = entry_input.with_defaults("care", {"kind": "heat", "minutes": "15"}, NOW)
    assert NOW - care["started_at"] == timedelta(minutes=15)


def test_a_zero_minute_session_that_did_not_stop_early_is_refused() -> None:
    with pytest.raises(InvalidInput, match="0 minutes that did not stop early"):
        entry_input.with_defaults("session", {"actual_minutes": 0}, NOW)
    stopped = {"actual_minutes": 0, "stopped_early": True, "stop_reason": "interrupted"}
    assert entry_input.with_defaults("session", stopped, NOW)["started_at"] == NOW


@pytest.mark.usefixtures("frozen_clock")
def test_one_answer_is_judged_without_the_ones_still_to_come() -> None:
    actor = Actor(1)
    assert (
        entry_input.answer_problems(actor, "checkin", {"day": "2026-03-15", "pain": 4}, "pain")
        == []
    )
    [problem] = entry_input.answer_problems(actor, "checkin", {"pain": 11}, "pain")
    assert problem.message == "must be at most 10 (got 11)"
    ended_first = {"started_at": "2026-03-15T09:30", "ended_at": "2026-03-15T09:00"}
    assert [
        p.field for p in entry_input.answer_problems(actor, "episode", ended_first, "ended_at")
    ] == ["ended_at"]


def test_red_flags_say_what_was_reported_and_whether_anything_was_asked() -> None:
    assert entry_input.red_flag_answers({}, True) == {}
    assert entry_input.red_flag_answers({"fever": "unsure"}, False) == {"fever": "unsure"}
    assert entry_input.red_flag_answers({}, False) is None
    with pytest.raises(InvalidInput, match="not both"):
        entry_input.red_flag_answers({"fever": "yes"}, True)


def test_every_daily_sign_not_reported_at_check_in_is_stored_as_no(
    db: Database, actor: Actor
) -> None:
    from acumat.safety import daily_signs
    from acumat.services import daily

    result = daily.check_in(db, actor, {"day": actor.today(), "pain": 3}, {"fever": "yes"})
    assert result.triage is not None
    expected = {**dict.fromkeys((i.id for i in daily_signs()), "no"), "fever": "yes"}
    assert {i.id: result.triage.answers[i.id] for i in daily_signs()} == expected
    assert entry_input.parse_red_flag(" fever ") == ("fever", "yes")
    assert entry_input.parse_red_flag("fever=Unsure") == ("fever", "unsure")


def test_replacing_names_the_stored_values_it_would_clear() -> None:
    stored = CheckInOut(
        id=1,
        uuid="2f1c9a4e-7b3d-4e8a-9c21-5d6f7a8b9c0d",
        created_at=NOW,
        updated_at=NOW,
        day=date(2026, 3, 14),
        pain=4,
        sleep_quality=6,
        took_pain_relief=False,
        note="long day",
    )
    assert entry_input.cleared_by_replacing(stored, {"day": "2026-03-14", "pain": 5}) == [
        "sleep_quality",
        "took_pain_relief",
        "note",
    ]
    assert (
        entry_input.cleared_by_replacing(
            stored, {"sleep_quality": 6, "took_pain_relief": False, "note": "x"}
        )
        == []
    )
