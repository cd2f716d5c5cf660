"""The today page: today's check-in, quick logging of episodes, sessions and care, a small trend.

Each form posts to its own route, which calls one service function and redirects with a
confirmation (303), or re-renders the page with status 422 and the service's problems.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.actor import Actor
from acumat.errors import InvalidInput, NotFound, Problem
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.present.time import long_day
from acumat.safety import daily_signs
from acumat.safety.permission import MatPermission
from acumat.safety.schemas import ScreeningOut
from acumat.services import daily, demo, diary, screening
from acumat.services.database import Database
from acumat.services.entry_input import with_defaults
from acumat.services.today import today_view
from acumat.web.forms import (
    QUICK_KINDS,
    FormState,
    FormValues,
    form_state,
    local_minute,
    quick_kind,
    raw_from_form,
    red_flags_from_form,
    values_from_entry,
    values_from_form,
)
from acumat.web.pages.charts import trend_chart
from acumat.web.pages.screening import advice_sources, instead_of_mat
from acumat.web.render import render

router = APIRouter()

REPLACES = "replaces"
"""The hidden check-in field naming the day whose check-in the form was filled in from."""


@router.get("/")
def today_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    return _render_today(request, db, actor)


@router.post("/checkin", dependencies=[FormGuard])
async def save_checkin(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Save the check-in of the submitted day, under the one same-day policy.

    The form says which day's check-in it was filled in from (the hidden ``replaces``):
    saving that day again replaces it; any other day that already has a check-in is
    refused, so typing another day never silently overwrites what was logged there.
    """
    form = await request.form()
    raw = raw_from_form("checkin", form)
    replaces = str(raw.pop(REPLACES, "")).strip()
    try:
        flags = red_flags_from_form(form)
        replace = bool(replaces) and str(raw.get("day", "")).strip() == replaces
        result = daily.check_in(db, actor, raw, flags, replace=replace)
    except InvalidInput as exc:
        state = form_state("checkin", values_from_form(form), exc.problems)
        return _render_today(request, db, actor, state)
    except daily.CheckInConflict as refused:
        return _render_conflict(request, db, actor, values_from_form(form), refused)
    if result.triage is not None and result.triage.is_urgent:
        return RedirectResponse("/check/result?saved=checkin", status_code=303)
    skipped = "&recheck=skipped" if flags is None else ""
    return RedirectResponse(f"/?saved=checkin{skipped}", status_code=303)


@router.post("/log/{kind}", dependencies=[FormGuard])
async def log_entry(request: Request, kind: str, db: DbDep, actor: ActorDep) -> Response:
    """Log a spasm episode, mat session or care activity."""
    entry_kind = quick_kind(kind)
    form = await request.form()
    try:
        raw = with_defaults(entry_kind, raw_from_form(entry_kind, form), actor.now())
        diary.add_entry(db, actor, entry_kind, raw)
    except InvalidInput as exc:
        state = form_state(entry_kind, values_from_form(form), exc.problems)
        return _render_today(request, db, actor, state)
    if entry_kind == "session" and _against_advice(db, actor):
        return RedirectResponse("/?saved=session-against-advice", status_code=303)
    return RedirectResponse(f"/?saved={entry_kind}", status_code=303)


def _render_conflict(
    request: Request,
    db: Database,
    actor: Actor,
    values: FormValues,
    refused: daily.CheckInConflict,
) -> Response:
    """The check-in form again, its day marked as taken; nothing was written. A re-check
    that found something urgent is still shown, first."""
    taken = refused.day
    if taken is None:
        words = "That day's check-in changed while saving. Please save again."
    else:
        words = (
            f"There is already a check-in for {long_day(taken)}. "
            "To change it, open it from the diary, or choose another day here."
        )
    state = form_state("checkin", values, [Problem(field="day", message=words)])
    urgent = refused.triage if refused.triage is not None and refused.triage.is_urgent else None
    return _render_today(request, db, actor, state, 409, refused_urgent=urgent)


def _render_today(
    request: Request,
    db: Database,
    actor: Actor,
    refused: FormState | None = None,
    code: int = 422,
    *,
    refused_urgent: ScreeningOut | None = None,
) -> Response:
    forms = _fresh_forms(db, actor)
    if refused is not None:
        forms[refused.kind] = refused
    view = today_view(db, actor)
    safety = view.mat
    instead = instead_of_mat(db, safety, actor)
    asked = request.query_params
    context = {
        "view": view,
        "checkin_open": forms["checkin"].has_errors or asked.get("checkin") == "open",
        "open_log": asked.get("log"),
        "forms": forms,
        "today": actor.today(),
        "chart": trend_chart(db, actor, 30, True),
        "safety": safety,
        "instead": instead,
        "instead_sources": advice_sources(instead),
        "signs": daily_signs(),
        "recheck_skipped": request.query_params.get("recheck") == "skipped",
        "refused_urgent": refused_urgent,
        "demo_rows": demo.count_demo(db, actor),
    }
    return render(request, "today.html", context, code if refused else 200)


def _fresh_forms(db: Database, actor: Actor) -> dict[str, FormState]:
    now = {"started_at": local_minute(actor.now(), actor.zone)}
    forms: dict[str, FormState] = {kind: form_state(kind, dict(now)) for kind in QUICK_KINDS}
    # Left empty, a session is taken to have just ended, as in the terminal (UX 25).
    forms["session"] = form_state("session", {})
    forms["checkin"] = form_state("checkin", _checkin_values(db, actor))
    return forms


def _checkin_values(db: Database, actor: Actor) -> dict[str, str | list[str]]:
    today = actor.today()
    try:
        values = values_from_entry(diary.get_checkin(db, actor, today), actor.zone)
    except NotFound:
        return {"day": today.isoformat()}
    # Filled in from today's check-in: saving today again replaces it (and only it).
    return {**values, REPLACES: today.isoformat()}


def _against_advice(db: Database, actor: Actor) -> bool:
    """Whether the latest result says not to use a mat (yet): a logged session then gets a
    gentle word instead of a plain "logged" (it is still saved: it happened)."""
    permission = screening.mat_status(db, actor).permission
    return permission in (MatPermission.DO_NOT_USE, MatPermission.NEEDS_CLINICIAN)
