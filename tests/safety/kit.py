"""Helpers for writing screenings in tests: a story names only what matters; the rest is "no"."""

from __future__ import annotations

from collections.abc import Mapping

from acumat.safety import evaluate, load_ruleset, missing_items
from acumat.safety.model import NumberRange
from acumat.safety.result import TriageOut

# A 35-year-old on day 2 of a bout, moderate pain, with nothing else to report.
BASE: dict[str, str | int] = {"age": 35, "pain_now": 4, "episode_days": 2}


def complete(answers: Mapping[str, str | int], rest: str = "no") -> dict[str, str | int]:
    """``answers`` plus ``rest`` for every yes/no question that then applies, follow-ups too."""
    filled = {**BASE, **answers}
    while gaps := missing_items(filled):
        for item_id in gaps:
            if isinstance(load_ruleset().items[item_id].answers, NumberRange):
                raise AssertionError(f"a story must give the number {item_id}")
            filled[item_id] = rest
    return filled


def triage(**answers: str | int) -> TriageOut:
    """Evaluate ``answers`` completed with "no" (see :func:`complete`)."""
    return evaluate(complete(answers))


def fired(result: TriageOut) -> list[str]:
    """The rule ids behind a result, most urgent first."""
    return [reason.rule for reason in result.reasons]


def choice_items() -> list[str]:
    """Ids of every yes/no/unsure question."""
    return [i.id for i in load_ruleset().items.values() if not isinstance(i.answers, NumberRange)]
