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
from acumat.present.fields import FieldInfo, field_info
from acumat.present.messages import for_person
from acumat.services import settings as service
from acumat.web.forms import refuse_files
from acumat.web.render import render

router = APIRouter()


@router.get("/settings")
def settings_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    values = {k: str(v) for k, v in service.read_settings(db, actor).model_dump().items()}
    return _render(request, actor, values, {})


@router.post("/settings", dependencies=[FormGuard])
async def save_settings(request: Request, db: DbDep, actor: ActorDep) -> Response:
    form = await request.form()
    refuse_files(form)
    raw = {k: str(v) for k, v in form.items() if k in ("timezone", "region", "mat_cap")}
    try:
        service.change_settings(db, actor, raw)
    except InvalidInput as exc:
        errors = {p.field: for_person(p, _info(p.field)) for p in exc.problems}
        return _render(request, actor, raw, errors, 422)
    return RedirectResponse("/settings?saved=settings", status_code=303)


def _info(name: str) -> FieldInfo | None:
    return field_info(service.SettingsIn, name) if name in service.SettingsIn.model_fields else None


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
        "cap": field_info(service.SettingsIn, "mat_cap"),
        "nav": "settings",
    }
    return render(request, "settings.html", context, status)
