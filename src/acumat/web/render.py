"""Rendering pages: the Jinja2 environment, its filters, flash messages and the error page."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from acumat import clock
from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    ENTRY_NAMES,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.errors import AcumatError, InvalidInput, NotFound
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


def _urgent_now(request: Request) -> dict[str, Any]:
    """The latest result when it is EMERGENCY or URGENT_SAME_DAY: every page shows it first."""
    from acumat.services.screening import latest_screening

    db = getattr(request.app.state, "db", None)
    if db is None:
        return {"urgent_now": None}
    latest = latest_screening(db, request.app.state.local_user_id)
    return {"urgent_now": latest if latest is not None and latest.is_urgent else None}


def local_time(moment: datetime | None) -> str:
    """A stored instant as the person reads it: local, e.g. ``Sun 15 Mar, 14:05``."""
    if moment is None:
        return ""
    return moment.astimezone(clock.local_zone()).strftime("%a %d %b, %H:%M")


def long_day(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g} min"


@cache
def templates() -> Jinja2Templates:
    """The one template environment (built on first use, never at import)."""
    found = Jinja2Templates(directory=TEMPLATES, context_processors=[_urgent_now, _flash])
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
    """Render template ``name`` with ``context`` as an HTML response.

    Pages carry health data (the safety questions even in their address), so the browser
    is asked not to keep them on disk.
    """
    response = templates().TemplateResponse(request, name, context, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    return response


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
