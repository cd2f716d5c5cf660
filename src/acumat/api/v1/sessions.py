"""``/api/v1/sessions``: acupressure-mat sessions, addressed by id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.patches import changes, patch_openapi, patch_schema
from acumat.api.v1.ranges import DayRange
from acumat.api.v1.responses import listing_responses, mark_created, reads, writes
from acumat.diary.schemas import MatSessionIn, MatSessionOut
from acumat.http.deps import ActorDep, DbDep
from acumat.kinds import EntryKind
from acumat.services import diary

KIND: EntryKind = "session"
router = APIRouter(prefix="/sessions", tags=["mat sessions"])


@router.get("", name="list_sessions", responses=listing_responses())
def list_sessions(
    db: DbDep, actor: ActorDep, days: DayRange, page: PageDep, request: Request, response: Response
) -> list[MatSessionOut]:
    """Mat sessions started ``start``..``end`` (default: last 30 days), newest first;
    one page at a time (``limit``, ``cursor``; the next page's URL is in ``Link``)."""
    found = diary.page_diary(db, actor, "sessions", days, page.limit, page.cursor)
    link_next(request, response, found, days)
    return found.sessions


@router.post("", status_code=201, name="create_session", responses=writes(422))
def create_session(
    body: MatSessionIn, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> MatSessionOut:
    """Record a mat session; one stopped early is still a session (give ``stop_reason``)."""
    saved: MatSessionOut = diary.add_entry(db, actor, KIND, body)
    mark_created(request, response, "get_session", entry_id=saved.id)
    return saved


@router.get("/{entry_id}", name="get_session", responses=reads(404, 422))
def get_session(entry_id: int, db: DbDep, actor: ActorDep) -> MatSessionOut:
    """One of your mat sessions."""
    found: MatSessionOut = diary.get_entry(db, actor, KIND, entry_id)
    return found


@router.put("/{entry_id}", name="put_session", responses=writes(404, 422))
def put_session(entry_id: int, body: MatSessionIn, db: DbDep, actor: ActorDep) -> MatSessionOut:
    """Replace every field of one of your mat sessions."""
    saved: MatSessionOut = diary.update_entry(db, actor, KIND, entry_id, body)
    return saved


if TYPE_CHECKING:
    MatSessionPatch = BaseModel
else:
    MatSessionPatch = patch_schema(KIND, "MatSessionPatch")


@router.patch(
    "/{entry_id}",
    name="patch_session",
    responses=writes(404, 422),
    openapi_extra=patch_openapi(MatSessionPatch),
)
def patch_session(
    entry_id: int, body: MatSessionPatch, db: DbDep, actor: ActorDep
) -> MatSessionOut:
    """Change only the fields given of one of your mat sessions (JSON merge patch: ``null``
    clears an optional field); the rest stay as they are."""
    saved: MatSessionOut = diary.patch_entry(db, actor, KIND, entry_id, changes(body))
    return saved


@router.delete(
    "/{entry_id}",
    status_code=204,
    response_class=Response,
    name="delete_session",
    responses=writes(404, 422),
)
def delete_session(entry_id: int, db: DbDep, actor: ActorDep) -> None:
    """Delete one of your mat sessions."""
    diary.delete_entry(db, actor, KIND, entry_id)
