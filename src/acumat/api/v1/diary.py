"""``/api/v1/diary`` and ``/api/v1/pain-trend``: the recent diary and its pain chart's data."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel

from acumat.api.v1.ranges import RecentDays
from acumat.api.v1.responses import refusals
from acumat.diary.schemas import DiaryPage
from acumat.http.deps import ActorDep, DbDep
from acumat.services import diary

router = APIRouter(tags=["diary"])


class PainPoint(BaseModel):
    """One day's check-in pain (0-10): a point of the trend chart."""

    day: date
    pain: int


@router.get("/diary", name="get_diary", responses=refusals(422))
def get_diary(db: DbDep, actor: ActorDep, days: RecentDays) -> DiaryPage:
    """Every entry of the last ``days`` days (default 30), newest first within each kind."""
    start, end = days
    return diary.list_diary(db, actor, start, end)


@router.get("/pain-trend", name="get_pain_trend", responses=refusals(422))
def get_pain_trend(db: DbDep, actor: ActorDep, days: RecentDays) -> list[PainPoint]:
    """Check-in pain of the last ``days`` days (default 30), oldest first; gaps are absent."""
    start, end = days
    series = diary.pain_series(db, actor, start, end)
    return [PainPoint(day=day, pain=pain) for day, pain in series]
