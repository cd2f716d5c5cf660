"""The today page: today's check-in, quick logging of episodes, sessions and care, a small trend.

Each form posts to its own route, which calls one service function and redirects with a
confirmation (303), or re-renders the page with status 422 and the service's problems.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat import clock
from acumat.diary.schemas import EntryKind
from acumat.errors import InvalidInput, NotFound
from acumat.safety import daily_signs
from acumat.services import daily, diary, screening
from acumat.web.deps import DbDep, UserDep
from acumat.web.forms import (
    FormState,
    form_state,
    local_minute,
    raw_from_form,
    red_flags_from_form,
    values_from_entry,
    values_from_form,
)
from acumat.web.pages.charts import trend_chart
from acumat.web.pages.guard import SameOrigin
from acumat.web.render import render

router = APIRouter()

QUICK_KINDS: tuple[EntryKind, ...] = ("episode", "session", "care")


@router.get("/")
def today_page(request: Request, db: DbDep, user_id: UserDep) -> Response:
    return _render_today(request, db, user_id)


@router.post("/checkin", dependencies=[SameOrigin])
async def save_checkin(request: Request, db: DbDep, user_id: UserDep) -> Response:
    """Create or replace the check-in of the submitted day."""
    form = await request.form()
    try:
        flags = red_flags_from_form(form)
        result = daily.check_in(db, user_id, raw_from_form("checkin", form), flags, replace=True)
    except InvalidInput as exc:
        state = form_state("checkin", values_from_form(form), exc.problems)
        return _render_today(request, db, user_id, state)
    if result.triage is not None and result.triage.is_urgent:
        return RedirectResponse("/check/result", status_code=303)
    return RedirectResponse("/?saved=checkin", status_code=303)


@router.post("/log/{kind}", dependencies=[SameOrigin])
async def log_entry(request: Request, kind: str, db: DbDep, user_id: UserDep) -> Response:
    """Log a spasm episode, mat session or care activity."""
    entry_kind = quick_kind(kind)
    form = await request.form()
    try:
        diary.add_entry(db, user_id, entry_kind, raw_from_form(entry_kind, form))
    except InvalidInput as exc:
        state = form_state(entry_kind, values_from_form(form), exc.problems)
        return _render_today(request, db, user_id, state)
    return RedirectResponse(f"/?saved={entry_kind}", status_code=303)


def quick_kind(kind: str) -> EntryKind:
    """The timed entry kind named in a URL; anything else is a page that does not exist."""
    for known in QUICK_KINDS:
        if kind == known:
            return known
    raise NotFound("kind of entry", repr(kind))


def _render_today(
    request: Request, db: DbDep, user_id: int, refused: FormState | None = None
) -> Response:
    forms = _fresh_forms(db, user_id)
    if refused is not None:
        forms[refused.kind] = refused
    context = {
        "forms": forms,
        "today": clock.today(),
        "chart": trend_chart(db, user_id, 30, True),
        "safety": screening.mat_status(db, user_id),
        "signs": daily_signs(),
    }
    return render(request, "today.html", context, 422 if refused else 200)


def _fresh_forms(db: DbDep, user_id: int) -> dict[str, FormState]:
    now = {"started_at": local_minute(clock.utcnow())}
    forms: dict[str, FormState] = {kind: form_state(kind, dict(now)) for kind in QUICK_KINDS}
    forms["checkin"] = form_state("checkin", _checkin_values(db, user_id))
    return forms


def _checkin_values(db: DbDep, user_id: int) -> dict[str, str | list[str]]:
    today = clock.today()
    try:
        return values_from_entry(diary.get_checkin(db, user_id, today))
    except NotFound:
        return {"day": today.isoformat()}
