"""Field metadata, read once from the schemas: what each field is called, means and takes.

The schemas (``CheckInIn``, ``EpisodeIn`` …) carry a ``title``, a ``description``, a range
and a ``unit`` on each pydantic ``Field``. :func:`field_info` reads them back through the
JSON schema, the same document the API publishes, so web labels, CLI help and prompts, and
the OpenAPI document cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel

from acumat.present.labels import choices_for

KINDS = {"integer": "integer", "number": "number", "boolean": "flag", "array": "words"}
FORMATS = {"date": "day", "date-time": "time"}


@dataclass(frozen=True)
class FieldInfo:
    """One field as people meet it.

    ``kind`` is ``integer``, ``number``, ``flag``, ``day``, ``time``, ``word`` (one of
    ``choices``), ``words`` (several of ``choices``) or ``text``. ``above_minimum`` means the
    value must be more than ``minimum``, not equal to it. ``unit`` is ``score``, ``count``,
    ``minutes`` or ``hours`` for numbers. ``question`` is how a terminal asks for it, when
    the schema gives one (yes-or-no fields, whose label is a checkbox's words).
    """

    name: str
    label: str
    help: str = ""
    kind: str = "text"
    minimum: float | None = None
    maximum: float | None = None
    above_minimum: bool = False
    unit: str | None = None
    example: Any = None
    required: bool = False
    choices: Mapping[str, str] = field(default_factory=dict)
    max_length: int | None = None
    question: str | None = None

    @property
    def step(self) -> str:
        """The ``step`` of a number input: whole numbers step by 1, others take any value."""
        return "1" if self.kind == "integer" else "any"


@cache
def _schema(schema: type[BaseModel]) -> dict[str, Any]:
    found: dict[str, Any] = schema.model_json_schema(mode="validation")
    return found


def _value_part(prop: dict[str, Any]) -> dict[str, Any]:
    """The non-null branch of an optional field's ``anyOf``, or the property itself."""
    for branch in prop.get("anyOf", []):
        if branch.get("type") != "null":
            return {**branch, **{k: v for k, v in prop.items() if k != "anyOf"}}
    return prop


def _kind(value: dict[str, Any]) -> str:
    if "enum" in value:
        return "word"
    if value.get("format") in FORMATS:
        return FORMATS[value["format"]]
    return KINDS.get(str(value.get("type")), "text")


YES_NO = {"yes": "Yes", "no": "No"}


def _choices(value: dict[str, Any]) -> dict[str, str]:
    if value.get("type") == "boolean":
        return dict(YES_NO)
    codes = value.get("enum") or value.get("items", {}).get("enum") or []
    return choices_for([str(code) for code in codes])


@cache
def field_info(schema: type[BaseModel], name: str) -> FieldInfo:
    """The label, help, range, unit and example of ``schema``'s field ``name``.

    :class:`KeyError` for a name the schema does not have. A field without a title of its
    own is labelled from its key in words (``hours_slept`` → "Hours slept"), never as a key.
    """
    document = _schema(schema)
    value = _value_part(document["properties"][name])
    low = value.get("minimum", value.get("exclusiveMinimum"))
    return FieldInfo(
        name=name,
        label=schema.model_fields[name].title or name.replace("_", " ").capitalize(),
        help=str(value.get("description", "")),
        kind=_kind(value),
        minimum=low,
        maximum=value.get("maximum"),
        above_minimum="exclusiveMinimum" in value,
        unit=value.get("unit"),
        example=(value.get("examples") or [None])[0],
        required=name in document.get("required", []),
        choices=_choices(value),
        max_length=value.get("maxLength"),
        question=value.get("question"),
    )


def fields_of(schema: type[BaseModel]) -> dict[str, FieldInfo]:
    """Every field of ``schema`` in declaration order, as :func:`field_info` gives it."""
    return {name: field_info(schema, name) for name in schema.model_fields}
