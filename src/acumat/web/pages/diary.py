"""The diary page: every entry of the last N days, with edit and delete, and the pain trend."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from acumat.http.deps import ActorDep, DbDep
from acumat.services import diary
from acumat.web.pages.charts import CHART_RANGES, trend_chart
from acumat.web.render import render

router = APIRouter()


@router.get("/diary")
def diary_page(
    request: Request,
    db: DbDep,
    actor: ActorDep,
    days: Annotated[int, Query()] = 30,
    chart_range: Annotated[Literal["30", "90"], Query(alias="range")] = "30",
) -> Response:
    """List entries of the last ``days`` days and chart pain over ``range`` (30 or 90) days."""
    start, end = diary.diary_range(actor, days)
    context = {
        "page": diary.list_diary(db, actor, start, end),
        "days": days,
        "chart": trend_chart(db, actor, int(chart_range)),
        "chart_ranges": CHART_RANGES,
    }
    return render(request, "diary.html", context)
