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
    """

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__([Problem(item, "needs an answer") for item in missing])


class RuleDataError(ValueError):
    """The rule, item or source files shipped with acumat are inconsistent."""
