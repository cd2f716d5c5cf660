"""``/api/v1/care``: heat, cold, stretching, walking and other care, addressed by id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.patches import changes, patch_openapi, patch_schema
from acumat.api.v1.ranges import DayRange
from acumat.api.v1.responses import listing_responses, mark_created, reads, writes
from acumat.diary.schemas import CareIn, CareOut
from acumat.http.deps import ActorDep, DbDep
from acumat.kinds import EntryKind
from acumat.services import diary

KIND: EntryKind = "care"
router = APIRouter(prefix="/care", tags=["care activities"])


@router.get("", name="list_care", responses=listing_responses())
def list_care(
    db: DbDep, actor: ActorDep, days: DayRange, page: PageDep, request: Request, response: Response
) -> list[CareOut]:
    """Care activities started ``start``..``end`` (default: last 30 days), newest first;
    one page at a time (``limit``, ``cursor``; the next page's URL is in ``Link``)."""
    found = diary.page_diary(db, actor, "care", days, page.limit, page.cursor)
    link_next(request, response, found, days)
    return found.care


@router.post("", status_code=201, name="create_care", responses=writes(422))
def create_care(
    body: CareIn, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> CareOut:
    """Record a care activity and how many minutes it lasted."""
    saved: CareOut = diary.add_entry(db, actor, KIND, body)
    mark_created(request, response, "get_care", entry_id=saved.id)
    return saved


@router.get("/{entry_id}", name="get_care", responses=reads(404, 422))
def get_care(entry_id: int, db: DbDep, actor: ActorDep) -> CareOut:
    """One of your care activities."""
    found: CareOut = diary.get_entry(db, actor, KIND, entry_id)
    return found


@router.put("/{entry_id}", name="put_care", responses=writes(404, 422))
def put_care(entry_id: int, body: CareIn, db: DbDep, actor: ActorDep) -> CareOut:
    """Replace every field of one of your care activities."""
    saved: CareOut = diary.update_entry(db, actor, KIND, entry_id, body)
    return saved


if TYPE_CHECKING:
    CarePatch = BaseModel
else:
    CarePatch = patch_schema(KIND, "CarePatch")


@router.patch(
    "/{entry_id}",
    name="patch_care",
    responses=writes(404, 422),
    openapi_extra=patch_openapi(CarePatch),
)
def patch_care(entry_id: int, body: CarePatch, db: DbDep, actor: ActorDep) -> CareOut:
    """Change only the fields given of one of your care activities (JSON merge patch: ``null``
    clears an optional field); the rest stay as they are."""
    saved: CareOut = diary.patch_entry(db, actor, KIND, entry_id, changes(body))
    return saved


@router.delete(
    "/{entry_id}",
    status_code=204,
    response_class=Response,
    name="delete_care",
    responses=writes(404, 422),
)
def delete_care(entry_id: int, db: DbDep, actor: ActorDep) -> None:
    """Delete one of your care activities."""
    diary.delete_entry(db, actor, KIND, entry_id)
