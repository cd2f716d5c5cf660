"""Printing results: JSON for machines (``--json``), Rich for people."""

from __future__ import annotations

import json
import re
from datetime import datetime, tzinfo
from typing import Any

import typer

# ESC and the other C0/C1 control characters, save tab and newline: a note printed in the
# terminal must not be able to move the cursor, recolour the screen or set the title.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def to_jsonable(value: Any) -> Any:
    """Plain JSON data from pydantic models (duck-typed: pydantic stays off the --help path)."""
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    if isinstance(value, list | tuple):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


def emit_json(value: Any) -> None:
    """Print ``value`` as indented JSON on stdout."""
    typer.echo(json.dumps(to_jsonable(value), indent=2, ensure_ascii=False))


def local_time(value: datetime | None, zone: tzinfo, empty: str = "") -> str:
    """A stored UTC instant as ``YYYY-MM-DD HH:MM`` in the person's own zone."""
    if value is None:
        return empty
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def safe_text(text: str) -> str:
    """``text`` with terminal control sequences shown as harmless symbols (``␛`` for ESC)."""
    return CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 32 else "�", text)


def number(value: float | None) -> str:
    """A score, count or duration without a needless ``.0``; blank when unknown."""
    if value is None:
        return ""
    return f"{value:g}"


def summary(kind: str, entry: Any, zone: tzinfo) -> str:
    """One line about a stored episode, mat session or care activity, for confirmations."""
    if kind == "episode":
        ended = local_time(entry.ended_at, zone, "now (ongoing)")
        span = f"{local_time(entry.started_at, zone)} to {ended}"
        return f"{span}, peak {entry.peak_intensity}/10"
    if kind == "session":
        text = f"{local_time(entry.started_at, zone)}, {number(entry.actual_minutes)} min"
        if entry.pain_before is not None and entry.pain_after is not None:
            text += f", pain {entry.pain_before} → {entry.pain_after}"
        return text
    return f"{entry.kind}, {number(entry.minutes)} min from {local_time(entry.started_at, zone)}"
