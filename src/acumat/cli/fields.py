"""Each diary field as the terminal offers it: its flag's help and reader, and its question.

The words, ranges and units come from the diary schemas through the generated
:mod:`acumat.cli.field_table` (see :mod:`acumat.present.field_table`), so a flag's help, the
example beside its refusal and the question asked at a terminal say what the web form's
label and hint say. Only how a terminal types a value (``now``, ``yesterday``, a choice's
number) is added here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import typer

from acumat.cli import options as kinds
from acumat.cli.field_table import FIELDS
from acumat.diary.vocabulary import (
    AFTER_EFFECTS,
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)

VOCABULARIES: dict[str, Mapping[str, str]] = {
    "locations": BACK_LOCATIONS,
    "triggers": TRIGGERS,
    "stop_reason": STOP_REASONS,
    "skin_reaction": SKIN_REACTIONS,
    "kind": CARE_KINDS,
    "effects": AFTER_EFFECTS,
}
"""The words a choice field takes, by field name (the schemas list the same codes)."""

DAY_HINT = "YYYY-MM-DD, today or yesterday"
TIME_HINT = '"YYYY-MM-DD HH:MM", HH:MM (today), "yesterday 22:15" or now, in your own time'
TIME_QUESTION_HINT = "for example now, 09:30, yesterday 22:15 or 2026-03-14 09:30"


@dataclass(frozen=True)
class FieldSpec:
    """One row of the field table; see :class:`acumat.present.fields.FieldInfo`."""

    name: str
    label: str
    help: str
    kind: str
    minimum: float | None
    maximum: float | None
    above_minimum: bool
    unit: str | None
    example: Any
    max_length: int | None = None
    question: str | None = None

    @property
    def vocabulary(self) -> Mapping[str, str]:
        return VOCABULARIES[self.name]

    @property
    def range_words(self) -> str:
        """The allowed range in words, for numbers that are not 0-10 scores (``""`` else)."""
        if self.kind not in ("integer", "number") or self.unit == "score":
            return ""
        unit = f" {self.unit}" if self.unit in ("hours", "minutes") else ""
        low, high = _number(self.minimum), _number(self.maximum)
        if self.above_minimum:
            return f"more than {low}, up to {high}{unit}"
        return f"{low}-{high}{unit}"


def spec(entry: str, name: str) -> FieldSpec:
    """The field ``name`` of entries of kind ``entry`` (``checkin``, ``session``...)."""
    return FieldSpec(name=name, **FIELDS[entry][name])


def reader(field: FieldSpec) -> kinds.Typed:
    """How a typed value of ``field`` is read, exactly, in the field's own range."""
    low, high = field.minimum or 0, field.maximum or 0
    if field.kind == "integer":
        return kinds.Whole(int(low), int(high), int(field.example))
    if field.kind == "number":
        return kinds.Decimal(low, high, _number(field.example), above_low=field.above_minimum)
    if field.kind == "day":
        return kinds.DAY
    if field.kind == "time":
        return kinds.MOMENT
    if field.kind in ("word", "words"):
        return kinds.Word(field.vocabulary, many=field.kind == "words")
    raise ValueError(f"{field.name} is read as plain text")


def option_help(field: FieldSpec, extra: str = "") -> str:
    """The flag's help: the schema's description, then how to type the value."""
    words = field.help.rstrip(".")
    if field.range_words:
        words += f" ({field.range_words})"
    how = {
        "day": f"{DAY_HINT}.",
        "time": f"{TIME_HINT}.",
        "word": f"A code, a label or a number: {kinds.words(_vocabulary(field))}.",
        "words": "A code, a label or a number; repeat or separate with commas: "
        f"{kinds.words(_vocabulary(field))}.",
        "text": f"Up to {field.max_length} characters." if field.max_length else "",
    }.get(field.kind, "")
    return " ".join(part for part in (f"{words}.", how, extra) if part)


def field_option(entry: str, name: str, *flags: str, extra: str = "") -> Any:
    """A ``typer.Option`` for field ``name`` of ``entry``: read exactly, helped in its words."""
    field = spec(entry, name)
    if field.kind == "flag":
        return typer.Option(*flags, help=option_help(field, extra))
    if field.kind == "text":
        return typer.Option(*flags, metavar="TEXT", help=option_help(field, extra))
    return kinds.option(*flags, kind=reader(field), help=option_help(field, extra))


def question_text(field: FieldSpec) -> str:
    """How a terminal asks for ``field``: its question, description or label with a hint."""
    if field.question:
        return field.question
    if field.kind in ("integer", "number"):
        hint = f" ({field.range_words})" if field.range_words else ""
        return field.help.rstrip(".") + hint
    if field.kind == "day":
        return f"{field.label} ({DAY_HINT})"
    if field.kind == "time":
        return f"{field.label} ({TIME_QUESTION_HINT})"
    return field.label


def _vocabulary(field: FieldSpec) -> Mapping[str, str]:
    return field.vocabulary if field.name in VOCABULARIES else {}


def _number(value: Any) -> str:
    """``6.5`` as ``6.5`` and ``24.0`` as ``24``."""
    return f"{value:g}" if isinstance(value, float) else str(value)
