"""Refusals are facts: each names its field, a code and the params the wording needs, and
none carries pydantic's own sentence."""

from __future__ import annotations

from typing import Any

import pytest

from acumat.diary.schemas import CareIn, CheckInIn, EpisodeIn, MatSessionIn
from acumat.diary.vocabulary import CARE_KINDS, STOP_REASONS, TRIGGERS
from acumat.errors import InvalidInput, Problem
from acumat.validation import parse
from tests.conftest import UTC_TIME
from tests.present.wording import library_words

CHECKIN = {"day": "2026-03-14", "pain": 3}
EPISODE = {"started_at": "2026-03-14T09:00:00Z", "peak_intensity": 5}
SESSION = {"started_at": "2026-03-14T20:00:00Z", "actual_minutes": 10}
CARE = {"started_at": "2026-03-14T20:00:00Z", "kind": "heat", "minutes": 15}

CASES: list[tuple[type, dict[str, Any], str, str, dict[str, Any]]] = [
    (CheckInIn, {**CHECKIN, "pain": 11}, "pain", "too_big", {"maximum": 10, "given": 11}),
    (CheckInIn, {**CHECKIN, "pain": -1}, "pain", "too_small", {"minimum": 0, "given": -1}),
    (CheckInIn, {"day": "2026-03-14"}, "pain", "required", {}),
    (CheckInIn, {**CHECKIN, "pain": "4.5"}, "pain", "not_whole_number", {}),
    (CheckInIn, {**CHECKIN, "pain": True}, "pain", "not_whole_number", {}),
    (CheckInIn, {**CHECKIN, "pain": 10**25}, "pain", "too_big", {}),
    (CheckInIn, {**CHECKIN, "hours_sitting": "lots"}, "hours_sitting", "not_a_number", {}),
    (CheckInIn, {**CHECKIN, "took_pain_relief": "maybe"}, "took_pain_relief", "not_yes_no", {}),
    (CheckInIn, {**CHECKIN, "day": "yesterday"}, "day", "not_a_day", {}),
    (CheckInIn, {**CHECKIN, "day": "2026-02-30"}, "day", "not_a_real_day", {}),
    (CheckInIn, {**CHECKIN, "day": "2026-03-16"}, "day", "future_day", {}),
    (CheckInIn, {**CHECKIN, "day": "1800-01-01"}, "day", "out_of_window", {}),
    (CheckInIn, {**CHECKIN, "note": "x" * 2001}, "note", "too_long", {"max_length": 2000}),
    (CheckInIn, {**CHECKIN, "note": "a\x00b"}, "note", "has_nul", {}),
    (CheckInIn, {**CHECKIN, "mood": 3}, "mood", "unknown_field", {}),
    (EpisodeIn, {**EPISODE, "started_at": "soon"}, "started_at", "not_a_time", {}),
    (EpisodeIn, {**EPISODE, "started_at": "2026-03-16T09:00Z"}, "started_at", "future_time", {}),
    (
        EpisodeIn,
        {**EPISODE, "ended_at": "2026-03-14T08:00:00Z"},
        "ended_at",
        "ends_before_start",
        {},
    ),
    (
        EpisodeIn,
        {**EPISODE, "triggers": ["lifting", "weather"]},
        "triggers",
        "unknown_word",
        {"given": "weather", "allowed": list(TRIGGERS)},
    ),
    (EpisodeIn, {**EPISODE, "triggers": "lifting"}, "triggers", "not_a_list", {}),
    (CareIn, {**CARE, "kind": "sauna"}, "kind", "unknown_word", {"allowed": list(CARE_KINDS)}),
    (
        CareIn,
        {**CARE, "minutes": 0},
        "minutes",
        "too_small",
        {"minimum": 0, "given": 0, "exclusive": True},
    ),
    (
        MatSessionIn,
        {**SESSION, "stopped_early": True},
        "stop_reason",
        "reason_required",
        {"allowed": list(STOP_REASONS)},
    ),
    (
        MatSessionIn,
        {**SESSION, "stop_reason": "skin"},
        "stop_reason",
        "reason_not_allowed",
        {},
    ),
]


def refused(schema: type, raw: dict[str, Any]) -> Problem:
    with pytest.raises(InvalidInput) as caught:
        parse(schema, raw, UTC_TIME)
    (problem,) = caught.value.problems
    return problem


@pytest.mark.parametrize(("schema", "raw", "field", "code", "params"), CASES)
def test_each_refusal_is_a_coded_fact_with_our_own_sentence(
    schema: type, raw: dict[str, Any], field: str, code: str, params: dict[str, Any]
) -> None:
    problem = refused(schema, raw)
    assert (problem.field, problem.code) == (field, code)
    assert {k: problem.params[k] for k in params} == params
    assert library_words(problem.message) == []


def test_the_plain_sentence_programs_rely_on_is_kept() -> None:
    assert refused(CheckInIn, {**CHECKIN, "pain": 11}).message == "must be at most 10 (got 11)"
    assert refused(CareIn, {**CARE, "kind": "sauna"}).message == (
        "must be one of: heat, cold, stretching, walking, other"
    )


def test_a_problem_still_reads_as_field_and_message() -> None:
    assert str(Problem("pain", "is required", "required")) == "pain: is required"
    assert Problem("pain", "is required") == Problem("pain", "is required", "invalid", {"x": 1})
