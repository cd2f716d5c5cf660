"""The one place acumat reads the time, so tests can freeze it."""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo


def utcnow() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return datetime.now(UTC)


def local_zone() -> tzinfo:
    """The machine's local timezone: diary days are the person's calendar days."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def today() -> date:
    """The person's local calendar day."""
    return utcnow().astimezone(local_zone()).date()
