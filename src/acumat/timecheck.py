"""Judging days and instants against the acting person's clock, shared by every room.

Validation gets "now" and the person's zone through pydantic's validation context
(:class:`TimeContext`), never from the process. Without a context (FastAPI checking a
request body's shape) the checks that need a clock are left to the service, which always
validates again with the actor's context before anything is written.

Local times are read in the person's zone with its daylight-saving rules: a time in the hour
the clocks skip is refused with a message; a time in the hour that happens twice is read as
the first of the two (before the clocks go back). An explicit offset (``+01:00``) always wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

FUTURE_SLACK = timedelta(minutes=5)
EARLIEST = date(1900, 1, 1)
LATEST = date(2100, 12, 31)
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True)
class TimeContext:
    """The clock a validation runs against: the current instant and the person's zone."""

    now: datetime
    zone: tzinfo

    @property
    def today(self) -> date:
        return self.now.astimezone(self.zone).date()


def context_of(info: ValidationInfo) -> TimeContext | None:
    found = info.context.get("time") if isinstance(info.context, dict) else None
    return found if isinstance(found, TimeContext) else None


def validation_context(time: TimeContext) -> dict[str, Any]:
    """The ``context=`` argument for ``model_validate``."""
    return {"time": time}


def in_window(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def window_message() -> str:
    return f"must be between {EARLIEST.isoformat()} and {LATEST.isoformat()}"


def iso_day(value: object) -> object:
    """A day as ``YYYY-MM-DD`` text (or a date); numbers and other spellings are refused."""
    if isinstance(value, datetime):
        raise _refused("not_a_day", "must be a day such as 2026-03-15, without a time")
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not ISO_DAY.fullmatch(value.strip()):
        raise _refused("not_a_day", "must be a day written as YYYY-MM-DD, such as 2026-03-15")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise _refused(
            "not_a_real_day", f"{value.strip()} is not a real day of the calendar"
        ) from None


def iso_instant(value: object) -> object:
    """A date and time as ISO text (or a datetime); a number is never a Unix timestamp.

    pydantic would read ``0`` or ``"1700000000"`` as seconds since 1970; a person who sends
    a number meant something else, so it is refused.
    """
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not ISO_DAY.match(value.strip()):
        raise _refused(
            "not_a_time",
            "must be a date and time such as 2026-03-15T08:30 (or with an offset: …T08:30+01:00)",
        )
    return value.strip()


def day_in_window(value: date) -> date:
    if not in_window(value):
        raise _refused("out_of_window", window_message())
    return value


def not_future_day(value: date, info: ValidationInfo) -> date:
    day_in_window(value)
    time = context_of(info)
    if time is not None and value > time.today:
        raise _refused("future_day", f"must be today ({time.today.isoformat()}) or earlier")
    return value


def attach_zone(naive: datetime, zone: tzinfo) -> datetime:
    """``naive`` read as a wall-clock time in ``zone``, honouring daylight-saving rules.

    :class:`ValueError` if that wall-clock time never happens there (the skipped hour).
    """
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        back = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        if back != naive:
            raise _refused(
                "skipped_time",
                f"{naive:%Y-%m-%d %H:%M} did not happen in {zone}: the clocks went forward "
                "then; give a time after the change, or add the offset (e.g. +01:00)",
            )
    return first


def aware_not_future(value: datetime, info: ValidationInfo) -> datetime:
    """An instant, in UTC; naive input is the person's wall-clock time."""
    if not in_window(value.date()):
        raise _refused("out_of_window", window_message())
    time = context_of(info)
    if value.tzinfo is None:
        if time is None:
            return value  # the service validates again with the person's zone
        value = attach_zone(value, time.zone)
    value = value.astimezone(UTC)
    if time is not None and value > time.now + FUTURE_SLACK:
        raise _refused("future_time", "must not be in the future")
    return value


def instant_in_window(value: datetime) -> datetime:
    """An aware instant within the supported years, in UTC (bookkeeping times in files)."""
    if not in_window(value.date()):
        raise _refused("out_of_window", window_message())
    return value.astimezone(UTC)


def instant_not_future(value: datetime, info: ValidationInfo) -> datetime:
    """An instant that must carry its offset (files, not people, give these)."""
    return aware_not_future(value, info)


WINDOW_WORDS = f"from {EARLIEST.isoformat()} to {LATEST.isoformat()}"
DAY_SCHEMA = WithJsonSchema(
    {"type": "string", "format": "date", "description": f"a day {WINDOW_WORDS}"}
)
TIME_SCHEMA = WithJsonSchema(
    {
        "type": "string",
        "format": "date-time",
        "description": f"a time {WINDOW_WORDS}; without an offset, the person's local time",
    }
)
# JSON Schema has no minimum for dates, so the schemas say the calendar window in words (a
# pattern on the year beside the format leaves generators such as schemathesis finding
# almost no valid values).
PastDay = Annotated[date, BeforeValidator(iso_day), AfterValidator(not_future_day), DAY_SCHEMA]
SaneDay = Annotated[date, BeforeValidator(iso_day), AfterValidator(day_in_window), DAY_SCHEMA]
PastTime = Annotated[
    datetime, BeforeValidator(iso_instant), AfterValidator(aware_not_future), TIME_SCHEMA
]


def _refused(code: str, sentence: str) -> PydanticCustomError:
    """A clock refusal as a coded fact (``code``) with acumat's plain sentence; each interface
    words the code its own way (:mod:`acumat.present.messages`). It is a ``ValueError``, so
    callers outside validation catch it as before."""
    return PydanticCustomError(code, sentence)
