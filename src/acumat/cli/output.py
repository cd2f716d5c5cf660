"""Printing results: JSON for machines (``--json``), Rich for people."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import typer

from acumat import clock


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


def local_time(value: datetime | None, empty: str = "") -> str:
    """A stored UTC instant as the person's local ``YYYY-MM-DD HH:MM``."""
    if value is None:
        return empty
    return value.astimezone(clock.local_zone()).strftime("%Y-%m-%d %H:%M")


def number(value: float | None) -> str:
    """A score, count or duration without a needless ``.0``; blank when unknown."""
    if value is None:
        return ""
    return f"{value:g}"


def summary(kind: str, entry: Any) -> str:
    """One line about a stored episode, mat session or care activity, for confirmations."""
    if kind == "episode":
        span = f"{local_time(entry.started_at)} to {local_time(entry.ended_at, 'now (ongoing)')}"
        return f"{span}, peak {entry.peak_intensity}/10"
    if kind == "session":
        text = f"{local_time(entry.started_at)}, {number(entry.actual_minutes)} min"
        if entry.pain_before is not None and entry.pain_after is not None:
            text += f", pain {entry.pain_before} → {entry.pain_after}"
        return text
    return f"{entry.kind}, {number(entry.minutes)} min from {local_time(entry.started_at)}"
