"""``/api/v1/diary`` and ``/api/v1/pain-trend``: the recent diary and its pain chart's data."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel

from acumat.api.v1.paging import PageDep, link_next
from acumat.api.v1.ranges import RecentDays
from acumat.api.v1.responses import listing_responses, reads
from acumat.diary.schemas import PagedDiary
from acumat.http.deps import ActorDep, DbDep
from acumat.services import diary

router = APIRouter(tags=["diary"])


class PainPoint(BaseModel):
    """One day's check-in pain (0-10): a point of the trend chart."""

    day: date
    pain: int


@router.get("/diary", name="get_diary", responses=listing_responses())
def get_diary(
    db: DbDep,
    actor: ActorDep,
    days: RecentDays,
    page: PageDep,
    request: Request,
    response: Response,
) -> PagedDiary:
    """The newest ``limit`` entries of the last ``days`` days (default 30), every kind in one
    page; newest first within each kind. ``next_cursor`` (and ``Link``) give the next page."""
    found = diary.page_diary(db, actor, "diary", days, page.limit, page.cursor)
    link_next(request, response, found)
    return found


@router.get("/pain-trend", name="get_pain_trend", responses=reads(422))
def get_pain_trend(db: DbDep, actor: ActorDep, days: RecentDays) -> list[PainPoint]:
    """Check-in pain of the last ``days`` days (default 30), oldest first; gaps are absent."""
    start, end = days
    series = diary.pain_series(db, actor, start, end)
    return [PainPoint(day=day, pain=pain) for day, pain in series]
