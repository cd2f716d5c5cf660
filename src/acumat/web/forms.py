"""Between HTML forms and the diary schemas: submitted fields in, plain dicts out, and back.

This module only translates encodings (blank inputs, unticked boxes, repeated names,
``datetime-local`` strings); every judgement about the values is left to the service, whose
problems are then placed next to the field they name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData

from acumat.diary.schemas import INPUT_SCHEMAS, EntryKind
from acumat.errors import InvalidInput, NotFound, Problem

FormValues = dict[str, str | list[str]]

CHECKBOXES = frozenset({"fabric_layer", "stopped_early"})
LISTS = frozenset({"locations", "triggers"})
LOCAL_MINUTE = "%Y-%m-%dT%H:%M"


@dataclass(frozen=True)
class FormState:
    """What one form shows: its values, the problems per field, and those naming no field."""

    kind: EntryKind
    values: FormValues
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)

    def value(self, name: str) -> str:
        found = self.values.get(name, "")
        return found if isinstance(found, str) else ""

    def chosen(self, name: str) -> list[str]:
        found = self.values.get(name, [])
        return found if isinstance(found, list) else [found]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.general)


QUICK_KINDS: tuple[EntryKind, ...] = ("episode", "session", "care")
FLAG_PREFIX = "flag."  # the daily red-flag boxes that ride along with the check-in form


def red_flags_from_form(form: FormData) -> dict[str, str] | None:
    """Ticked signs are "yes" and the rest "no"; "None of these" makes them all "no".

    Neither ticked means the re-check was skipped (``None``). A sign ticked together with
    "None of these" is refused rather than guessed.
    """
    from acumat.safety import daily_signs

    ticked = {n.removeprefix(FLAG_PREFIX) for n in form if n.startswith(FLAG_PREFIX)}
    none = form.get("flags") == "none"
    if ticked and none:
        raise InvalidInput.single("flags", "you ticked a sign and also 'None of these'; pick one")
    if not ticked and not none:
        return None
    asked = [item.id for item in daily_signs()]
    return {
        item: "yes" if item in ticked else "no" for item in [*asked, *sorted(ticked - set(asked))]
    }


def form_state(kind: EntryKind, values: FormValues, problems: Iterable[Problem] = ()) -> FormState:
    """Attach each problem to its field when the form has it, else to the form as a whole."""
    names = INPUT_SCHEMAS[kind].model_fields
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    for problem in problems:
        if problem.field in names:
            errors.setdefault(problem.field, []).append(problem.message)
        else:
            general.append(str(problem))
    return FormState(kind, values, errors, general)


def refuse_files(form: FormData) -> None:
    """Forms take typed text only: an attached file is refused, never stored as text."""
    for name, value in form.multi_items():
        if not isinstance(value, str):
            raise InvalidInput.single(name, "must be typed text, not an attached file")


def values_from_form(form: FormData) -> FormValues:
    """The submitted values exactly as typed, to show them again after a refusal."""
    return {
        name: [_text(v) for v in form.getlist(name)] if name in LISTS else _text(form.get(name))
        for name in form
        if name != "csrf_token"
    }


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def raw_from_form(kind: EntryKind, form: FormData) -> dict[str, Any]:
    """The dict a service expects: blanks left out (defaults or "is required" apply)."""
    refuse_files(form)
    raw: dict[str, Any] = {}
    for name in form:
        if name.startswith(FLAG_PREFIX) or name in ("flags", "csrf_token"):
            continue
        if name in LISTS:
            raw[name] = [str(v) for v in form.getlist(name)]
        elif str(form.get(name, "")).strip():
            raw[name] = str(form[name])
    for name in CHECKBOXES & INPUT_SCHEMAS[kind].model_fields.keys():
        raw.setdefault(name, False)
    return raw


def values_from_entry(entry: BaseModel, zone: tzinfo) -> FormValues:
    """A stored entry as form values, datetimes in the person's own zone."""
    return {name: _as_text(getattr(entry, name), zone) for name in type(entry).model_fields}


def local_minute(moment: datetime, zone: tzinfo) -> str:
    """``moment`` in ``zone`` as a ``datetime-local`` input value."""
    return moment.astimezone(zone).strftime(LOCAL_MINUTE)


def _as_text(value: object, zone: tzinfo) -> str | list[str]:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return local_minute(value, zone)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value)


def quick_kind(kind: str) -> EntryKind:
    """The timed entry kind named in a URL; anything else is a page that does not exist."""
    for known in QUICK_KINDS:
        if kind == known:
            return known
    raise NotFound("kind of entry", repr(kind))
