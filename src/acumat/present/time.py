"""Days, times and durations as the person reads them, in their own time zone.

Stored instants are UTC; every function here takes the zone to show them in, so the same
helpers serve a web page, the terminal, a report or a calendar without a request.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

HALF = "½"


def local_time(moment: datetime | None, zone: tzinfo | None) -> str:
    """An instant in ``zone``, e.g. ``Fri 27 Nov, 15:48`` (empty for ``None``)."""
    if moment is None:
        return ""
    return moment.astimezone(zone).strftime("%a %d %b, %H:%M")


def long_day(day: date) -> str:
    """A day with its weekday and year, e.g. ``Fri 27 Nov 2026``."""
    return day.strftime("%a %d %b %Y")


def minutes_text(value: float | None) -> str:
    """Minutes as people say them: ``20 min``, ``12½ min``; other fractions round to a whole."""
    if value is None:
        return ""
    halves = round(value * 2)
    if abs(value * 2 - halves) < 0.1 and halves % 2:
        whole = halves // 2
        return f"{whole or ''}{HALF} min"
    return f"{round(value)} min"


def duration_text(seconds: float) -> str:
    """A length of time: ``20 min``, ``1 h 5 min``, ``2 h``."""
    total = round(seconds / 60)
    hours, minutes = divmod(total, 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def time_span(start: datetime, end: datetime | None, zone: tzinfo | None) -> str:
    """From ``start`` to ``end`` in ``zone``: ``Fri 27 Nov, 09:30–09:50 (20 min)``.

    Across midnight both days are named; without an end it says it is still going on.
    """
    if end is None:
        return f"{local_time(start, zone)} (still going on)"
    first, last = start.astimezone(zone), end.astimezone(zone)
    length = duration_text((end - start).total_seconds())
    if first.date() == last.date():
        return f"{local_time(start, zone)}–{last:%H:%M} ({length})"
    return f"{local_time(start, zone)} – {local_time(end, zone)} ({length})"
