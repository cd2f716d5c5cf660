"""Spasm now: one tap starts an episode at this minute, a second tap ends it (UX 26)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.services import diary, spasm
from acumat.web.forms import FormState, form_state, raw_from_form, values_from_form
from acumat.web.render import render

router = APIRouter()


def _page(request: Request, form: FormState, status: int = 200) -> Response:
    return render(request, "spasm.html", {"form": form, "nav": "today"}, status)


@router.get("/spasm")
def spasm_page(request: Request) -> Response:
    """How bad, and (if the person wants) where and what set it off: nothing else."""
    return _page(request, form_state("episode", {}))


@router.post("/spasm", dependencies=[FormGuard])
async def start_spasm(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Log an episode that starts now and is still going on."""
    form = await request.form()
    raw = raw_from_form("episode", form)
    try:
        spasm.start(
            db, actor, raw.get("peak_intensity"), raw.get("locations", []), raw.get("triggers", [])
        )
    except InvalidInput as exc:
        return _page(request, form_state("episode", values_from_form(form), exc.problems), 422)
    except spasm.SpasmOngoing:
        return RedirectResponse("/?saved=spasm-ongoing", status_code=303)
    return RedirectResponse("/?saved=spasm", status_code=303)


@router.post("/spasm/{entry_id}/eased", dependencies=[FormGuard])
def spasm_eased(entry_id: int, db: DbDep, actor: ActorDep) -> Response:
    """End the ongoing episode ``entry_id`` now and go back to Today."""
    diary.patch_entry(db, actor, "episode", entry_id, {"ended_at": actor.now()})
    return RedirectResponse("/?saved=eased", status_code=303)
