"""The guided mat session in the browser: start, a countdown that survives a reload, end.

The server keeps when the session started (:func:`acumat.services.guided.start_under_way`);
the page works out the time left from it on every view, so a reload or a locked phone
loses nothing. ``/static/session.js`` adds the live countdown, the halfway note, an end
chime the person can turn off and a screen that stays awake where the browser allows;
without it the page shows the end time and the same forms work.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.actor import Actor
from acumat.diary.schemas import MatSessionIn
from acumat.diary.vocabulary import AFTER_EFFECTS, SKIN_REACTIONS, STOP_REASONS
from acumat.errors import InvalidInput, Problem
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.plan.steps import load_steps
from acumat.present.fields import field_info
from acumat.present.messages import for_person
from acumat.present.sources import cited
from acumat.services import guided
from acumat.store.engine import Database
from acumat.web.forms import refuse_files
from acumat.web.render import render

router = APIRouter()
CHECK = "answer the safety questions again"


def _page(
    request: Request,
    db: Database,
    actor: Actor,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> Response:
    steps = load_steps()
    running = guided.under_way(db, actor)
    context: dict[str, Any] = {
        "running": running,
        "errors": errors or {},
        "values": values or {},
        "stop_reasons": STOP_REASONS,
        "skin_reactions": SKIN_REACTIONS,
        "after_effects": AFTER_EFFECTS,
        "nav": "today",
    }
    if running is not None:
        shown = [steps.at("halfway"), steps.at("end"), steps.at("after")]
        context |= {
            "halfway": steps.at("halfway").say(),
            "end": steps.at("end").say(),
            "get_up": steps.at("after").say(),
        }
    else:
        try:
            prepared = guided.prepare(db, actor)
        except guided.NothingPlanned as nothing:
            return render(request, "session.html", {**context, "nothing": nothing.plan}, status)
        shown = [*steps.before(fabric_layer=prepared.fabric_layer), steps.at("after")]
        context |= {"prepared": prepared, "steps": [s.say(check=CHECK) for s in shown]}
    context["sources"] = cited(sid for step in shown for sid in step.sources)
    return render(request, "session.html", context, status)


@router.get("/session")
def session_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    return _page(request, db, actor)


@router.post("/session/start", dependencies=[FormGuard])
async def start_session(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Start the planned session now; the server keeps its start."""
    form = await request.form()
    refuse_files(form)
    try:
        guided.start_under_way(db, actor, form.get("pain_before") or None, form.get("minutes"))
    except InvalidInput as exc:
        values = {k: str(v) for k, v in form.items()}
        return _page(request, db, actor, _errors(exc.problems), values, 422)
    except guided.SessionUnderWayAlready:
        pass  # a second tap on Start: the one under way goes on
    return RedirectResponse("/session", status_code=303)


@router.post("/session/end", dependencies=[FormGuard])
async def end_session(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Store the session with how it ended, the pain after and the skin; back to Today."""
    form = await request.form()
    refuse_files(form)
    ended = str(form.get("ended") or "")
    try:
        stored = guided.end_under_way(
            db,
            actor,
            ended,
            form.get("pain_after") or None,
            form.get("skin_reaction") or None,
            [str(e) for e in form.getlist("effects")],
        )
    except InvalidInput as exc:
        values = {k: str(v) for k, v in form.items()}
        return _page(request, db, actor, _errors(exc.problems), values, 422)
    except guided.NothingUnderWay:
        return RedirectResponse("/", status_code=303)
    calm = load_steps().after_stop(stored.stop_reason) if stored.stopped_early else None
    return RedirectResponse(
        "/?saved=session-stopped" if calm else "/?saved=session-done", status_code=303
    )


@router.post("/session/forget", dependencies=[FormGuard])
def forget_session(db: DbDep, actor: ActorDep) -> Response:
    """Drop a session started by mistake: nothing is stored."""
    guided.forget_under_way(db, actor)
    return RedirectResponse("/", status_code=303)


def _errors(problems: list[Problem]) -> dict[str, str]:
    """Each problem in the words of the catalogue, by the field the form shows it at (how
    the session ended is one choice, like the session form's)."""
    found = {}
    for problem in problems:
        schema = guided.StartIn if problem.field in guided.StartIn.model_fields else MatSessionIn
        name = problem.field if problem.field in schema.model_fields else ""
        info = field_info(schema, name) if name else None
        shown_at = "ended" if problem.field in ("stop_reason", "stopped_early") else problem.field
        found[shown_at] = for_person(problem, info)
    return found
