"""Rendering pages: the Jinja2 environment, its filters, flash messages and the error page."""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.errors import AcumatError, InvalidInput, NotFound
from acumat.http.csrf import csrf_token
from acumat.http.deps import get_actor, get_db
from acumat.kinds import ENTRY_NAMES
from acumat.safety.loader import urgency_label, verdict_label

TEMPLATES = Path(__file__).parent / "templates"

KIND_NAMES = ENTRY_NAMES

# Only these fixed sentences can appear as a confirmation: the query string picks one by key,
# so nothing a link carries is ever echoed into the page.
FLASH = {
    "checkin": "Check-in saved.",
    "episode": "Spasm episode logged.",
    "session": "Mat session logged.",
    "care": "Care activity logged.",
    "updated": "Entry updated.",
    "deleted": "Entry deleted.",
    "screening": "Your answers were saved.",
    "approval": "Your clinician's approval was recorded.",
    "settings": "Your settings were saved.",
}

ERROR_HEADINGS = {
    403: "That request was refused",
    404: "Not found",
    405: "That page cannot do that",
    409: "That clashes with something already saved",
    422: "Please check what you entered",
    503: "The database needs an upgrade",
}


def _flash(request: Request) -> dict[str, Any]:
    return {"flash": FLASH.get(request.query_params.get("saved", ""))}


def _csrf(request: Request) -> dict[str, Any]:
    return {"csrf_token": csrf_token(request)}


def page_frame(request: Request) -> dict[str, Any]:
    """What every page shows around its content, for the acting person.

    ``urgent_now`` is their latest result when it is EMERGENCY or URGENT_SAME_DAY, fetched
    here by a service call before rendering (templates do no I/O); ``zone`` is the time zone
    every time on the page is shown in.
    """
    from acumat.services.screening import urgent_now

    try:
        db, actor = get_db(request), get_actor(request)
        return {"urgent_now": urgent_now(db, actor), "zone": actor.zone}
    except AcumatError:  # the database itself is the problem this page reports
        return {"urgent_now": None, "zone": None}


def format_local(moment: datetime | None, zone: tzinfo | None) -> str:
    """A stored instant as the person reads it, in their zone, e.g. ``Sun 15 Mar, 14:05``."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%a %d %b, %H:%M")


@pass_context
def local_time(context: Context, moment: datetime | None) -> str:
    """The template filter: :func:`format_local` in the page's zone."""
    zone: tzinfo | None = context.get("zone")
    return format_local(moment, zone)


def long_day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g} min"


@cache
def templates() -> Jinja2Templates:
    """The one template environment (built on first use, never at import)."""
    found = Jinja2Templates(directory=TEMPLATES, context_processors=[_csrf, _flash])
    env = found.env
    env.filters.update(local_time=local_time, long_day=long_day, minutes=minutes)
    env.globals.update(
        urgency_label=urgency_label,
        verdict_label=verdict_label,
        KIND_NAMES=KIND_NAMES,
        TRIGGERS=TRIGGERS,
        BACK_LOCATIONS=BACK_LOCATIONS,
        CARE_KINDS=CARE_KINDS,
        STOP_REASONS=STOP_REASONS,
        SKIN_REACTIONS=SKIN_REACTIONS,
    )
    return found


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render template ``name`` with ``context`` and the page frame as an HTML response.

    Caching and framing headers are set for every response by :mod:`acumat.http.guard`.
    """
    full = {**page_frame(request), **context}
    return templates().TemplateResponse(request, name, full, status_code=status)


def render_error(request: Request, exc: AcumatError, status: int) -> Response:
    """The error page: a heading for the status and what the person can do next."""
    if isinstance(exc, NotFound):
        message = f"There is no {exc.kind} {exc.key} in your diary. It may have been deleted."
    elif isinstance(exc, InvalidInput):
        message = "; ".join(str(p) for p in exc.problems)
    else:
        message = str(exc)
    heading = ERROR_HEADINGS.get(status, "Something went wrong")
    context = {"heading": heading, "message": message, "status": status}
    return render(request, "error.html", context, status)


def render_http_error(request: Request, status: int, detail: str) -> Response:
    """An HTML error page for a framework-level refusal (unknown address, refused form)."""
    messages = {404: "There is no page at this address."}
    heading = ERROR_HEADINGS.get(status, "Something went wrong")
    context = {"heading": heading, "message": messages.get(status, detail), "status": status}
    return render(request, "error.html", context, status)
