"""The pain-trend chart as pages show it: the service's series drawn by ``insights.charts``."""

from __future__ import annotations

from dataclasses import dataclass

from acumat.actor import Actor
from acumat.insights.charts import pain_trend_summary, pain_trend_svg
from acumat.services import diary
from acumat.services.database import Database

CHART_RANGES = (30, 90)


@dataclass(frozen=True)
class TrendChart:
    """What a page needs to show the trend: the SVG (or ``None`` when empty) and its words."""

    days: int
    svg: str | None
    summary: str
    points: int


def trend_chart(db: Database, actor: Actor, days: int, compact: bool = False) -> TrendChart:
    """The last ``days`` days of pain; no SVG at all when there is nothing to draw."""
    start, end = diary.diary_range(actor, days)
    series = diary.pain_series(db, actor, start, end)
    title = f"Pain, last {days} days"
    svg = pain_trend_svg(series, title=title, compact=compact) if series else None
    return TrendChart(days, svg, pain_trend_summary(series), len(series))
