"""Refused and missing answers are coded facts, worded from the question's own range."""

from __future__ import annotations

import pytest

from acumat.errors import InvalidInput, Problem
from acumat.safety import ScreeningIncomplete, load_ruleset, triage
from acumat.safety.answers import missing_answer, split_valid
from acumat.safety.model import NumberRange
from tests.safety.kit import complete


def refusal(item_id: str, value: object) -> Problem:
    clean, problems = split_valid({item_id: value}, load_ruleset())
    assert clean == {}
    (problem,) = problems
    return problem


def test_a_missing_number_is_required_with_the_questions_own_range() -> None:
    age = load_ruleset().items["age"]
    assert isinstance(age.answers, NumberRange)
    problem = missing_answer(age)
    assert (problem.field, problem.code) == ("age", "required")
    assert dict(problem.params) == {"minimum": age.answers.min, "maximum": age.answers.max}
    assert problem.message == f"is required: a whole number from {age.answers.min} to 120"


def test_a_missing_choice_is_required_with_its_choices() -> None:
    problem = missing_answer(load_ruleset().items["fever"])
    assert problem.code == "required"
    assert dict(problem.params) == {"allowed": ["yes", "no", "unsure"]}
    assert problem.message == "is required: one of yes, no, unsure"


def test_an_incomplete_screening_names_each_gap_as_required() -> None:
    with pytest.raises(ScreeningIncomplete) as caught:
        triage({"fever": "no"})
    by_field = {p.field: p for p in caught.value.problems}
    assert {p.code for p in by_field.values()} == {"required"}
    assert by_field["age"].message == "is required: a whole number from 16 to 120"


@pytest.mark.parametrize(
    ("value", "code", "params"),
    [
        (200, "too_big", {"minimum": 16, "maximum": 120, "given": 200}),
        ("forty", "not_whole_number", {"minimum": 16, "maximum": 120}),
        (True, "not_whole_number", {"minimum": 16, "maximum": 120}),
        ("12", "below_minimum_age", {"minimum": 16, "maximum": 120, "given": 12}),
        (0, "below_minimum_age", {"minimum": 16, "maximum": 120, "given": 0}),
    ],
)
def test_a_refused_age_is_coded_with_the_range(
    value: object, code: str, params: dict[str, int]
) -> None:
    problem = refusal("age", value)
    assert (problem.field, problem.code, dict(problem.params)) == ("age", code, params)


def test_an_age_under_16_is_advice_to_see_a_doctor_not_a_range_error() -> None:
    problem = refusal("age", 12)
    assert "aged 16 and over" in problem.message
    assert "should be seen by their {doctor}" in problem.message  # the service localises it
    assert "got 12" in problem.message


def test_a_number_below_another_questions_range_is_only_too_small() -> None:
    problem = refusal("pain_now", -1)
    assert (problem.code, dict(problem.params)) == (
        "too_small",
        {"minimum": 0, "maximum": 10, "given": -1},
    )


def test_a_choice_not_allowed_and_an_unknown_question_are_coded() -> None:
    assert refusal("fever", "maybe").code == "unknown_word"
    assert refusal("fever", "maybe").params["allowed"] == ["yes", "no", "unsure"]
    assert refusal("favourite_colour", "blue").code == "unknown_field"


def test_an_under_16_answer_never_hides_an_urgent_one() -> None:
    result = triage({"age": 12, "saddle_numbness": "yes"})
    assert result.urgency.is_urgent
    assert [(r.field, r.code) for r in result.refused] == [("age", "below_minimum_age")]


def test_an_under_16_answer_alone_is_refused_and_nothing_is_judged() -> None:
    with pytest.raises(InvalidInput) as caught:
        triage({**complete({}), "age": 12})
    assert [p.code for p in caught.value.problems] == ["below_minimum_age"]
