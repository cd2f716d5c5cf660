"""A person's own settings: the time zone their days are counted in, their region, the
longest mat session their plan may hold, and when acumat reminds them of things.

Reminders (see :mod:`acumat.services.reminders`): planned mat sessions are put at a time of
day the person chooses (:data:`DEFAULT_SESSION_TIME` until they do); a daily check-in
reminder and movement breaks during working hours are off until they are turned on. The
calendar feed's secret address exists only once the person asks for one, and making a new
one ends the old.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping
from datetime import time
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from acumat import clock
from acumat.actor import Actor
from acumat.plan import load_rules
from acumat.safety.regions import regions
from acumat.services.database import actor_of
from acumat.store.engine import Database
from acumat.store.models import User
from acumat.store.repos import UserRepo
from acumat.validation import AsWholeNumber, parse

PLAN_RULES = load_rules()

REGIONS = {code: place.name for code, place in regions().items()}
"""Region codes and the names a person picks from (``acumat/safety/regions.toml``)."""

DEFAULT_SESSION_TIME = time(20, 0)
"""When planned mat sessions go in the calendar until the person chooses: an evening
session eases the day's tension, and 8 pm leaves time between the mat and sleep, so the
mat does not become a place to fall asleep (SES-08)."""

MOVEMENT_DAYS = {"weekdays": "Monday to Friday", "every_day": "Every day"}
"""On which days movement breaks are reminded, by code."""

OFF = "off"
OFF_WORDS = frozenset({"", "off", "none", "no"})
CLOCK = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])(:[0-5][0-9])?")
SHORTEST_WORKING_SPAN = 60
"""Minutes: movement hours shorter than this would hold no break every 30 minutes."""
TOKEN_BYTES = 32

CLOCK_WORDS = "a time of day on the 24-hour clock, such as 20:00"
HOURS_WORDS = "please give both the start and the end on the 24-hour clock, such as 09:00-17:00"


def _known_zone(name: str) -> str:
    try:
        clock.zone(name)
    except KeyError:
        raise ValueError(
            f"{name!r} is not a time zone acumat knows; use a name such as Europe/London, "
            "America/New_York or Pacific/Auckland"
        ) from None
    return name


def _known_region(code: str) -> str:
    if code.upper() not in REGIONS:
        raise ValueError(f"must be one of: {', '.join(REGIONS)}")
    return code.upper()


def read_clock(text: str) -> time:
    """``20:00`` (or ``8:05``, or ``20:00:00`` as some browsers send it) as a time of day."""
    found = CLOCK.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"please give {CLOCK_WORDS}")
    return time(int(found[1]), int(found[2]))


def _clock_time(text: str) -> str:
    return f"{read_clock(text):%H:%M}"


def _clock_time_or_off(text: str) -> str:
    return OFF if text.strip().lower() in OFF_WORDS else _clock_time(text)


def read_hours(text: str) -> tuple[time, time]:
    """``09:00-17:00`` as its start and end; the end at least an hour after the start."""
    parts = re.split(r"\s*(?:-|–|—|\bto\b)\s*", text.strip())
    if len(parts) != 2 or not all(parts):
        raise ValueError(HOURS_WORDS)
    try:
        start, end = read_clock(parts[0]), read_clock(parts[1])
    except ValueError:
        raise ValueError(HOURS_WORDS) from None
    if _minutes(end) - _minutes(start) < SHORTEST_WORKING_SPAN:
        raise ValueError(
            "the end must be at least an hour after the start, on the same day, such as 09:00-17:00"
        )
    return start, end


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _hours_or_off(text: str) -> str:
    if text.strip().lower() in OFF_WORDS:
        return OFF
    start, end = read_hours(text)
    return f"{start:%H:%M}-{end:%H:%M}"


class SettingsIn(BaseModel):
    """What a person may change; anything left out stays as it is."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    timezone: Annotated[str, AfterValidator(_known_zone)] | None = None
    region: Annotated[str, AfterValidator(_known_region)] | None = None
    mat_cap: (
        Annotated[int, Field(ge=PLAN_RULES.first_minutes, le=PLAN_RULES.hard_cap), AsWholeNumber]
        | None
    ) = Field(
        default=None,
        title="Longest mat session",
        description="The most minutes your plan may build up to "
        f"({PLAN_RULES.default_cap} unless you change it; never more than "
        f"{PLAN_RULES.hard_cap}).",
    )
    session_time: Annotated[str, AfterValidator(_clock_time)] | None = Field(
        default=None,
        title="Time for your mat sessions",
        description="Your planned sessions go in your calendar at this time "
        f"({DEFAULT_SESSION_TIME:%H:%M} unless you change it). Leave time after a "
        "session before you go to sleep.",
    )
    checkin_reminder: Annotated[str, AfterValidator(_clock_time_or_off)] | None = Field(
        default=None,
        title="Daily check-in reminder",
        description="A reminder each day to note how your back is. Off unless you choose a time.",
    )
    movement_hours: Annotated[str, AfterValidator(_hours_or_off)] | None = Field(
        default=None,
        title="Movement breaks while you work",
        description="A reminder every 30 minutes between these times to stand up and move "
        "for a couple of minutes: sitting still for long is hard on a back. Off unless "
        "you choose the hours.",
    )
    movement_days: Literal["weekdays", "every_day"] | None = Field(
        default=None,
        title="Movement breaks on",
        description="Monday to Friday, or every day.",
    )


