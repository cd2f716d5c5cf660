"""Turning raw input into validated models, with refusals as facts that name the field.

Every interface receives refusals as :class:`~acumat.errors.Problem` s from
:func:`problems_from_errors`: the field key, a code (``too_big``, ``not_a_day`` …) and its
params, never pydantic's own sentence. The catalogue in :mod:`acumat.present.messages` words
each code for the API and for people; acumat's validators raise :func:`refusal` with a code.

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
from pydantic_core import PydanticCustomError

from acumat.errors import InvalidInput, Problem
from acumat.present.messages import CODES, plain
from acumat.timecheck import TimeContext, validation_context

ASCII_INTEGER = re.compile(r"[+-]?[0-9]+")
ASCII_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)
FLAG_WORDS = {"true": True, "false": False, "yes": True, "no": False, "on": True, "off": False}
MAX_DIGITS = 20


def refusal(code: str, **params: Any) -> PydanticCustomError:
    """A validator's refusal as a fact: ``code`` and ``params``, worded by the catalogue.

    Raise it instead of ``ValueError`` so each interface can say it in its own words.
    """
    return PydanticCustomError(code, plain(code, params), params)


def _whole(value: object) -> object:
    if isinstance(value, bool):
        raise refusal("not_whole_number")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise refusal("not_whole_number")
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise refusal("too_big")
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS or not ASCII_INTEGER.fullmatch(text):
            raise refusal("not_whole_number")
        return int(text)
    return value


def _decimal(value: object) -> object:
    if isinstance(value, bool):
        raise refusal("not_a_number")
    if isinstance(value, str):
        text = value.strip()
        if len(text) > MAX_DIGITS or not ASCII_DECIMAL.fullmatch(text):
            raise refusal("not_a_number")
        return float(text)
    if isinstance(value, float) and not math.isfinite(value):
        raise refusal("not_a_number")
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        raise refusal("too_big")
    return value


def _flag(value: object) -> object:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in FLAG_WORDS:
        return FLAG_WORDS[value.strip().lower()]
    raise refusal("not_yes_no")


def _identity(value: object) -> str:
    if not isinstance(value, str) or not UUID_TEXT.fullmatch(value.strip()):
        raise refusal("not_an_identity")
    return value.strip().lower()


def _no_nul(value: str) -> str:
    if "\x00" in value:
        raise refusal("has_nul")
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

BOUNDS = {
    "less_than_equal": ("too_big", "le", "maximum", False),
    "less_than": ("too_big", "lt", "maximum", True),
    "greater_than_equal": ("too_small", "ge", "minimum", False),
    "greater_than": ("too_small", "gt", "minimum", True),
}
LENGTHS = {
    "string_too_long": ("too_long", "max_length"),
    "string_too_short": ("too_short", "min_length"),
    "too_long": ("too_many", "max_length"),
    "too_short": ("too_few", "min_length"),
}
TYPE_CODES = {
    "missing": "required",
    "extra_forbidden": "unknown_field",
    "json_invalid": "not_json",
    "string_type": "not_text",
    "int_type": "not_whole_number",
    "int_parsing": "not_whole_number",
    "int_from_float": "not_whole_number",
    "float_type": "not_a_number",
    "float_parsing": "not_a_number",
    "finite_number": "not_a_number",
    "bool_type": "not_yes_no",
    "bool_parsing": "not_yes_no",
    "list_type": "not_a_list",
    "dict_type": "not_an_object",
    "model_type": "not_an_object",
    "model_attributes_type": "not_an_object",
    "date_type": "not_a_day",
    "date_parsing": "not_a_day",
    "date_from_datetime_parsing": "not_a_day",
    "date_from_datetime_inexact": "not_a_day",
    "datetime_type": "not_a_time",
    "datetime_parsing": "not_a_time",
    "datetime_from_date_parsing": "not_a_time",
}
"""Codes for pydantic's error types (its own messages are for programmers, never shown)."""


def _given(value: object) -> object:
    return value if isinstance(value, int | float) else str(value)[:MAX_DIGITS]


def _code_and_params(error: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    kind, ctx = error["type"], dict(error.get("ctx") or {})
    if kind in BOUNDS:
        code, key, name, exclusive = BOUNDS[kind]
        params = {name: ctx[key], "given": _given(error["input"])}
        return code, {**params, "exclusive": True} if exclusive else params
    if kind in LENGTHS:
        code, key = LENGTHS[kind]
        return code, {key: ctx[key]}
    if kind in TYPE_CODES:
        return TYPE_CODES[kind], {}
    if kind in ("literal_error", "enum"):
        return "unknown_word", {"allowed": [ctx.get("expected", "")]}
    if kind in CODES:
        return kind, ctx  # a refusal() from acumat's own validators
    return "invalid", {}


def _own_words(error: Mapping[str, Any]) -> str:
    return str(error["msg"]).removeprefix("Value error, ")


def problem_from_error(error: Mapping[str, Any], skip: tuple[str, ...] = ()) -> Problem:
    """One pydantic error as a :class:`Problem`: its field, code, params and plain sentence."""
    code, params = _code_and_params(error)
    parts = [str(p) for p in error["loc"] if p not in skip]
    field = "" if code == "not_json" else ".".join(parts)
    return Problem(field or "entry", plain(code, params, _own_words(error)), code, params)


def problems_from_errors(
    errors: Iterable[Mapping[str, Any]], skip: tuple[str, ...] = ()
) -> list[Problem]:
    """One :class:`Problem` per pydantic error; ``skip`` drops location parts like ``body``."""
    return [problem_from_error(error, skip) for error in errors]


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
