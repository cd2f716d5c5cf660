"""Who is acting: resolved once per request or command, and handed to every service.

Nothing below the interfaces reads "the local user" or the machine's time zone on its own:
"today", diary days and displayed times are the actor's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from zoneinfo import ZoneInfo

from acumat import clock
from acumat.timecheck import TimeContext


@dataclass(frozen=True)
class Actor:
    """A person acting on their own data, with their IANA time zone and region."""

    user_id: int
    timezone: str = "UTC"
    region: str = "GB"

    @cached_property
    def zone(self) -> ZoneInfo:
        return clock.zone(self.timezone)

    def now(self) -> datetime:
        """The current instant in the actor's zone."""
        return clock.utcnow().astimezone(self.zone)

    def today(self) -> date:
        return clock.today(self.zone)

    def context(self) -> TimeContext:
        """What validation needs to judge "not in the future" and to read local times."""
        return TimeContext(now=clock.utcnow(), zone=self.zone)
