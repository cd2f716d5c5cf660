"""Diary use cases: log, edit, delete and list check-ins, episodes, sessions and care.

Every function validates before it opens a transaction and writes inside exactly one,
so a refused entry leaves the database untouched.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pydantic import BaseModel

from acumat.clock import today
from acumat.diary.schemas import (
    CareIn,
    CareOut,
    CheckInIn,
    CheckInOut,
    DiaryPage,
    EpisodeIn,
    EpisodeOut,
    MatSessionIn,
    MatSessionOut,
)
from acumat.diary.validation import parse
from acumat.errors import Conflict, InvalidInput, NotFound
from acumat.store.engine import Database
from acumat.store.models import CareActivity, CheckIn, Episode, MatSession
from acumat.store.repos import DiaryRepo

TimedKind = type[Episode] | type[MatSession] | type[CareActivity]

TIMED: dict[str, tuple[TimedKind, type[BaseModel], type[BaseModel]]] = {
    "episode": (Episode, EpisodeIn, EpisodeOut),
    "session": (MatSession, MatSessionIn, MatSessionOut),
    "care": (CareActivity, CareIn, CareOut),
}
MAX_RANGE_DAYS = 3660


def _timed(kind: str) -> tuple[TimedKind, type[BaseModel], type[BaseModel]]:
    try:
        return TIMED[kind]
    except KeyError:
        raise InvalidInput.single("kind", f"must be one of: {', '.join(TIMED)}") from None


# --- check-ins -------------------------------------------------------------------------


def add_checkin(db: Database, user_id: int, raw: dict[str, Any] | CheckInIn) -> CheckInOut:
    """Record a day's check-in; a second one for the same day is a :class:`Conflict`."""
    data = raw if isinstance(raw, CheckInIn) else parse(CheckInIn, raw)
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        if repo.checkin_on(data.day) is not None:
            raise Conflict(
                f"there is already a check-in for {data.day.isoformat()}; edit it instead "
                "(`acumat log checkin --replace` or PUT /api/v1/checkins/{day})"
            )
        return CheckInOut.model_validate(repo.add(CheckIn, data.model_dump()))


def put_checkin(
    db: Database, user_id: int, raw: dict[str, Any] | CheckInIn
) -> tuple[CheckInOut, bool]:
    """Create or replace the check-in of ``raw['day']``; returns it and whether it is new."""
    data = raw if isinstance(raw, CheckInIn) else parse(CheckInIn, raw)
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        existing = repo.checkin_on(data.day)
        if existing is None:
            return CheckInOut.model_validate(repo.add(CheckIn, data.model_dump())), True
        return CheckInOut.model_validate(repo.update(existing, data.model_dump())), False


def get_checkin(db: Database, user_id: int, day: date) -> CheckInOut:
    with db.transaction() as session:
        row = DiaryRepo(session, user_id).checkin_on(day)
        if row is None:
            raise NotFound("check-in for", day.isoformat())
        return CheckInOut.model_validate(row)


def delete_checkin(db: Database, user_id: int, day: date) -> None:
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        row = repo.checkin_on(day)
        if row is None:
            raise NotFound("check-in for", day.isoformat())
        repo.delete(row)


# --- timed entries: episodes, mat sessions, care -------------------------------------------


def add_entry(db: Database, user_id: int, kind: str, raw: dict[str, Any] | BaseModel) -> Any:
    """Record an episode, mat session or care activity; returns its stored form."""
    model, schema_in, schema_out = _timed(kind)
    data = raw if isinstance(raw, schema_in) else parse(schema_in, _as_dict(raw))
    with db.transaction() as session:
        row = DiaryRepo(session, user_id).add(model, data.model_dump())
        return schema_out.model_validate(row)


def update_entry(
    db: Database, user_id: int, kind: str, entry_id: int, raw: dict[str, Any] | BaseModel
) -> Any:
    """Replace every field of an existing entry (the form shows them all)."""
    model, schema_in, schema_out = _timed(kind)
    data = raw if isinstance(raw, schema_in) else parse(schema_in, _as_dict(raw))
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        row = repo.update(repo.get(model, entry_id), data.model_dump())
        return schema_out.model_validate(row)


def get_entry(db: Database, user_id: int, kind: str, entry_id: int) -> Any:
    model, _, schema_out = _timed(kind)
    with db.transaction() as session:
        return schema_out.model_validate(DiaryRepo(session, user_id).get(model, entry_id))


def delete_entry(db: Database, user_id: int, kind: str, entry_id: int) -> None:
    model, _, _ = _timed(kind)
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        repo.delete(repo.get(model, entry_id))


def _as_dict(raw: dict[str, Any] | BaseModel) -> dict[str, Any]:
    return raw.model_dump() if isinstance(raw, BaseModel) else raw


# --- listing ---------------------------------------------------------------------------------


def diary_range(days: int, end: date | None = None) -> tuple[date, date]:
    """The ``days`` local days ending on ``end`` (default today), inclusive."""
    if not 1 <= days <= MAX_RANGE_DAYS:
        raise InvalidInput.single("days", f"must be between 1 and {MAX_RANGE_DAYS}")
    last = end or today()
    return last - timedelta(days=days - 1), last


def list_diary(db: Database, user_id: int, start: date, end: date) -> DiaryPage:
    """Every entry from ``start`` to ``end`` (local days, inclusive), newest first."""
    if end < start:
        raise InvalidInput.single("end", "must not be before start")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidInput.single("start", f"range must be at most {MAX_RANGE_DAYS} days")
    with db.transaction() as session:
        repo = DiaryRepo(session, user_id)
        return DiaryPage(
            start=start,
            end=end,
            checkins=[
                CheckInOut.model_validate(r) for r in reversed(repo.checkins_between(start, end))
            ],
            episodes=[
                EpisodeOut.model_validate(r)
                for r in reversed(repo.timed_between(Episode, start, end))
            ],
            sessions=[
                MatSessionOut.model_validate(r)
                for r in reversed(repo.timed_between(MatSession, start, end))
            ],
            care=[
                CareOut.model_validate(r)
                for r in reversed(repo.timed_between(CareActivity, start, end))
            ],
        )


def pain_series(db: Database, user_id: int, start: date, end: date) -> list[tuple[date, int]]:
    """(day, pain) for each check-in in the range, oldest first: the trend chart's data."""
    with db.transaction() as session:
        rows = DiaryRepo(session, user_id).checkins_between(start, end)
        return [(r.day, r.pain) for r in rows]
