"""Reminders: what is due today, and the calendar (a file, or the feed at a secret address).

Both come from the same things: the mat plan (:mod:`acumat.services.plan`), the reminder
settings (:mod:`acumat.services.settings`) and the review days, about 2 and 6 weeks after
the person's first check-in or first safety check (RV-04; demo entries do not count).

What leaves acumat in a calendar is kept free of health data: a plan reason that tells how
a past session went (it may quote pain scores or why the person stopped) is replaced by a
sentence that does not; the calendar never holds answers, scores or notes.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, time, timedelta
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from acumat import clock
from acumat.actor import Actor
from acumat.errors import AcumatError, InvalidInput, NotFound
from acumat.files import write_whole
from acumat.interop.ics import (
    MEDIA_TYPE,
    CalendarSource,
    MovementHours,
    Review,
    build_calendar,
    reminder_words,
)
from acumat.plan import Plan, PlannedSession, load_rules
from acumat.safety.regions import localise
from acumat.services.database import actor_of
from acumat.services.plan import current_plan
from acumat.services.settings import DEFAULT_SESSION_TIME
from acumat.store.engine import Database
from acumat.store.models import CheckIn, Screening, User
from acumat.store.repos import DiaryRepo, UserRepo

__all__ = [
    "MEDIA_TYPE",
    "CalendarFile",
    "DueItem",
    "calendar_file",
    "calendar_for_token",
    "due_today",
    "write_calendar",
]

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,100}")
DueKind = Literal["review", "checkin", "mat_session", "movement"]


class DueItem(BaseModel):
    """One thing due today, in the person's words; ``at`` is a time of day in their zone."""

    kind: DueKind
    title: str
    detail: str
    at: str | None = None
    minutes: int | None = None
    fabric_layer: bool | None = None


class CalendarFile(BaseModel):
    """A calendar file written: where, and how many events it holds."""

    path: str
    events: int


# --- what is due today -----------------------------------------------------------------


def due_today(db: Database, actor: Actor) -> list[DueItem]:
    """What is due today: a review, the check-in (until it is done), the planned mat
    session, movement breaks; the ones without a time first, then by time of day."""
    today = actor.today()
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        settings = _Reminders.of(user)
        checked_in = DiaryRepo(session, actor.user_id).checkin_on(today) is not None
        started = _started_on(session, actor)
    items = [*_review_due(started, today, actor.region)]
    if not checked_in:
        items.append(_checkin_due(settings.checkin_at))
    items += _session_due(current_plan(db, actor), today, settings.session_time)
    if settings.movement is not None and settings.movement.applies_on(today):
        items.append(_movement_due(settings.movement))
    return sorted(items, key=lambda item: (item.at is not None, item.at or ""))


def _review_due(started: date | None, today: date, region: str) -> Iterable[DueItem]:
    for review in review_days(started):
        if review.day == today:
            said = reminder_words().review(review.weeks)
            detail = localise(said["description"], region)
            yield DueItem(kind="review", title=said["summary"], detail=detail)


def _checkin_due(at: time | None) -> DueItem:
    words = reminder_words()["checkin"]
    return DueItem(
        kind="checkin",
        title=words["summary"],
        detail=words["description"],
        at=None if at is None else f"{at:%H:%M}",
    )


def _session_due(plan: Plan, today: date, at: time) -> list[DueItem]:
    if not plan.sessions or plan.sessions[0].date != today:
        return []
    planned = plan.sessions[0]
    words = reminder_words()["session"]
    name = "summary_fabric" if planned.fabric_layer else "summary"
    return [
        DueItem(
            kind="mat_session",
            title=words[name].format(minutes=planned.minutes),
            detail=planned.reason,
            at=f"{at:%H:%M}",
            minutes=planned.minutes,
            fabric_layer=planned.fabric_layer,
        )
    ]


def _movement_due(hours: MovementHours) -> DueItem:
    words = reminder_words()["movement"]
    slots = hours.slots()
    every = int(words["every_minutes"])
    detail = f"Every {every} minutes from {slots[0]:%H:%M} to {slots[-1]:%H:%M}. {words['alarm']}"
    return DueItem(kind="movement", title=words["summary"], detail=detail, at=f"{slots[0]:%H:%M}")


# --- the calendar ----------------------------------------------------------------------


def calendar_file(db: Database, actor: Actor) -> bytes:
    """The acting person's calendar as an ``.ics`` file's bytes."""
    return build_calendar(calendar_source(db, actor))


def calendar_for_token(db: Database, token: str) -> bytes:
    """The calendar of the person whose feed address holds ``token``.

    :class:`NotFound` for any other token (one that was replaced, or never existed), with
    nothing said about whose it might have been.
    """
    if not TOKEN_SHAPE.fullmatch(token):
        raise NotFound("calendar", "")
    with db.transaction() as session:
        user = session.scalars(select(User).where(User.calendar_token == token)).one_or_none()
        if user is None:
            raise NotFound("calendar", "")
        actor = actor_of(user)
    return calendar_file(db, actor)


