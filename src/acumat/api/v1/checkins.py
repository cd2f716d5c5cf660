"""``/api/v1/checkins``: one check-in per day, addressed by its day (``YYYY-MM-DD``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field, StrictStr

from acumat.actor import Actor
from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.patches import changes, patch_openapi, patch_schema
from acumat.api.v1.ranges import DayRange
from acumat.api.v1.responses import listing_responses, mark_created, reads, writes
from acumat.diary.schemas import CheckInIn, CheckInOut
from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.safety.schemas import ScreeningOut
from acumat.services import daily, diary
from acumat.services.database import Database
from acumat.timecheck import SaneDay

router = APIRouter(prefix="/checkins", tags=["check-ins"])


class CheckInWithSigns(CheckInIn):
    """A check-in, with the daily warning signs re-asked (as the page and the CLI do).

    ``red_flags`` maps each daily sign's id (``GET /api/v1/screenings/items``, kind
    ``red_flag``) to ``yes``, ``no`` or ``unsure``; a new sign is triaged at once and stored
    with the check-in in one transaction. Leave it out to skip the re-check.
    """

    red_flags: Annotated[dict[str, StrictStr], Field(max_length=50)] | None = None


class CheckInSaved(CheckInOut):
    """The stored check-in and, when signs were given, the triage they raised (``safety``:
    the latest result, shown first when it is urgent; ``null`` when nothing was re-asked or
    nothing urgent is known yet)."""

    safety: ScreeningOut | None = None


def _check_in(
    db: Database, actor: Actor, body: CheckInWithSigns, *, replace: bool
) -> daily.DailyResult:
    entry = body.model_dump(exclude={"red_flags"})
    return daily.check_in(db, actor, entry, body.red_flags, replace=replace)


def _saved(result: daily.DailyResult) -> CheckInSaved:
    return CheckInSaved(**result.checkin.model_dump(), safety=result.triage)


@router.get("", name="list_checkins", responses=listing_responses())
def list_checkins(
    db: DbDep, actor: ActorDep, days: DayRange, page: PageDep, request: Request, response: Response
) -> list[CheckInOut]:
    """Check-ins from ``start`` to ``end`` (default: the last 30 days), newest first;
    one page at a time (``limit``, ``cursor``; the next page's URL is in ``Link``)."""
    found = diary.page_diary(db, actor, "checkins", days, page.limit, page.cursor)
    link_next(request, response, found, days)
    return found.checkins


@router.post("", status_code=201, name="create_checkin", responses=writes(409, 422))
def create_checkin(
    body: CheckInWithSigns, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> CheckInSaved:
    """Record a day's check-in and re-check the warning signs given; 409 if that day already
    has one (PUT replaces it, PATCH changes some of its fields): nothing is written then,
    and an urgent sign comes back in the refusal's ``safety``."""
    saved = _saved(_check_in(db, actor, body, replace=False))
    mark_created(request, response, "get_checkin", day=saved.day)
    return saved


@router.get("/{day}", name="get_checkin", responses=reads(404, 422))
def get_checkin(day: SaneDay, db: DbDep, actor: ActorDep) -> CheckInOut:
    """The check-in of ``day``."""
    return diary.get_checkin(db, actor, day)


@router.put(
    "/{day}",
    name="put_checkin",
    responses={201: {"model": CheckInSaved, "description": "Created"}, **writes(422)},
)
def put_checkin(
    day: SaneDay,
    body: CheckInWithSigns,
    db: DbDep,
    actor: ActorDep,
    request: Request,
    response: Response,
) -> CheckInSaved:
    """Create (201) or replace (200) the check-in of ``day`` and re-check the warning signs
    given; the body's ``day`` must match."""
    if body.day != day:
        raise InvalidInput.single("day", f"must match the day in the address, {day.isoformat()}")
    result = _check_in(db, actor, body, replace=True)
    if result.created:
        mark_created(request, response, "get_checkin", day=result.checkin.day)
    return _saved(result)


if TYPE_CHECKING:
    CheckInPatch = BaseModel
else:
    CheckInPatch = patch_schema("checkin", "CheckInPatch")


@router.patch(
    "/{day}",
    name="patch_checkin",
    responses=writes(404, 409, 422),
    openapi_extra=patch_openapi(CheckInPatch),
)
def patch_checkin(day: SaneDay, body: CheckInPatch, db: DbDep, actor: ActorDep) -> CheckInOut:
    """Change only the fields given of the check-in of ``day`` (JSON merge patch: ``null``
    clears an optional field); the warning signs are not re-asked. A ``day`` in the body
    moves the check-in there: 409 if that day already has one."""
    return diary.patch_checkin(db, actor, day, changes(body))


@router.delete(
    "/{day}",
    status_code=204,
    response_class=Response,
    name="delete_checkin",
    responses=writes(404, 422),
)
def delete_checkin(day: SaneDay, db: DbDep, actor: ActorDep) -> None:
    """Delete the check-in of ``day``."""
    diary.delete_checkin(db, actor, day)
