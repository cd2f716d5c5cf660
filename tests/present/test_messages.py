"""The message catalogue: each code worded once for programs and once for people."""

from __future__ import annotations

from typing import Any

import pytest

from acumat.diary.schemas import CareIn, CheckInIn, EpisodeIn, MatSessionIn
from acumat.errors import Problem
from acumat.present.fields import field_info
from acumat.present.messages import (
    CODES,
    PLAIN,
    for_person,
    labelled,
    on_screen,
    plain,
    question_field,
)
from acumat.safety import load_ruleset
from tests.present.wording import not_for_people

PARAMS: dict[str, dict[str, Any]] = {
    "too_big": {"maximum": 10, "given": 11},
    "too_small": {"minimum": 0, "given": -1},
    "unknown_word": {"allowed": ["sharp_pain", "more_pain"], "given": "bored"},
    "too_long": {"max_length": 2000},
    "too_short": {"min_length": 2},
    "too_many": {"max_length": 6},
    "too_few": {"min_length": 1},
    "reason_required": {"allowed": ["sharp_pain", "more_pain"]},
    "below_minimum_age": {"minimum": 16, "maximum": 120, "given": 12, "doctor": "GP"},
    "limit_out_of_range": {"minimum": 1, "maximum": 500, "given": 0},
}


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_words_for_people_free_of_keys_and_codes(code: str) -> None:
    problem = Problem("stop_reason", "the plain sentence", code, PARAMS.get(code, {}))
    for info in (None, field_info(MatSessionIn, "stop_reason")):
        text = for_person(problem, info)
        assert text, code
        assert text != "the plain sentence", code
        assert not_for_people(text) == [], code


@pytest.mark.parametrize("code", sorted(PLAIN))
def test_every_coded_plain_sentence_is_written_from_the_params(code: str) -> None:
    assert plain(code, PARAMS.get(code, {}), "fallback") != "fallback"


def test_plain_sentences_keep_the_words_programs_and_files_rely_on() -> None:
    assert plain("too_big", {"maximum": 60.0, "given": 75}) == "must be at most 60 (got 75)"
    assert plain("too_small", {"minimum": 0.0, "given": 0, "exclusive": True}) == (
        "must be more than 0 (got 0)"
    )
    assert plain("unknown_word", {"allowed": ["heat", "cold"]}) == "must be one of: heat, cold"
    assert plain("required", {}) == "is required"


def test_an_uncoded_problem_keeps_its_own_sentence() -> None:
    assert for_person(Problem("age", "needs an answer")) == "needs an answer"
    assert plain("invalid", {}, "needs an answer") == "needs an answer"


@pytest.mark.parametrize(
    ("schema", "name", "problem", "expected"),
    [
        (CheckInIn, "pain", Problem("pain", "", "too_big", {"maximum": 10, "given": "11"}),
         "Back pain today: a whole number from 0 to 10 (you entered 11)"),
        (CheckInIn, "pain", Problem("pain", "", "required"),
         "Back pain today: please give a whole number from 0 to 10"),
        (CheckInIn, "hours_sitting", Problem("hours_sitting", "", "not_a_number"),
         "Hours sitting: a number of hours from 0 to 24"),
        (CareIn, "minutes", Problem("minutes", "", "too_small", {"minimum": 0, "given": 0}),
         "Minutes: a number of minutes more than 0 and up to 240 (you entered 0)"),
        (EpisodeIn, "ended_at", Problem("ended_at", "", "ends_before_start"),
         "Ended: this is before the start; check both times"),
        (EpisodeIn, "locations", Problem("locations", "", "unknown_word", {"given": "x"}),
         "Where in your back: please pick from the choices shown"),
        (CheckInIn, "day", Problem("day", "", "not_a_day"),
         "Day: a day written as year-month-day, such as 2026-03-15"),
    ],
)  # fmt: skip
def test_on_screen_puts_the_label_first_then_what_to_do(
    schema: type, name: str, problem: Problem, expected: str
) -> None:
    assert on_screen(problem, field_info(schema, name)) == expected


def test_a_label_that_asks_a_question_is_not_followed_by_a_colon() -> None:
    assert labelled("How did it end?", "please pick one") == "How did it end? Please pick one"
    assert labelled("Day", "today or earlier") == "Day: today or earlier"


def test_without_a_field_the_sentence_starts_with_a_capital() -> None:
    assert on_screen(Problem("x", "", "not_a_time"), None).startswith("A date and time")


# --- safety questions: worded from the question's own range ----------------------------------


def test_a_missing_age_says_what_to_give_from_the_questions_range() -> None:
    age = question_field(load_ruleset().items["age"])
    problem = Problem("age", "", "required", {"minimum": 16, "maximum": 120})
    assert on_screen(problem, age) == "How old are you? Please give a whole number from 16 to 120"
    assert for_person(problem) == "please give a whole number from 16 to 120"  # even unseen
    assert plain("required", problem.params) == "is required: a whole number from 16 to 120"


def test_a_missing_yes_no_answer_asks_to_pick_one() -> None:
    fever = question_field(load_ruleset().items["fever"])
    assert fever.choices == {"yes": "Yes", "no": "No", "unsure": "Not sure"}
    problem = Problem("fever", "", "required", {"allowed": ["yes", "no", "unsure"]})
    assert for_person(problem, fever) == "please pick one of the choices"


def test_an_age_too_high_names_the_range_and_what_was_entered() -> None:
    age = question_field(load_ruleset().items["age"])
    problem = Problem("age", "", "too_big", {"minimum": 16, "maximum": 120, "given": 200})
    assert for_person(problem, age) == "a whole number from 16 to 120 (you entered 200)"


@pytest.mark.parametrize(("doctor", "words"), [("GP", "their GP"), (None, "their doctor")])
def test_an_age_under_16_gets_kind_advice_to_see_their_doctor(
    doctor: str | None, words: str
) -> None:
    age = question_field(load_ruleset().items["age"])
    params: dict[str, Any] = {"minimum": 16, "given": 12}
    if doctor:
        params["doctor"] = doctor
    text = on_screen(Problem("age", "", "below_minimum_age", params), age)
    assert text.startswith("How old are you? Sorry, acumat is made for people aged 16 and over.")
    assert f"should be seen by {words}" in text
    assert "16 to 120" not in text  # advice, not a range error


def test_the_plain_under_16_sentence_keeps_the_doctor_placeholder_until_localised() -> None:
    sentence = plain("below_minimum_age", {"minimum": 16, "given": 12})
    assert sentence.startswith("is under 16 (got 12): acumat is made for people aged 16 and over")
    assert sentence.endswith("should be seen by their {doctor}")


def test_paging_refusals_are_coded_for_programs_and_people() -> None:
    assert plain("limit_out_of_range", PARAMS["limit_out_of_range"]) == (
        "must be between 1 and 500 (got 0)"
    )
    limit = Problem("limit", "", "limit_out_of_range", PARAMS["limit_out_of_range"])
    assert for_person(limit) == "a whole number from 1 to 500 (you entered 0)"
    assert "leave cursor out" in plain("bad_cursor", {})
    assert "cursor" not in for_person(Problem("cursor", "", "bad_cursor"))