def calendar_source(db: Database, actor: Actor) -> CalendarSource:
    """Everything the calendar holds for ``actor``, read now; free of health data."""
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        settings, owner = _Reminders.of(user), owner_key(user)
        started = _started_on(session, actor)
    plan = current_plan(db, actor)
    return CalendarSource(
        owner=owner,
        zone=actor.timezone,
        region=actor.region,
        today=actor.today(),
        stamp=clock.utcnow(),
        session_time=settings.session_time,
        sessions=tuple(shareable(planned) for planned in plan.sessions),
        checkin_at=settings.checkin_at,
        movement=settings.movement,
        reviews=review_days(started),
    )


def write_calendar(db: Database, actor: Actor, out: Path) -> CalendarFile:
    """Write the calendar to ``out`` whole (through a partial file), replacing an older one.

    A place that cannot be written is refused (:class:`InvalidInput` on ``ics``) before
    anything is written.
    """
    target = _writable(Path(out).expanduser())
    data = calendar_file(db, actor)
    try:
        write_whole(target, data)
    except (PermissionError, IsADirectoryError, NotADirectoryError, FileNotFoundError):
        raise InvalidInput.single("ics", CANNOT_WRITE) from None
    except OSError as exc:
        raise AcumatError(
            "the calendar file could not be written (is the disk full?); nothing was changed"
        ) from exc
    return CalendarFile(path=str(target), events=data.count(b"BEGIN:VEVENT"))


CANNOT_WRITE = (
    "acumat may not write a file there; choose a file in a folder you can write to, "
    "such as your home folder"
)


def _writable(target: Path) -> Path:
    if target.is_dir():
        raise InvalidInput.single("ics", "that is a folder; give a file name ending in .ics")
    if not target.parent.is_dir():
        raise InvalidInput.single("ics", "that folder does not exist; give a file in one that does")
    if not os.access(target.parent, os.W_OK) or (
        target.exists() and not os.access(target, os.W_OK)
    ):
        raise InvalidInput.single("ics", CANNOT_WRITE)
    return target


def owner_key(user: User) -> str:
    """A stable key for the person in calendar UIDs: from their account only (its number and
    when it was made), never from anything they entered."""
    made = user.created_at.isoformat() if user.created_at else ""
    return hashlib.sha256(f"acumat-user:{user.id}:{made}".encode()).hexdigest()[:20]


def review_days(started: date | None) -> tuple[Review, ...]:
    """The review days after the person started (none before they have)."""
    if started is None:
        return ()
    return tuple(
        Review(started + timedelta(weeks=weeks), weeks) for weeks in reminder_words().review_weeks
    )


def shareable(planned: PlannedSession) -> PlannedSession:
    """``planned`` with a reason fit for a calendar: one telling how a past session went
    (pain before and after, why it stopped) becomes a sentence that does not."""
    if any(pattern.fullmatch(planned.reason) for pattern in _personal_reasons()):
        words = reminder_words()["session"]["adjusted"]
        return replace(planned, reason=words.format(minutes=planned.minutes))
    return planned


@cache
def _personal_reasons() -> tuple[re.Pattern[str], ...]:
    """The plan reasons that describe a past session (they fill in ``{what}``)."""
    rules = load_rules()
    found = []
    for section in ("hold", "step_back"):
        template = re.escape(rules[section].words["reason"])
        pattern = template.replace(r"\{minutes\}", r"\d+").replace(r"\{what\}", ".*")
        found.append(re.compile(pattern, re.DOTALL))
    return tuple(found)


# --- what the database holds -------------------------------------------------------------


@dataclass(frozen=True)
class _Reminders:
    """The person's reminder settings, read off their row."""

    session_time: time
    checkin_at: time | None
    movement: MovementHours | None

    @classmethod
    def of(cls, user: User) -> _Reminders:
        movement = None
        if user.movement_from is not None and user.movement_until is not None:
            movement = MovementHours(
                user.movement_from, user.movement_until, every_day=user.movement_every_day
            )
        return cls(user.session_time or DEFAULT_SESSION_TIME, user.checkin_reminder_at, movement)


def _started_on(session: Session, actor: Actor) -> date | None:
    """The day of the person's first own check-in or safety check, in their zone."""
    first_checkin = session.scalar(
        select(func.min(CheckIn.day)).where(CheckIn.user_id == actor.user_id, ~CheckIn.is_demo)
    )
    first_check = session.scalar(
        select(func.min(Screening.taken_at)).where(
            Screening.user_id == actor.user_id, ~Screening.is_demo
        )
    )
    days = [first_checkin] if first_checkin is not None else []
    if first_check is not None:
        days.append(first_check.astimezone(actor.zone).date())
    return min(days) if days else None
