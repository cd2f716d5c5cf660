"""Query parameters choosing which days a listing covers.

Both defer to :func:`acumat.services.diary.diary_range`, so the API, the pages and the CLI
agree on what "the last N days" means and on its limits.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from acumat.actor import Actor
from acumat.http.deps import get_actor
from acumat.services import diary
from acumat.timecheck import SaneDay

DEFAULT_DAYS = 30


def day_range(
    actor: Annotated[Actor, Depends(get_actor)],
    start: Annotated[
        SaneDay | None, Query(description="First day (default: 29 days before end)")
    ] = None,
    end: Annotated[
        SaneDay | None, Query(description="Last day, inclusive (default: today)")
    ] = None,
) -> tuple[date, date]:
    """``start``..``end``; either may be left out, giving the last 30 days up to ``end``."""
    first, last = diary.diary_range(actor, DEFAULT_DAYS, end)
    chosen = start or first, last
    diary.check_range(*chosen)
    return chosen


def recent_days(
    actor: Annotated[Actor, Depends(get_actor)],
    days: Annotated[
        int, Query(description="How many days up to today", ge=1, le=diary.MAX_RANGE_DAYS)
    ] = DEFAULT_DAYS,
) -> tuple[date, date]:
    """The last ``days`` days, today included."""
    return diary.diary_range(actor, days)


DayRange = Annotated[tuple[date, date], Depends(day_range)]
RecentDays = Annotated[tuple[date, date], Depends(recent_days)]
