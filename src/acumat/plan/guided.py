"""A guided mat session's timing, and what the diary keeps of it (pure: times are handed in).

Each interface owns its clock (the terminal a monotonic one; the browser the moment the
server recorded at the start) and asks this module, with the seconds since the start, how
far the session has come, which cue is due, and what to save:

- The timer runs for the planned minutes, which may be a decimal (``0.1`` for a short try).
- Two cues: ``halfway`` once half the time has passed, ``end`` when it is up; a tick that
  jumps past both (a computer that slept) gives only ``end``.
- The diary keeps the planned length as whole minutes (at least 1: its field holds whole
  minutes) and the minutes done to the hundredth (0.6 seconds), never more than planned.
- A session that ends early is still a session: stopped early, with the minutes done and a
  reason (``interrupted`` until the person says why).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

SECONDS_PER_MINUTE = 60
HALFWAY = "halfway"
END = "end"
UNTIL_TOLD = "interrupted"
"""The stop reason saved at once, before the person has said why (or could not: a closed
terminal). The planner reads it as neutral: it holds the length rather than stepping back."""
PLACES = 2


def whole_minutes(minutes: float) -> int:
    """``minutes`` as the diary's whole planned minutes: the nearest, at least 1."""
    return max(1, math.floor(minutes + 0.5))


@dataclass(frozen=True)
class Timing:
    """A timer of ``minutes``; every question takes the seconds since it started."""

    minutes: float

    @property
    def total(self) -> float:
        """The length in seconds."""
        return self.minutes * SECONDS_PER_MINUTE

    def elapsed(self, seconds: float) -> float:
        """Seconds done, from 0 up to the length."""
        return min(max(seconds, 0.0), self.total)

    def left(self, seconds: float) -> float:
        return self.total - self.elapsed(seconds)

    def is_over(self, seconds: float) -> bool:
        return seconds >= self.total

    def minutes_done(self, seconds: float) -> float:
        """Minutes done to the hundredth, never more than planned."""
        return min(round(self.elapsed(seconds) / SECONDS_PER_MINUTE, PLACES), self.minutes)

    def cues(self, since: float, now: float) -> list[str]:
        """The cues whose moment falls after ``since`` and by ``now`` (seconds)."""
        if since < self.total <= now:
            return [END]
        half = self.total / 2
        return [HALFWAY] if since < half <= now else []


@dataclass(frozen=True)
class GuidedSession:
    """A session under way: when the person lay down, for how long, and how it began."""

    started_at: datetime
    minutes: float
    fabric_layer: bool
    pain_before: int

    @property
    def timing(self) -> Timing:
        return Timing(self.minutes)

    def ends_at(self) -> datetime:
        return self.started_at + timedelta(seconds=self.timing.total)

    def finished(self) -> dict[str, Any]:
        """The diary entry of a session that ran its full time."""
        return {**self._entry(), "actual_minutes": self.timing.minutes_done(self.timing.total)}

    def stopped(self, seconds: float, reason: str = UNTIL_TOLD) -> dict[str, Any]:
        """The diary entry of a session stopped ``seconds`` after it started, for ``reason``."""
        return {
            **self._entry(),
            "actual_minutes": self.timing.minutes_done(seconds),
            "stopped_early": True,
            "stop_reason": reason,
        }

    def _entry(self) -> dict[str, Any]:
        return {
            "started_at": self.started_at,
            "planned_minutes": whole_minutes(self.minutes),
            "pain_before": self.pain_before,
            "fabric_layer": self.fabric_layer,
        }


def afterwards(pain_after: int | None, skin_reaction: str | None) -> dict[str, Any]:
    """The changes the person's answers after a session make to its entry (skipped answers
    change nothing)."""
    changes: dict[str, Any] = {}
    if pain_after is not None:
        changes["pain_after"] = pain_after
    if skin_reaction is not None:
        changes["skin_reaction"] = skin_reaction
    return changes
