"""Turning raw input into validated diary models, with errors that name the field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from acumat.errors import InvalidInput, Problem

M = TypeVar("M", bound=BaseModel)


def problems_from(exc: ValidationError) -> list[Problem]:
    """One :class:`Problem` per pydantic error, phrased for a person."""
    problems = []
    for error in exc.errors(include_url=False):
        field = ".".join(str(part) for part in error["loc"]) or "entry"
        message = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "is not a field of this entry; remove it"
        elif error["type"] == "missing":
            message = "is required"
        problems.append(Problem(field, message))
    return problems


def parse(schema: type[M], raw: dict[str, Any]) -> M:
    """Validate ``raw`` against ``schema`` or raise :class:`InvalidInput` naming each field."""
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        raise InvalidInput(problems_from(exc)) from exc
