"""Rendering pages inside a request: the shared Jinja environment plus what only a request has.

Filters, labels and time formats come from :mod:`acumat.present` (request-free, reused by
the report and calendar); this module adds the CSRF token, the flash message, the page frame
(urgent result first, the person's zone) and the error pages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from acumat.errors import AcumatError, InvalidInput, NotFound, Problem
from acumat.http.csrf import csrf_token
from acumat.http.deps import get_actor, get_db
from acumat.present.jinja import jinja_environment
from acumat.present.labels import KIND_NAMES as KIND_NAMES
from acumat.present.labels import kind_name
from acumat.present.messages import for_person, labelled
from acumat.present.time import local_time as format_local

TEMPLATES = Path(__file__).parent / "templates"

# Only these fixed sentences can appear as a confirmation: the query string picks one by key,
# so nothing a link carries is ever echoed into the page.
FLASH = {
    "checkin": "Check-in saved.",
    "episode": "Spasm episode logged.",
    "session": "Mat session logged.",
    "session-against-advice": (
        "Mat session logged. Your latest safety result says not to use a mat for now, or not "
        "until a clinician has said it is fine. How do you feel? If anything is worse or new "
        "(numbness, weakness, trouble peeing, a fever), answer the safety questions again, "
        "and get help as they say."
    ),
    "care": "Care activity logged.",
    "spasm": "Spasm logged as starting now. Tap “It has eased” when it does.",
    "eased": "Glad it has eased. The spasm is logged as ending now.",
    "session-done": (
        "Mat session saved. Get up slowly: roll onto your side and sit for a moment first."
    ),
    "session-stopped": (
        "Mat session saved as stopped early. You did the right thing by stopping. Get up "
        "slowly, and if numbness, tingling or weakness stays once you are up, answer the "
        "safety questions again."
    ),
    "spasm-ongoing": (
        "A spasm is already going on, so no new one was logged. Tap “It has eased” when it "
        "does; a new one can start after that."
    ),
    "healed": "Noted: your skin has healed. Your plan starts again, gently.",
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


ADDRESS_LABELS = {
    "days": "Number of days",
    "day": "Day",
    "entry_id": "Entry number",
    "limit": "Entries per page",
    "cursor": "The link to older entries",
    "range": "Chart range",
}
"""Labels for the parts of an address (query and path) an error page may have to name."""


def _flash(request: Request) -> dict[str, Any]:
    return {"flash": FLASH.get(request.query_params.get("saved", ""))}


def _csrf(request: Request) -> dict[str, Any]:
    return {"csrf_token": csrf_token(request)}


def page_frame(request: Request) -> dict[str, Any]:
    """What every page shows around its content, for the acting person.

    ``urgent_now`` is their latest result when it is EMERGENCY or URGENT_SAME_DAY, fetched
    here by a service call before rendering (templates do no I/O); ``zone`` is the time zone
    every time on the page is shown in; the safety frame adds their region, for the banner's
    and the footer's ``tel:`` links (a page may override it, e.g. ``retaking``).
    """
    from acumat.services.screening import urgent_now
    from acumat.web.pages.frame import safety_frame

    try:
        db, actor = get_db(request), get_actor(request)
        return {"urgent_now": urgent_now(db, actor), "zone": actor.zone, **safety_frame(actor)}
    except AcumatError:  # the database itself is the problem this page reports
        return {"urgent_now": None, "zone": None}


__all__ = ["KIND_NAMES", "format_local", "render", "render_error", "render_http_error"]


@cache
def templates() -> Jinja2Templates:
    """The page templates over the shared environment (built on first use, never at import)."""
    env = jinja_environment(TEMPLATES)
    return Jinja2Templates(env=env, context_processors=[_csrf, _flash])


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render template ``name`` with ``context`` and the page frame as an HTML response.

    Caching and framing headers are set for every response by :mod:`acumat.http.guard`.
    """
    full = {**page_frame(request), **context}
    return templates().TemplateResponse(request, name, full, status_code=status)


def render_error(request: Request, exc: AcumatError, status: int) -> Response:
    """The error page: a heading for the status and what the person can do next."""
    if isinstance(exc, NotFound):
        message = (
            f"There is no {kind_name(exc.kind)} {exc.key} in your diary. It may have been deleted."
        )
    elif isinstance(exc, InvalidInput):
        message = " ".join(dict.fromkeys(_sentence(_address_problem(p)) for p in exc.problems))
    else:
        message = str(exc)
    heading = ERROR_HEADINGS.get(status, "Something went wrong")
    context = {"heading": heading, "message": message, "status": status}
    return render(request, "error.html", context, status)


def _address_problem(problem: Problem) -> str:
    """A problem on an error page: the address part's label, else what to do alone."""
    label = ADDRESS_LABELS.get(problem.field)
    text = for_person(problem)
    if label:
        return labelled(label, text)
    return text if problem.code == "invalid" else text[:1].upper() + text[1:]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "?", "!")) else f"{text}."


def render_http_error(request: Request, status: int, detail: str) -> Response:
    """An HTML error page for a framework-level refusal (unknown address, refused form)."""
    messages = {404: "There is no page at this address."}
    heading = ERROR_HEADINGS.get(status, "Something went wrong")
    context = {"heading": heading, "message": messages.get(status, detail), "status": status}
    return render(request, "error.html", context, status)
