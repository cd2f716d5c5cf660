"""Errors of the safety room.

InvalidInput (acumat.errors)
└── ScreeningIncomplete    required questions that apply are unanswered; ``missing`` lists them
RuleDataError (ValueError) the packaged rule data is malformed: a bug, never the user's fault
"""

from __future__ import annotations

from acumat.errors import InvalidInput, Problem


class ScreeningIncomplete(InvalidInput):
    """Some required questions that apply to this person have no answer; nothing was decided.

    acumat never fills a gap with a default, because a silent "no" could hide an emergency.
    Each gap is a problem coded ``required`` that says what to give, from the question's own
    range or choices (:func:`acumat.safety.answers.missing_answer`).
    """

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__([_missing(item) for item in missing])


def _missing(item_id: str) -> Problem:
    from acumat.safety.answers import missing_answer  # answers → loader → errors: not at import
    from acumat.safety.loader import load_ruleset

    item = load_ruleset().items.get(item_id)
    if item is None:  # a question of another rule set (tests build their own)
        return Problem(item_id, "is required", "required")
    return missing_answer(item)


class RuleDataError(ValueError):
    """The rule, item or source files shipped with acumat are inconsistent."""
