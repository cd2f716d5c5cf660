"""The Jinja environment every acumat document is drawn with, in a request or without one.

:func:`jinja_environment` registers the filters and word tables once; the web adds its
request-bound parts (CSRF token, flash message) on top, and a report or calendar renders
with the same filters outside any request. Times are shown in the template context's
``zone`` (the acting person's), which the caller provides.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, tzinfo
from os import PathLike
from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context

from acumat.present import labels, time


def _zone(context: Context) -> tzinfo | None:
    zone = context.get("zone")
    return zone if isinstance(zone, tzinfo) else None


@pass_context
def local_time(context: Context, moment: datetime | None) -> str:
    """The filter: :func:`acumat.present.time.local_time` in the context's ``zone``."""
    return time.local_time(moment, _zone(context))


@pass_context
def time_span(context: Context, start: datetime, end: datetime | None) -> str:
    """The filter: :func:`acumat.present.time.time_span` in the context's ``zone``."""
    return time.time_span(start, end, _zone(context))


FILTERS: dict[str, Callable[..., Any]] = {
    "local_time": local_time,
    "time_span": time_span,
    "long_day": time.long_day,
    "minutes": time.minutes_text,
    "kind_name": labels.kind_name,
}


def _globals() -> dict[str, Any]:
    vocabularies = {name.upper(): words for name, words in labels.VOCABULARIES.items()}
    return {
        "urgency_label": labels.urgency_label,
        "verdict_label": labels.verdict_label,
        "word_label": labels.word_label,
        "KIND_NAMES": labels.KIND_NAMES,
        **vocabularies,
    }


def jinja_environment(
    *directories: str | PathLike[str],
    extra_filters: Mapping[str, Callable[..., Any]] | None = None,
) -> Environment:
    """A fresh environment over template ``directories``, HTML autoescaped, filters set.

    Globals: the vocabularies by upper-case name (``STOP_REASONS``, ``BACK_LOCATIONS`` …),
    ``KIND_NAMES``, ``urgency_label``, ``verdict_label`` and ``word_label``.
    """
    env = Environment(
        loader=FileSystemLoader(list(directories)),
        autoescape=select_autoescape(),
    )
    env.filters.update(FILTERS)
    env.filters.update(extra_filters or {})
    env.globals.update(_globals())
    return env
