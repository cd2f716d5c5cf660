"""Turning raw input into validated models, with errors that name the field.

Every interface reports refusals through :func:`problems_from_errors`, so a person reads
the same sentence for the same mistake in the terminal, the browser and the API.

The field types here are strict where pydantic's lax mode would guess: ``true`` is not the
number 1, ``"١"`` (an Arabic-Indic one) is not a digit, ``0`` is not "no", NaN is not a
number of minutes, and a NUL character is refused on every database alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, PlainValidator, ValidationError

from acumat.errors import InvalidInput, Problem
from acumat.timecheck import TimeContext, validation_context

ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")
ASCII_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
FLAG_WORDS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
MAX_DIGITS = 20


def _whole(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a whole number, not true or false")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise ValueError("must be a whole number")
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise ValueError("is far too large")
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS or not ASCII_INTEGER.fullmatch(text):
            raise ValueError("must be a whole number written with the digits 0-9")
        return int(text)
    return value


def _decimal(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS or not ASCII_DECIMAL.fullmatch(text):
            raise ValueError("must be a number written with the digits 0-9, such as 7.5")
        return float(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("must be a finite number")
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise ValueError("is far too large")
    return value


def _flag(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in FLAG_WORDS:
        return FLAG_WORDS[value.strip().lower()]
    raise ValueError("must be yes or no (true or false)")


def _identity(value: object) -> str:
    if not isinstance(value, str) or not UUID_TEXT.fullmatch(value.strip()):
        raise ValueError(
            "must be a UUID such as 2f1c9a4e-7b3d-4e8a-9c21-5d6f7a8b9c0d, or left out for a "
            "new entry"
        )
    return value.strip().lower()


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain a NUL character (\\0); remove it")
    return value


AsWholeNumber = BeforeValidator(_whole)
AsDecimal = BeforeValidator(_decimal)
# A range goes before the validator (``Annotated[int, Field(ge=0, le=10), AsWholeNumber]``):
# then it is checked on the number and shows as minimum/maximum in the OpenAPI document.
WholeNumber = Annotated[int, AsWholeNumber]
Decimal = Annotated[float, AsDecimal]
Flag = Annotated[bool, BeforeValidator(_flag)]
NoNul = AfterValidator(_no_nul)
Identity = Annotated[str, PlainValidator(_identity)]
"""An entry's stable identity: a UUID in its 8-4-4-4-12 hex form, kept in lower case."""

M = TypeVar("M", bound=BaseModel)

BOUND_WORDS = {
    "less_than_equal": ("le", "at most"),
    "less_than": ("lt", "less than"),
    "greater_than_equal": ("ge", "at least"),
    "greater_than": ("gt", "more than"),
}


WHOLE = "must be a whole number written with the digits 0-9"
NUMBER = "must be a number written with the digits 0-9, such as 7.5"
DAY = "must be a day written as YYYY-MM-DD, such as 2026-03-15"
INSTANT = "must be a date and time such as 2026-03-15T08:30 (or with an offset: …T08:30+01:00)"
OBJECT = "must be a JSON object"
TYPE_WORDS = {
    "string_too_long": "must be at most {max_length} characters long",
    "string_too_short": "must be at least {min_length} characters long",
    "too_long": "must hold at most {max_length} items",
    "too_short": "must hold at least {min_length} items",
    "string_type": "must be text",
    "int_type": WHOLE,
    "int_parsing": WHOLE,
    "int_from_float": WHOLE,
    "float_type": NUMBER,
    "float_parsing": NUMBER,
    "finite_number": NUMBER,
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list (a JSON array)",
    "dict_type": OBJECT,
    "model_type": OBJECT,
    "model_attributes_type": OBJECT,
    "date_type": DAY,
    "date_parsing": DAY,
    "date_from_datetime_parsing": DAY,
    "date_from_datetime_inexact": DAY,
    "datetime_type": INSTANT,
    "datetime_parsing": INSTANT,
    "datetime_from_date_parsing": INSTANT,
}
"""People's words for pydantic's error types (its own messages are for programmers)."""


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
    if kind in TYPE_WORDS:
        return TYPE_WORDS[kind].format(**error.get("ctx", {}))
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


def parse(schema: type[M], raw: Mapping[str, Any] | BaseModel, time: TimeContext | None) -> M:
    """Validate ``raw`` against ``schema`` or raise :class:`InvalidInput` naming each field.

    ``time`` is the acting person's clock; schemas with days or times need it to judge
    "not in the future" and to read local times (a model is validated again with it).
    """
    data = raw.model_dump() if isinstance(raw, BaseModel) else dict(raw)
    context = validation_context(time) if time is not None else None
    try:
        return schema.model_validate(data, context=context)
    except ValidationError as exc:
        raise InvalidInput(problems_from_errors(exc.errors(include_url=False))) from exc
