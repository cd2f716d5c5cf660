"""The diary page: the entries of the last N days a page at a time, with edit and delete, and
the pain trend. "Older entries" is a plain GET link carrying the service's cursor (a day or
time and an id, never health data)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, tzinfo
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from acumat.diary import paging
from acumat.diary.schemas import DiaryPage
from acumat.http.deps import ActorDep, DbDep
from acumat.services import demo, diary
from acumat.web.pages.charts import CHART_RANGES, trend_chart
from acumat.web.render import render

router = APIRouter()
PAGE_SIZE = paging.DEFAULT_LIMIT


@router.get("/diary")
def diary_page(
    request: Request,
    db: DbDep,
    actor: ActorDep,
    days: Annotated[int, Query()] = 30,
    chart_range: Annotated[Literal["30", "90"], Query(alias="range")] = "30",
    cursor: Annotated[str | None, Query(max_length=paging.MAX_CURSOR_LENGTH)] = None,
) -> Response:
    """A page of the last ``days`` days' entries (from ``cursor`` on), and pain over ``range``
    (30 or 90) days."""
    days_shown = diary.diary_range(actor, days)
    page = diary.page_diary(db, actor, "diary", days_shown, PAGE_SIZE, cursor)
    context = {
        "page": page,
        "days_of_page": by_day(page, actor.zone),
        "cursor": cursor,
        "days": days,
        "chart": trend_chart(db, actor, int(chart_range)),
        "chart_ranges": CHART_RANGES,
        "demo_rows": demo.count_demo(db, actor),
    }
    return render(request, "diary.html", context)


@dataclass
class Day:
    """One day of the diary as a card: its check-in, then what happened, oldest first."""

    day: date
    checkin: Any = None
    timed: list[tuple[str, Any]] = field(default_factory=list)


def by_day(page: DiaryPage, zone: tzinfo) -> list[Day]:
    """The page's entries grouped by the person's own calendar day, newest day first; within
    a day, episodes, sessions and care in the order they started."""
    found: dict[date, Day] = {}
    for checkin in page.checkins:
        found.setdefault(checkin.day, Day(checkin.day)).checkin = checkin
    for kind, rows in (("episode", page.episodes), ("session", page.sessions), ("care", page.care)):
        for row in rows:
            local = row.started_at.astimezone(zone).date()
            found.setdefault(local, Day(local)).timed.append((kind, row))
    for day in found.values():
        day.timed.sort(key=lambda pair: pair[1].started_at)
    return [found[day] for day in sorted(found, reverse=True)]