class SettingsOut(BaseModel):
    timezone: str
    region: str
    mat_cap: int
    session_time: str
    checkin_reminder: str | None
    movement_hours: str | None
    movement_days: str
    calendar_feed: bool


def read_settings(db: Database, actor: Actor) -> SettingsOut:
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        return _out(user, actor)


def _out(user: User, actor: Actor) -> SettingsOut:
    hours = None
    if user.movement_from is not None and user.movement_until is not None:
        hours = f"{user.movement_from:%H:%M}-{user.movement_until:%H:%M}"
    return SettingsOut(
        timezone=actor.timezone,
        region=actor.region,
        mat_cap=user.mat_cap_minutes or PLAN_RULES.default_cap,
        session_time=f"{user.session_time or DEFAULT_SESSION_TIME:%H:%M}",
        checkin_reminder=None
        if user.checkin_reminder_at is None
        else f"{user.checkin_reminder_at:%H:%M}",
        movement_hours=hours,
        movement_days="every_day" if user.movement_every_day else "weekdays",
        calendar_feed=user.calendar_token is not None,
    )


def change_settings(db: Database, actor: Actor, raw: Mapping[str, Any]) -> Actor:
    """Store the new settings; returns the actor as they now are."""
    data = parse(SettingsIn, raw, None)
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        if data.timezone is not None:
            user.timezone = data.timezone
        if data.region is not None:
            user.region = data.region
        if data.mat_cap is not None:
            user.mat_cap_minutes = data.mat_cap
        _store_reminders(user, data)
        session.flush()
        return actor_of(user)


def _store_reminders(user: User, data: SettingsIn) -> None:
    if data.session_time is not None:
        user.session_time = read_clock(data.session_time)
    if data.checkin_reminder is not None:
        off = data.checkin_reminder == OFF
        user.checkin_reminder_at = None if off else read_clock(data.checkin_reminder)
    if data.movement_hours is not None:
        hours = None if data.movement_hours == OFF else read_hours(data.movement_hours)
        user.movement_from, user.movement_until = hours or (None, None)
    if data.movement_days is not None:
        user.movement_every_day = data.movement_days == "every_day"


def calendar_token(db: Database, actor: Actor) -> str | None:
    """The secret part of the person's calendar feed address, or ``None`` when it is off."""
    with db.transaction() as session:
        return UserRepo(session).get(actor.user_id).calendar_token


def new_calendar_token(db: Database, actor: Actor) -> str:
    """Give the person a new calendar feed address; the old one stops working at once."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with db.transaction() as session:
        UserRepo(session).get(actor.user_id).calendar_token = token
    return token


def stop_calendar_feed(db: Database, actor: Actor) -> None:
    """Turn the calendar feed off: its address stops working."""
    with db.transaction() as session:
        UserRepo(session).get(actor.user_id).calendar_token = None
