"""Filling in what a person left out of a diary entry, and checking answers one at a time.

Interfaces collect values; this module decides the defaults every interface shares and
judges a single answer with the same schema the diary stores with, so an answer refused
at a prompt is refused in the same words as the same value given as a flag.

Defaults:
- A mat session given without a start time is taken to have just ended: it started
  ``actual_minutes`` before ``now``. A session of 0 minutes that did not stop early is
  refused: there is nothing to record.
- A care activity without a start time has just ended too: it started ``minutes`` before
  ``now`` (``now`` itself when the minutes cannot be read, which the schema then refuses).
- The daily warning signs: ``--no-red-flags`` answers "no" to every one; naming some answers
  them (``yes`` unless given) and "no" to the rest.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from acumat.actor import Actor
from acumat.diary.schemas import INPUT_SCHEMAS, CheckInOut, EntryKind
from acumat.errors import InvalidInput, Problem
from acumat.validation import parse

MAX_SESSION_MINUTES = 60
MAX_CARE_MINUTES = 240
RED_FLAG_ANSWERS = ("yes", "no", "unsure")
EMPTY_SESSION = (
    "a mat session of 0 minutes that did not stop early has nothing to record; give the "
    "minutes you lay on the mat, or say you stopped early and why"
)


def session_start(minutes: float, now: datetime) -> datetime:
    """When a session of ``minutes`` that ends ``now`` started; out-of-range minutes are left
    for the schema to refuse, so the start is then ``now``."""
    if 0 <= minutes <= MAX_SESSION_MINUTES:
        return now - timedelta(minutes=minutes)
    return now


def with_defaults(kind: EntryKind, raw: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """``raw`` with the start time a new entry of ``kind`` takes when none was given."""
    filled = dict(raw)
    if kind == "session":
        refuse_empty_session(filled)
        minutes = _minutes(filled.get("actual_minutes"))
        if "started_at" not in filled and minutes is not None:
            filled["started_at"] = session_start(minutes, now)
    if kind == "care" and "started_at" not in filled:
        minutes = _minutes(filled.get("minutes"))
        in_range = minutes is not None and 0 <= minutes <= MAX_CARE_MINUTES
        filled["started_at"] = now - timedelta(minutes=minutes) if in_range and minutes else now
    return filled


def _minutes(value: Any) -> float | None:
    """A number of minutes as a flag or a form gives it (``10``, ``"10"``); ``None`` when it
    cannot be read, which the schema then refuses on the field itself."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip()) if value is not None else None
    except ValueError:
        return None


def refuse_empty_session(raw: Mapping[str, Any]) -> None:
    """Refuse a 0-minute session that did not stop early (an interrupted one is kept)."""
    if _minutes(raw.get("actual_minutes")) == 0 and not raw.get("stopped_early"):
        raise InvalidInput.single("actual_minutes", EMPTY_SESSION)


def answer_problems(
    actor: Actor, kind: EntryKind, raw: Mapping[str, Any], name: str
) -> list[Problem]:
    """What is wrong with the answer for ``name`` given the answers so far (``raw``).

    Fields not answered yet are not held against it; a problem between two answers (an end
    before the start) is reported on the later one, the one just given.
    """
    try:
        parse(INPUT_SCHEMAS[kind], raw, actor.context())
        if kind == "session":
            refuse_empty_session(raw)
    except InvalidInput as refused:
        return [p for p in refused.problems if p.field == name and p.code != "required"]
    return []


def red_flag_answers(named: Mapping[str, str], none_apply: bool) -> dict[str, str] | None:
    """The signs reported with ``--red-flag`` (``{}`` for ``--no-red-flags``), or ``None`` when
    neither was given (the person was not asked). The check-in service counts every daily
    sign not named as "no" (:func:`acumat.services.daily.check_in`)."""
    if named and none_apply:
        raise InvalidInput.single("red_flag", "give --red-flag or --no-red-flags, not both")
    if none_apply or named:
        return dict(named)
    return None


def parse_red_flag(option: str) -> tuple[str, str]:
    """``ITEM`` or ``ITEM=ANSWER`` as (item, answer); the answer defaults to ``yes``."""
    item, _, answer = option.partition("=")
    return item.strip(), (answer.strip().lower() or "yes")


def cleared_by_replacing(stored: CheckInOut, given: Mapping[str, Any]) -> list[str]:
    """The fields of ``stored`` that replacing it with only ``given`` would empty."""
    blank: dict[str, Any] = {"note": ""}
    return [
        name
        for name in INPUT_SCHEMAS["checkin"].model_fields
        if name not in given
        and name not in ("day", "pain")
        and getattr(stored, name) not in (None, blank.get(name))
    ]
