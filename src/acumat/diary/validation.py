"""Turning raw input into validated diary models, with errors that name the field.

Every interface reports refusals through :func:`problems_from_errors`, so a person reads
the same sentence for the same mistake in the terminal, the browser and the API.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from acumat.errors import InvalidInput, Problem

M = TypeVar("M", bound=BaseModel)

BOUND_WORDS = {
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
}


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "is not a field of this entry; remove it"
    if kind == "missing":
        return "is required"
    if kind == "json_invalid":
        return "is not valid JSON; send one JSON object"
    if kind in BOUND_WORDS:
        key, words = BOUND_WORDS[kind]
        return f"must be {words} {error['ctx'][key]} (got {error['input']})"
    return str(error["msg"]).removeprefix("Value error, ")


def problems_from_errors(
    errors: Iterable[Mapping[str, Any]], skip: tuple[str, ...] = ()
) -> list[Problem]:
    """One :class:`Problem` per pydantic error; ``skip`` drops location parts like ``body``."""
    problems = []
    for error in errors:
        parts = [str(p) for p in error["loc"] if p not in skip]
        if error["type"] == "json_invalid":
            parts = []
        problems.append(Problem(".".join(parts) or "entry", _message(error)))
    return problems


def parse(schema: type[M], raw: dict[str, Any]) -> M:
    """Validate ``raw`` against ``schema`` or raise :class:`InvalidInput` naming each field."""
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(problems_from_errors(exc.errors(include_url=False))) from exc
