"""Editing and deleting one diary entry: pre-filled forms and a confirm step, no JS needed.

Check-ins are addressed by their day (one per day), the other kinds by id. Every route is a
single service call; an unknown entry is the service's ``NotFound``, shown as a 404 page.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.diary.schemas import EpisodeOut
from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.services import diary
from acumat.timecheck import SaneDay
from acumat.web.forms import (
    FormState,
    form_state,
    quick_kind,
    raw_from_form,
    values_from_entry,
    values_from_form,
)
from acumat.web.render import KIND_NAMES, format_local, render

router = APIRouter(prefix="/diary")


def _updated() -> Response:
    return RedirectResponse("/diary?saved=updated", status_code=303)


def _deleted() -> Response:
    return RedirectResponse("/diary?saved=deleted", status_code=303)


def _edit_page(
    request: Request, form: FormState, title: str, status: int = 200, stop_action: str = ""
) -> Response:
    """The edit form; ``stop_action``, for an ongoing episode, offers "It stopped now"."""
    context = {"form": form, "title": title, "action": request.url.path, "stop_action": stop_action}
    return render(request, "edit.html", context, status)


def _confirm_page(request: Request, what: str) -> Response:
    return render(request, "confirm_delete.html", {"what": what, "action": request.url.path})


# --- check-ins, by day ------------------------------------------------------------------------


@router.get("/checkin/{day}/edit")
def edit_checkin(request: Request, day: SaneDay, db: DbDep, actor: ActorDep) -> Response:
    entry = diary.get_checkin(db, actor, day)
    form = form_state("checkin", values_from_entry(entry, actor.zone))
    return _edit_page(request, form, f"Edit check-in of {day:%a %d %b %Y}")


@router.post("/checkin/{day}/edit", dependencies=[FormGuard])
async def save_checkin(request: Request, day: SaneDay, db: DbDep, actor: ActorDep) -> Response:
    """Replace the check-in of ``day`` (the day itself is fixed by the URL)."""
    form = await request.form()
    try:
        diary.put_checkin(db, actor, {**raw_from_form("checkin", form), "day": day.isoformat()})
    except InvalidInput as exc:
        values = {**values_from_form(form), "day": day.isoformat()}
        state = form_state("checkin", values, exc.problems)
        return _edit_page(request, state, f"Edit check-in of {day:%a %d %b %Y}", 422)
    return _updated()


@router.get("/checkin/{day}/delete")
def confirm_delete_checkin(request: Request, day: SaneDay, db: DbDep, actor: ActorDep) -> Response:
    diary.get_checkin(db, actor, day)
    return _confirm_page(request, f"the check-in of {day:%a %d %b %Y}")


@router.post("/checkin/{day}/delete", dependencies=[FormGuard])
def delete_checkin(day: SaneDay, db: DbDep, actor: ActorDep) -> Response:
    diary.delete_checkin(db, actor, day)
    return _deleted()


# --- episodes, sessions and care, by id ------------------------------------------------------


@router.get("/{kind}/{entry_id}/edit")
def edit_entry(request: Request, kind: str, entry_id: int, db: DbDep, actor: ActorDep) -> Response:
    entry_kind = quick_kind(kind)
    entry = diary.get_entry(db, actor, entry_kind, entry_id)
    form = form_state(entry_kind, values_from_entry(entry, actor.zone))
    return _edit_page(request, form, _title(entry_kind), stop_action=_stop_action(entry))


@router.post("/{kind}/{entry_id}/edit", dependencies=[FormGuard])
async def save_entry(
    request: Request, kind: str, entry_id: int, db: DbDep, actor: ActorDep
) -> Response:
    """Replace every field of the entry with the submitted form."""
    entry_kind = quick_kind(kind)
    form = await request.form()
    try:
        diary.update_entry(db, actor, entry_kind, entry_id, raw_from_form(entry_kind, form))
    except InvalidInput as exc:
        state = form_state(entry_kind, values_from_form(form), exc.problems)
        return _edit_page(request, state, _title(entry_kind), 422)
    return _updated()


@router.post("/episode/{entry_id}/stopped", dependencies=[FormGuard])
def episode_stopped_now(request: Request, entry_id: int, db: DbDep, actor: ActorDep) -> Response:
    """End an ongoing spasm episode now, changing nothing else (UX 26)."""
    try:
        diary.patch_entry(db, actor, "episode", entry_id, {"ended_at": actor.now()})
    except InvalidInput as exc:  # it starts a few minutes from now: show why on its form
        entry = diary.get_entry(db, actor, "episode", entry_id)
        state = form_state("episode", values_from_entry(entry, actor.zone), exc.problems)
        return _edit_page(request, state, _title("episode"), 422, _stop_action(entry))
    return _updated()


@router.get("/{kind}/{entry_id}/delete")
def confirm_delete_entry(
    request: Request, kind: str, entry_id: int, db: DbDep, actor: ActorDep
) -> Response:
    entry_kind = quick_kind(kind)
    entry = diary.get_entry(db, actor, entry_kind, entry_id)
    return _confirm_page(
        request, f"the {KIND_NAMES[entry_kind]} of {format_local(entry.started_at, actor.zone)}"
    )


@router.post("/{kind}/{entry_id}/delete", dependencies=[FormGuard])
def delete_entry(kind: str, entry_id: int, db: DbDep, actor: ActorDep) -> Response:
    diary.delete_entry(db, actor, quick_kind(kind), entry_id)
    return _deleted()


def _title(kind: str) -> str:
    return f"Edit {KIND_NAMES[kind]}"


def _stop_action(entry: object) -> str:
    """Where "It stopped now" posts, for an episode still going on; else nothing."""
    if isinstance(entry, EpisodeOut) and entry.ended_at is None:
        return f"/diary/episode/{entry.id}/stopped"
    return ""
