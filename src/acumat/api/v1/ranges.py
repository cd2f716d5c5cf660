"""Query parameters choosing which days a listing covers.

Both defer to :func:`acumat.services.diary.diary_range`, so the API, the pages and the CLI
agree on what "the last N days" means and on its limits.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Query

from acumat.services import diary

DEFAULT_DAYS = 30


def day_range(
    start: Annotated[
        date | None, Query(description="First day (default: 29 days before end)")
    ] = None,
    end: Annotated[date | None, Query(description="Last day, inclusive (default: today)")] = None,
) -> tuple[date, date]:
    """``start``..``end``; either may be left out, giving the last 30 days up to ``end``."""
    first, last = diary.diary_range(DEFAULT_DAYS, end)
    return start or first, last


def recent_days(
    days: Annotated[int, Query(description="How many days up to today")] = DEFAULT_DAYS,
) -> tuple[date, date]:
    """The last ``days`` days, today included."""
    return diary.diary_range(days)


DayRange = Annotated[tuple[date, date], Depends(day_range)]
RecentDays = Annotated[tuple[date, date], Depends(recent_days)]
