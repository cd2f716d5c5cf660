"""Checking a person's answers against the item bank, and the skip logic over them.

Answers come from forms, JSON files and the terminal, so numbers may arrive as digit strings and
choices in any case. Everything is checked here once; the engine only sees clean answers.
"""

from __future__ import annotations

from collections.abc import Mapping

from acumat.errors import InvalidInput, Problem
from acumat.safety.conditions import Answer, Facts
from acumat.safety.model import Item, NumberRange, RuleSet


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
        value = None if item is None else _coerce(item, answers[key])
        if item is None:
            problems.append(Problem(str(key), "is not a screening question; check the item id"))
        elif value is None:
            problems.append(Problem(key, _allowed(item)))
        else:
            clean[key] = value
    return clean, problems


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


def _coerce(item: Item, value: object) -> Answer | None:
    if isinstance(item.answers, NumberRange):
        return _number(item.answers, value)
    if isinstance(value, str) and value.strip().lower() in item.answers:
        return value.strip().lower()
    return None


MAX_DIGITS = 6  # more digits than any allowed number has: refused before it is read


def _number(allowed: NumberRange, value: object) -> int | None:
    text = value.strip() if isinstance(value, str) else ""
    if text and len(text) <= MAX_DIGITS and text.isascii() and text.isdigit():
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if allowed.min <= value <= allowed.max else None


def _allowed(item: Item) -> str:
    if isinstance(item.answers, NumberRange):
        return f"must be a whole number from {item.answers.min} to {item.answers.max}"
    return "must be one of " + ", ".join(item.answers)
