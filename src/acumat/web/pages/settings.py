"""The settings page: time zone, region, mat limit, reminders, and the calendar feed address."""

from __future__ import annotations

import warnings
from functools import cache
from zoneinfo import available_timezones

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response
from starlette.datastructures import FormData

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.present.fields import FieldInfo, field_info
from acumat.present.messages import for_person
from acumat.services import settings as service
from acumat.store.engine import Database
from acumat.web.forms import refuse_files
from acumat.web.render import render

router = APIRouter()

FIELDS = (
    "timezone",
    "region",
    "mat_cap",
    "session_time",
    "checkin_reminder",
    "movement_days",
)
HOURS = ("movement_from", "movement_until")
"""The two times on screen that make the one setting ``movement_hours``."""
SAVED = "/settings?saved=settings"


@router.get("/settings")
def settings_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    current = service.read_settings(db, actor)
    values = {k: "" if v is None else str(v) for k, v in current.model_dump().items()}
    start, _, end = (current.movement_hours or "").partition("-")
    values.update(movement_from=start, movement_until=end)
    return _render(request, db, actor, values, {})


@router.post("/settings", dependencies=[FormGuard])
async def save_settings(request: Request, db: DbDep, actor: ActorDep) -> Response:
    form = await request.form()
    refuse_files(form)
    shown = {k: str(v) for k, v in form.items() if k in (*FIELDS, *HOURS)}
    try:
        service.change_settings(db, actor, _settings_from(form))
    except InvalidInput as exc:
        errors = {p.field: for_person(p, _info(p.field)) for p in exc.problems}
        return _render(request, db, actor, shown, errors, 422)
    return RedirectResponse(SAVED, status_code=303)


def _settings_from(form: FormData) -> dict[str, str]:
    """The settings as the service takes them: an empty reminder time turns it off, and
    the two working-hours times are one setting (both empty: no movement breaks)."""
    raw = {k: str(v) for k, v in form.items() if k in FIELDS}
    if "checkin_reminder" in raw and not raw["checkin_reminder"].strip():
        raw["checkin_reminder"] = service.OFF
    if any(name in form for name in HOURS):
        start, end = (str(form.get(name, "")).strip() for name in HOURS)
        raw["movement_hours"] = f"{start}-{end}" if start or end else service.OFF
    return raw


@router.post("/settings/calendar", dependencies=[FormGuard])
async def change_calendar_feed(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Make a new feed address (the old one stops working), or turn the feed off."""
    form = await request.form()
    refuse_files(form)
    if form.get("action") == "off":
        service.stop_calendar_feed(db, actor)
    else:
        service.new_calendar_token(db, actor)
    return RedirectResponse(f"{SAVED}#calendar", status_code=303)


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
    db: Database,
    actor: Actor,
    values: dict[str, str],
    errors: dict[str, str],
    status: int = 200,
) -> Response:
    token = service.calendar_token(db, actor)
    labels = {
        name: field_info(service.SettingsIn, name) for name in service.SettingsIn.model_fields
    }
    context = {
        "values": values,
        "errors": errors,
        "zones": zone_names(),
        "regions": service.REGIONS,
        "cap": labels["mat_cap"],
        "fields": labels,
        "movement_days": service.MOVEMENT_DAYS,
        "feed_url": None if token is None else f"{request.base_url}calendar/{token}.ics",
        "nav": "settings",
    }
    return render(request, "settings.html", context, status)
