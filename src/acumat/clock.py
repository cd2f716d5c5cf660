"""The one place acumat reads the time, so tests can freeze it.

There is no "local" time here: whose day it is depends on who is acting, so callers pass
the person's zone (see :class:`acumat.actor.Actor`).
"""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def utcnow() -> datetime:
    """The current instant, timezone-aware in UTC."""
    return datetime.now(UTC)


def today(zone: tzinfo) -> date:
    """The calendar day it is now in ``zone``."""
    return utcnow().astimezone(zone).date()


@cache
def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name`` (e.g. ``Europe/Oslo``); :class:`KeyError` if there is none."""
    if not name or name != name.strip() or name.startswith(("/", ".")) or ".." in name:
        raise KeyError(name)
    try:
        with warnings.catch_warnings():
            # An unknown name makes zoneinfo import a missing tzdata module, which trips over
            # pygal's old-style import hook (no find_spec) once charts have been drawn.
            warnings.simplefilter("ignore", ImportWarning)
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise KeyError(name) from None


def machine_zone_name() -> str:
    """The computer's IANA zone name, the default for a person created on it; UTC if unknown."""
    from tzlocal import get_localzone_name

    try:
        name = get_localzone_name()
    except Exception:  # noqa: BLE001 - tzlocal raises assorted errors on odd setups
        return "UTC"
    try:
        zone(name or "")
    except KeyError:
        return "UTC"
    return name or "UTC"
