"""The Insights page: the pain trend with a smoothed line, and what the diary shows, each
finding with its interval drawn and one line that claims no cause."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from acumat.http.deps import ActorDep, DbDep
from acumat.insights.charts import interval_svg, pain_trend_summary, pain_trend_svg
from acumat.services import insights as service
from acumat.services.insights import Finding
from acumat.web.render import render

router = APIRouter()
RANGES = (30, 90, 365)


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    chart: Markup | None


def _view(finding: Finding) -> FindingView:
    found = finding.estimate
    if found is None:
        return FindingView(finding, None)
    label = f"{finding.title}: {finding.reading}"
    chart = interval_svg(found.value, found.low, found.high, label)
    return FindingView(finding, Markup(chart))  # noqa: S704 - numbers and escaped words only


@router.get("/insights")
def insights_page(
    request: Request,
    db: DbDep,
    actor: ActorDep,
    days: Annotated[int, Query(ge=1, le=3660)] = service.DEFAULT_DAYS,
) -> Response:
    """What the diary shows over the last ``days`` days."""
    found = service.insights(db, actor, days)
    points = [(p.day, p.pain) for p in found.trend]
    line = [(p.day, p.smoothed) for p in found.trend]
    title = f"Pain, last {days} days, with a smoothed line"
    trend = pain_trend_svg(points, title=title, line=line) if points else None
    context = {
        "found": found,
        "days": days,
        "ranges": RANGES,
        "trend": Markup(trend) if trend else None,  # noqa: S704 - drawn by acumat, scripts removed
        "trend_summary": pain_trend_summary(points),
        "findings": [_view(f) for f in found.findings],
        "nav": "insights",
    }
    return render(request, "insights.html", context)
