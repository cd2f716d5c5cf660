"""Between HTML forms and the diary schemas: submitted fields in, plain dicts out, and back.

This module only translates encodings (blank inputs, unticked boxes, repeated names,
``datetime-local`` strings, the mat session's one "How did it end?" choice); every judgement
about the values is left to the service, whose problems are then worded by the message
catalogue with the label on screen and placed next to the field they name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import Any

from pydantic import BaseModel
from starlette.datastructures import FormData

from acumat.diary.schemas import INPUT_SCHEMAS, EntryKind
from acumat.diary.vocabulary import STOP_REASONS
from acumat.errors import InvalidInput, NotFound, Problem
from acumat.present.fields import FieldInfo, field_info
from acumat.present.messages import for_person, on_screen

FormValues = dict[str, str | list[str]]

CHECKBOXES = frozenset({"fabric_layer"})
LISTS = frozenset({"locations", "triggers", "effects"})
LOCAL_MINUTE = "%Y-%m-%dT%H:%M"

ENDED = "ended"
FINISHED = "finished"
ENDED_FIELD = FieldInfo(
    name=ENDED,
    label="How did it end?",
    help="If you got off early, pick what made you stop.",
    kind="word",
    required=True,
    choices={FINISHED: "I finished", **STOP_REASONS},
)
"""The mat session's one control for how it ended: finished, or stopped early because …"""

FLAGS_FIELD = FieldInfo(name="flags", label="Warning signs since your last check-in", kind="words")
FORM_ONLY: dict[str, dict[str, FieldInfo]] = {
    "session": {ENDED: ENDED_FIELD},
    "checkin": {"flags": FLAGS_FIELD},
}
"""Controls a form has that are not fields of its schema."""

SHOWN_AS: dict[str, dict[str, str]] = {"session": {"stopped_early": ENDED, "stop_reason": ENDED}}
"""Schema fields a form shows through another control: their problems are shown there."""


def form_field(kind: EntryKind, name: str) -> FieldInfo:
    """The label, help and range of control ``name`` on the ``kind`` form."""
    extra = FORM_ONLY.get(kind, {})
    return extra[name] if name in extra else field_info(INPUT_SCHEMAS[kind], name)


def _on_form(kind: EntryKind, name: str) -> str | None:
    """The control showing schema field ``name`` (``None``: the form has no such control)."""
    name = SHOWN_AS.get(kind, {}).get(name, name)
    shown = INPUT_SCHEMAS[kind].model_fields.keys() - SHOWN_AS.get(kind, {}).keys()
    return name if name in shown or name in FORM_ONLY.get(kind, {}) else None


@dataclass(frozen=True)
class FormState:
    """What one form shows: its values, the problems per field, and those naming no field.

    ``errors`` holds, per control, what to do in the words on screen; ``summary`` lists
    every problem as (control or ``None``, "Label: what to do") for the list at the top.
    """

    kind: EntryKind
    values: FormValues
    errors: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    summary: list[tuple[str | None, str]] = field(default_factory=list)

    def info(self, name: str) -> FieldInfo:
        return form_field(self.kind, name)

    def value(self, name: str) -> str:
        found = self.values.get(name, "")
        return found if isinstance(found, str) else ""

    def chosen(self, name: str) -> list[str]:
        found = self.values.get(name, [])
        return found if isinstance(found, list) else [found]

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.general)

    @property
    def ticked_signs(self) -> list[str]:
        """The daily warning signs ticked on this form (kept when it comes back refused)."""
        return [
            n.removeprefix(FLAG_PREFIX)
            for n, v in self.values.items()
            if n.startswith(FLAG_PREFIX) and v == "yes"
        ]


QUICK_KINDS: tuple[EntryKind, ...] = ("episode", "session", "care")
FLAG_PREFIX = "flag."  # the daily red-flag boxes that ride along with the check-in form


def red_flags_from_form(form: FormData) -> dict[str, str] | None:
    """ "Anything new or worse?": "No" reports none (the check-in service counts every sign
    not reported as "no"); "Yes, or not sure" with the signs ticked reports those as "yes".

    Not answered means the re-check was skipped (``None``). "Yes" with no sign ticked, or a
    sign ticked with "No", is refused rather than guessed.
    """
    ticked = {n.removeprefix(FLAG_PREFIX) for n in form if n.startswith(FLAG_PREFIX)}
    answer = form.get("flags")
    if ticked and answer == "none":
        raise InvalidInput.single(
            "flags", "a sign was ticked and also 'None of these'; pick one", "sign_and_none"
        )
    if answer == "some" and not ticked:
        raise InvalidInput.single(
            "flags", "'yes' was chosen but no sign was ticked; tick which", "sign_not_ticked"
        )
    if not ticked and answer != "none":
        return None
    return dict.fromkeys(sorted(ticked), "yes")


def form_state(kind: EntryKind, values: FormValues, problems: Iterable[Problem] = ()) -> FormState:
    """Word each problem for the form: next to its control when the form has one (in the
    words on screen, never the field key), else for the form as a whole."""
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    summary: list[tuple[str | None, str]] = []
    for problem in problems:
        name = _on_form(kind, problem.field)
        if name is None:
            general.append(on_screen(problem, None))
            summary.append((None, general[-1]))
            continue
        info = form_field(kind, name)
        text = for_person(problem, info)
        errors.setdefault(name, []).append(text[:1].upper() + text[1:])
        summary.append((name, on_screen(problem, info)))
    return FormState(kind, values, errors, general, summary)


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
    shown_elsewhere = SHOWN_AS.get(kind, {}).keys()
    for name in form:
        if name.startswith(FLAG_PREFIX) or name in ("flags", "csrf_token", ENDED):
            continue
        if name in shown_elsewhere:
            continue  # set only through the control that shows it
        if name in LISTS:
            raw[name] = [str(v) for v in form.getlist(name)]
        elif str(form.get(name, "")).strip():
            raw[name] = str(form[name])
    for name in CHECKBOXES & INPUT_SCHEMAS[kind].model_fields.keys():
        raw.setdefault(name, False)
    if kind == "session":
        raw.update(_how_it_ended(str(form.get(ENDED, "") or FINISHED).strip()))
    return raw


def _how_it_ended(choice: str) -> dict[str, Any]:
    """The one "How did it end?" choice as the schema's pair: never a contradictory one."""
    if choice == FINISHED:
        return {"stopped_early": False}
    return {"stopped_early": True, "stop_reason": choice}


def values_from_entry(entry: BaseModel, zone: tzinfo) -> FormValues:
    """A stored entry as form values, datetimes in the person's own zone."""
    values = {name: _as_text(getattr(entry, name), zone) for name in type(entry).model_fields}
    if "stopped_early" in values:
        values[ENDED] = values["stop_reason"] if values["stopped_early"] == "yes" else FINISHED
    return values


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
