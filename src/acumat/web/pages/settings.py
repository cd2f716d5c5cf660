"""The settings page: the person's time zone and region."""

from __future__ import annotations

import warnings
from functools import cache
from zoneinfo import available_timezones

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.services import settings as service
from acumat.web.forms import refuse_files
from acumat.web.render import render

router = APIRouter()


@router.get("/settings")
def settings_page(request: Request, actor: ActorDep) -> Response:
    return _render(request, actor, service.read_settings(actor).model_dump(), {})


@router.post("/settings", dependencies=[FormGuard])
async def save_settings(request: Request, db: DbDep, actor: ActorDep) -> Response:
    form = await request.form()
    refuse_files(form)
    raw = {k: str(v) for k, v in form.items() if k in ("timezone", "region")}
    try:
        service.change_settings(db, actor, raw)
    except InvalidInput as exc:
        return _render(request, actor, raw, {p.field: p.message for p in exc.problems}, 422)
    return RedirectResponse("/settings?saved=settings", status_code=303)


@cache
def zone_names() -> list[str]:
    """Every IANA zone name, for the picker (read once)."""
    with warnings.catch_warnings():
        # pygal's import hook predates find_spec; the zone data scan trips over it harmlessly.
        warnings.simplefilter("ignore", ImportWarning)
        return sorted(available_timezones())


def _render(
    request: Request,
    actor: Actor,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors,
        "zones": zone_names(),
        "regions": service.REGIONS,
        "nav": "settings",
    }
    return render(request, "settings.html", context, status)
