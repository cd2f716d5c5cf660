"""``/api/v1/checkins``: one check-in per day, addressed by its day (``YYYY-MM-DD``)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.ranges import DayRange
from acumat.api.v1.responses import listing_responses, mark_created, reads, writes
from acumat.diary.schemas import CheckInIn, CheckInOut
from acumat.errors import InvalidInput
from acumat.http.deps import ActorDep, DbDep
from acumat.services import diary
from acumat.timecheck import SaneDay

router = APIRouter(prefix="/checkins", tags=["check-ins"])


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
    body: CheckInIn, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> CheckInOut:
    """Record a day's check-in; 409 if that day already has one (use PUT to replace it)."""
    saved = diary.add_checkin(db, actor, body)
    mark_created(request, response, "get_checkin", day=saved.day)
    return saved


@router.get("/{day}", name="get_checkin", responses=reads(404, 422))
def get_checkin(day: SaneDay, db: DbDep, actor: ActorDep) -> CheckInOut:
    """The check-in of ``day``."""
    return diary.get_checkin(db, actor, day)


@router.put(
    "/{day}",
    name="put_checkin",
    responses={201: {"model": CheckInOut, "description": "Created"}, **writes(422)},
)
def put_checkin(
    day: SaneDay,
    body: CheckInIn,
    db: DbDep,
    actor: ActorDep,
    request: Request,
    response: Response,
) -> CheckInOut:
    """Create (201) or replace (200) the check-in of ``day``; the body's ``day`` must match."""
    if body.day != day:
        raise InvalidInput.single("day", f"must match the day in the address, {day.isoformat()}")
    saved, created = diary.put_checkin(db, actor, body)
    if created:
        mark_created(request, response, "get_checkin", day=saved.day)
    return saved


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
