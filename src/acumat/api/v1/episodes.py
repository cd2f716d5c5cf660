"""``/api/v1/episodes``: spasm episodes, addressed by id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.patches import changes, patch_openapi, patch_schema
from acumat.api.v1.ranges import DayRange
from acumat.api.v1.responses import listing_responses, mark_created, reads, writes
from acumat.diary.schemas import EpisodeIn, EpisodeOut
from acumat.http.deps import ActorDep, DbDep
from acumat.kinds import EntryKind
from acumat.services import diary

KIND: EntryKind = "episode"
router = APIRouter(prefix="/episodes", tags=["spasm episodes"])


@router.get("", name="list_episodes", responses=listing_responses())
def list_episodes(
    db: DbDep, actor: ActorDep, days: DayRange, page: PageDep, request: Request, response: Response
) -> list[EpisodeOut]:
    """Episodes started ``start``..``end`` (default: last 30 days), newest first;
    one page at a time (``limit``, ``cursor``; the next page's URL is in ``Link``)."""
    found = diary.page_diary(db, actor, "episodes", days, page.limit, page.cursor)
    link_next(request, response, found, days)
    return found.episodes


@router.post("", status_code=201, name="create_episode", responses=writes(422))
def create_episode(
    body: EpisodeIn, db: DbDep, actor: ActorDep, request: Request, response: Response
) -> EpisodeOut:
    """Record a spasm episode; leave ``ended_at`` out while it is still going on."""
    saved: EpisodeOut = diary.add_entry(db, actor, KIND, body)
    mark_created(request, response, "get_episode", entry_id=saved.id)
    return saved


@router.get("/{entry_id}", name="get_episode", responses=reads(404, 422))
def get_episode(entry_id: int, db: DbDep, actor: ActorDep) -> EpisodeOut:
    """One of your episodes."""
    found: EpisodeOut = diary.get_entry(db, actor, KIND, entry_id)
    return found


@router.put("/{entry_id}", name="put_episode", responses=writes(404, 422))
def put_episode(entry_id: int, body: EpisodeIn, db: DbDep, actor: ActorDep) -> EpisodeOut:
    """Replace every field of one of your episodes."""
    saved: EpisodeOut = diary.update_entry(db, actor, KIND, entry_id, body)
    return saved


if TYPE_CHECKING:
    EpisodePatch = BaseModel
else:
    EpisodePatch = patch_schema(KIND, "EpisodePatch")


@router.patch(
    "/{entry_id}",
    name="patch_episode",
    responses=writes(404, 422),
    openapi_extra=patch_openapi(EpisodePatch),
)
def patch_episode(entry_id: int, body: EpisodePatch, db: DbDep, actor: ActorDep) -> EpisodeOut:
    """Change only the fields given of one of your episodes (JSON merge patch: ``null``
    clears an optional field); the rest stay as they are."""
    saved: EpisodeOut = diary.patch_entry(db, actor, KIND, entry_id, changes(body))
    return saved


@router.delete(
    "/{entry_id}",
    status_code=204,
    response_class=Response,
    name="delete_episode",
    responses=writes(404, 422),
)
def delete_episode(entry_id: int, db: DbDep, actor: ActorDep) -> None:
    """Delete one of your episodes."""
    diary.delete_entry(db, actor, KIND, entry_id)
