"""Checking a person's answers against the item bank, and the skip logic over them.

Answers come from forms, JSON files and the terminal, so numbers may arrive as digit strings and
choices in any case. Everything is checked here once; the engine only sees clean answers.

A refused or missing answer is a coded :class:`~acumat.errors.Problem` whose params come from
the question's own range or choices (``items.toml``), so each interface words it from the
catalogue (:mod:`acumat.present.messages`). An age under the youngest the questions are made
for is ``below_minimum_age``: kind advice to see a doctor, in the words of the person's region
once a service fills in ``{doctor}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from acumat.errors import InvalidInput, Problem
from acumat.present.messages import plain
from acumat.safety.conditions import Answer, Facts
from acumat.safety.model import Item, NumberRange, RuleSet

AGE = "age"
"""The question whose lowest allowed answer is the youngest age acumat is made for."""


def validated(answers: Mapping[str, object], ruleset: RuleSet) -> dict[str, Answer]:
    """Clean answers, or :class:`InvalidInput` naming every unknown item and refused value."""
    clean, problems = split_valid(answers, ruleset)
    if problems:
        raise InvalidInput(problems)
    return clean


def split_valid(
    answers: Mapping[str, object], ruleset: RuleSet
) -> tuple[dict[str, Answer], list[Problem]]:
    """The answers that are fine, cleaned, and a problem for each unknown item or bad value.

    Judging the valid ones on their own lets an urgent answer be acted on even when another
    answer in the same set is wrong.
    """
    clean: dict[str, Answer] = {}
    problems: list[Problem] = []
    for key in sorted(answers, key=str):
        item = ruleset.items.get(key)
        if item is None:
            problems.append(
                Problem(str(key), "is not a screening question; check the item id", "unknown_field")
            )
            continue
        value = _coerce(item, answers[key])
        if isinstance(value, Problem):
            problems.append(value)
        else:
            clean[key] = value
    return clean, problems


def missing_answer(item: Item) -> Problem:
    """The problem of a required question left unanswered, coded ``required``, with what to
    give: the question's range (``a whole number from 16 to 120``) or its choices."""
    params = _allowed_params(item)
    return Problem(item.id, plain("required", params), "required", params)


def facts_from(clean: Mapping[str, Answer]) -> Facts:
    """The facts rules are judged on: every "unsure" reads as "yes" (over-triage, P3)."""
    return Facts({key: "yes" if value == "unsure" else value for key, value in clean.items()})


def applies(item: Item, facts: Facts) -> bool:
    """Whether the question is asked, given the answers so far (its ``ask_if``)."""
    return item.ask_if is None or item.ask_if.holds(facts)


def unanswered(ruleset: RuleSet, clean: Mapping[str, Answer]) -> list[str]:
    """Required items that apply but have no answer, in the order they are asked."""
    facts = facts_from(clean)
    return [
        item.id
        for item in ruleset.items.values()
        if item.required and item.id not in clean and applies(item, facts)
    ]


def _coerce(item: Item, value: object) -> Answer | Problem:
    if isinstance(item.answers, NumberRange):
        return _number(item, item.answers, value)
    if isinstance(value, str) and value.strip().lower() in item.answers:
        return value.strip().lower()
    params = _allowed_params(item)
    return Problem(item.id, "must be one of " + ", ".join(item.answers), "unknown_word", params)


MAX_DIGITS = 6  # more digits than any allowed number has: refused before it is read


def _number(item: Item, allowed: NumberRange, value: object) -> int | Problem:
    text = value.strip() if isinstance(value, str) else ""
    if text and len(text) <= MAX_DIGITS and text.isascii() and text.isdigit():
        value = int(text)
    words = f"must be a whole number from {allowed.min} to {allowed.max}"
    bounds = _allowed_params(item)
    if isinstance(value, bool) or not isinstance(value, int):
        return Problem(item.id, words, "not_whole_number", bounds)
    params = {**bounds, "given": value}
    if value < allowed.min and item.id == AGE:
        return Problem(item.id, plain("below_minimum_age", params), "below_minimum_age", params)
    if value < allowed.min:
        return Problem(item.id, f"{words} (got {value})", "too_small", params)
    if value > allowed.max:
        return Problem(item.id, f"{words} (got {value})", "too_big", params)
    return value


def _allowed_params(item: Item) -> dict[str, Any]:
    """The facts a refusal of ``item`` is worded from: its range, or its choices."""
    if isinstance(item.answers, NumberRange):
        return {"minimum": item.answers.min, "maximum": item.answers.max}
    return {"allowed": list(item.answers)}
