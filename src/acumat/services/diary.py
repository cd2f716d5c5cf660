"""Diary use cases: log, edit, delete and list check-ins, episodes, sessions and care.

Every function validates before it writes and writes inside exactly one transaction, so a
refused entry leaves the database untouched. An edit comes in two kinds: a full
replacement (``put_checkin``, ``update_entry``: the forms show every field) and a partial
one (``patch_checkin``, ``patch_entry``: only the fields given change, ``None`` clears one),
which reads, merges, validates the merged entry and writes in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta, tzinfo
from typing import Any, cast

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from acumat.actor import Actor
from acumat.diary import paging
from acumat.diary.paging import Position
from acumat.diary.schemas import (
    INPUT_SCHEMAS,
    CareOut,
    CheckInIn,
    CheckInOut,
    DiaryPage,
    EpisodeOut,
    MatSessionOut,
    PagedDiary,
)
from acumat.errors import Conflict, InvalidInput, NotFound, Problem
from acumat.kinds import ENTRY_KINDS, LIST_NAMES, EntryKind
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS, CareActivity, CheckIn, Episode, MatSession
from acumat.store.repos import DiaryRepo
from acumat.timecheck import EARLIEST, LATEST, in_window, window_message
from acumat.validation import parse

TimedKind = type[Episode] | type[MatSession] | type[CareActivity]

OUT_SCHEMAS: dict[EntryKind, type[BaseModel]] = {
    "checkin": CheckInOut,
    "episode": EpisodeOut,
    "session": MatSessionOut,
    "care": CareOut,
}
"""Each kind's stored form (beside ``INPUT_SCHEMAS``; exports and listings read it)."""

TIMED: dict[str, tuple[TimedKind, type[BaseModel], type[BaseModel]]] = {
    kind: (cast(TimedKind, ENTRY_MODELS[kind]), INPUT_SCHEMAS[kind], OUT_SCHEMAS[kind])
    for kind in ENTRY_KINDS
    if kind != "checkin"
}
"""The kinds addressed by id (everything but the check-in, addressed by its day)."""

KEPT_FIELDS = frozenset({"id", "uuid", "created_at", "updated_at", "is_demo"})
MAX_RANGE_DAYS = 3660
RACE_RETRIES = 3  # fresh attempts when another writer takes the same day at the same moment


def _timed(kind: str) -> tuple[TimedKind, type[BaseModel], type[BaseModel]]:
    try:
        return TIMED[kind]
    except KeyError:
        raise InvalidInput.single("kind", f"must be one of: {', '.join(TIMED)}") from None


# --- check-ins -------------------------------------------------------------------------


def add_checkin(db: Database, actor: Actor, raw: Mapping[str, Any] | CheckInIn) -> CheckInOut:
    """Record a day's check-in; a second one for the same day is a :class:`Conflict`.

    Two writers racing for the same day: the database's unique key decides, and the loser
    gets the same :class:`Conflict` as if it had come second.
    """
    data = validated_checkin(actor, raw)
    try:
        with db.transaction() as session:
            entry, _ = store_checkin(session, actor, data, replace=False)
            return entry
    except IntegrityError:
        raise day_taken(data.day) from None


def put_checkin(
    db: Database, actor: Actor, raw: Mapping[str, Any] | CheckInIn
) -> tuple[CheckInOut, bool]:
    """Create or replace the check-in of ``raw['day']``; returns it and whether it is new.

    If another writer creates the same day between our read and our insert, ours becomes
    the replacement (a fresh transaction), as if it had arrived just after. Should the day
    keep changing under us, the person is told to try again rather than shown a crash.
    """
    data = validated_checkin(actor, raw)
    for _ in range(RACE_RETRIES):
        try:
            return _put_checkin_once(db, actor, data)
        except IntegrityError:
            continue
    raise Conflict(f"the check-in for {data.day.isoformat()} kept changing; try again")


def validated_checkin(actor: Actor, raw: Mapping[str, Any] | CheckInIn) -> CheckInIn:
    """The check-in judged against the actor's own today."""
    return parse(CheckInIn, raw, actor.context())


def _put_checkin_once(db: Database, actor: Actor, data: CheckInIn) -> tuple[CheckInOut, bool]:
    with db.transaction() as session:
        return store_checkin(session, actor, data, replace=True)


def store_checkin(
    session: Session, actor: Actor, data: CheckInIn, *, replace: bool
) -> tuple[CheckInOut, bool]:
    """Write a validated check-in in the caller's transaction; returns it and whether it is new.

    An existing day is replaced when ``replace``, else refused with :class:`Conflict`.
    """
    repo = DiaryRepo(session, actor.user_id)
    existing = repo.checkin_on(data.day)
    if existing is None:
        return CheckInOut.model_validate(repo.add(CheckIn, data.model_dump())), True
    if not replace:
        raise day_taken(data.day)
    return CheckInOut.model_validate(repo.update(existing, data.model_dump())), False


def day_taken(day: date) -> Conflict:
    """The one refusal of a second check-in for ``day`` where replacing was not asked for.

    The same-day policy: every interface refuses it unless the person asked to replace the
    day (``put_checkin``, ``replace=True``) or to change some of its fields
    (:func:`patch_checkin`). The words suit any interface: no verbs of HTTP, no flags.
    """
    return Conflict(
        f"there is already a check-in for {day.isoformat()}; change that one instead, "
        "or choose to replace it with this one"
    )


def patch_checkin(db: Database, actor: Actor, day: date, changes: Mapping[str, Any]) -> CheckInOut:
    """Change only the fields in ``changes`` of the check-in of ``day``; the rest stay.

    ``None`` clears an optional field (back to its default); a required one cannot be
    cleared. Giving ``day`` moves the check-in to that day, a :class:`Conflict` if it
    already has one. The merged check-in is validated as a new one would be, and read,
    check and write are one transaction. The red-flag re-check is never touched.
    """
    given = _changes(CheckInIn, changes)
    merged: CheckInIn | None = None
    try:
        with db.transaction() as session:
            repo = DiaryRepo(session, actor.user_id)
            row = repo.checkin_on(day, for_update=True)
            if row is None:
                raise NotFound("check-in for", day.isoformat())
            merged = _merged(CheckInIn, CheckInOut.model_validate(row), given, actor)
            if merged.day != day and repo.checkin_on(merged.day) is not None:
                raise day_taken(merged.day)
            return CheckInOut.model_validate(repo.update(row, merged.model_dump()))
    except IntegrityError:  # another writer took the new day between our look and our write
        raise day_taken(merged.day if merged is not None else day) from None


def get_checkin(db: Database, actor: Actor, day: date) -> CheckInOut:
    with db.transaction() as session:
        row = DiaryRepo(session, actor.user_id).checkin_on(day)
        if row is None:
            raise NotFound("check-in for", day.isoformat())
        return CheckInOut.model_validate(row)


def delete_checkin(db: Database, actor: Actor, day: date) -> None:
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        row = repo.checkin_on(day)
        if row is None:
            raise NotFound("check-in for", day.isoformat())
        repo.delete(row)


# --- timed entries: episodes, mat sessions, care -------------------------------------------


def add_entry(db: Database, actor: Actor, kind: str, raw: dict[str, Any] | BaseModel) -> Any:
    """Record an episode, mat session or care activity; returns its stored form."""
    model, schema_in, schema_out = _timed(kind)
    data = parse(schema_in, raw, actor.context())
    with db.transaction() as session:
        row = DiaryRepo(session, actor.user_id).add(model, data.model_dump())
        _safety_after(session, actor, kind, row)
        return schema_out.model_validate(row)


def update_entry(
    db: Database, actor: Actor, kind: str, entry_id: int, raw: dict[str, Any] | BaseModel
) -> Any:
    """Replace every field of an existing entry (the form shows them all)."""
    model, schema_in, schema_out = _timed(kind)
    data = parse(schema_in, raw, actor.context())
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        row = repo.update(repo.get(model, entry_id), data.model_dump())
        _safety_after(session, actor, kind, row)
        return schema_out.model_validate(row)


def patch_entry(
    db: Database, actor: Actor, kind: str, entry_id: int, changes: Mapping[str, Any]
) -> Any:
    """Change only the fields in ``changes`` of entry ``entry_id``; returns its stored form.

    As :func:`patch_checkin`: ``None`` clears an optional field, the merged entry must pass
    every rule a new one must (an end after the start, a stop reason only when stopped
    early), and read, check and write are one transaction.
    """
    model, schema_in, schema_out = _timed(kind)
    given = _changes(schema_in, changes)
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        row = repo.get(model, entry_id, for_update=True)
        data = _merged(schema_in, schema_out.model_validate(row), given, actor)
        updated = repo.update(row, data.model_dump())
        _safety_after(session, actor, kind, updated)
        return schema_out.model_validate(updated)


def _changes(schema: type[BaseModel], changes: Mapping[str, Any]) -> dict[str, Any]:
    """``changes`` with each ``None`` read as "clear": an optional field's default.

    :class:`InvalidInput` naming every field that is unknown, kept by acumat, or required
    and cleared; or, for no changes at all, saying there is nothing to change.
    """
    if not changes:
        raise InvalidInput.single("entry", "nothing to change; give at least one value to change")
    fields = schema.model_fields
    problems = [_unknown(name) for name in changes if name not in fields]
    problems += [
        Problem(name, "is required and cannot be cleared; give a value")
        for name, value in changes.items()
        if value is None and name in fields and fields[name].is_required()
    ]
    if problems:
        raise InvalidInput(problems)
    return {
        name: fields[name].get_default(call_default_factory=True) if value is None else value
        for name, value in changes.items()
    }


def _unknown(name: str) -> Problem:
    if name in KEPT_FIELDS:
        return Problem(name, "is kept by acumat and cannot be changed; remove it")
    return Problem(name, "is not a field of this entry; remove it")


def _merged(schema: type[Any], stored: BaseModel, changes: Mapping[str, Any], actor: Actor) -> Any:
    """The stored entry with ``changes`` laid over it, validated as a whole."""
    current = stored.model_dump(include=set(schema.model_fields))
    return parse(schema, {**current, **changes}, actor.context())


def _safety_after(session: Session, actor: Actor, kind: str, row: Any) -> None:
    """A mat session reporting signs of a skin infection is judged by the safety rules in
    the same transaction (:mod:`acumat.services.aftercare`)."""
    if kind == "session":
        from acumat.services.aftercare import after_session_in

        after_session_in(session, actor, row.effects or ())


def get_entry(db: Database, actor: Actor, kind: str, entry_id: int) -> Any:
    model, _, schema_out = _timed(kind)
    with db.transaction() as session:
        return schema_out.model_validate(DiaryRepo(session, actor.user_id).get(model, entry_id))


def delete_entry(db: Database, actor: Actor, kind: str, entry_id: int) -> None:
    model, _, _ = _timed(kind)
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        repo.delete(repo.get(model, entry_id))


# --- listing ---------------------------------------------------------------------------------


def diary_range(actor: Actor, days: int, end: date | None = None) -> tuple[date, date]:
    """The ``days`` days ending on ``end`` (default the actor's today), inclusive."""
    if not 1 <= days <= MAX_RANGE_DAYS:
        raise InvalidInput.single("days", f"must be between 1 and {MAX_RANGE_DAYS}")
    last = end or actor.today()
    if not in_window(last):
        raise InvalidInput.single("end", window_message())
    return max(last - timedelta(days=days - 1), EARLIEST), last


def check_range(start: date, end: date) -> None:
    """Refuse a range that is reversed, too long or outside the calendar acumat keeps."""
    for name, day in (("start", start), ("end", end)):
        if not EARLIEST <= day <= LATEST:
            raise InvalidInput.single(name, window_message())
    if end < start:
        raise InvalidInput.single("end", "must not be before start")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidInput.single("start", f"range must be at most {MAX_RANGE_DAYS} days")


def list_diary(db: Database, actor: Actor, start: date, end: date) -> DiaryPage:
    """Every entry from ``start`` to ``end`` (the actor's days, inclusive), newest first."""
    check_range(start, end)
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        lists = {
            LIST_NAMES[kind]: [OUT_SCHEMAS[kind].model_validate(row) for row in reversed(rows)]
            for kind in ENTRY_KINDS
            for rows in [_between(repo, kind, start, end, actor.zone)]
        }
    return DiaryPage(start=start, end=end, **lists)


def _between(repo: DiaryRepo, kind: EntryKind, start: date, end: date, zone: tzinfo) -> list[Any]:
    if kind == "checkin":
        return repo.checkins_between(start, end)
    model, _, _ = TIMED[kind]
    return repo.timed_between(model, start, end, zone)


def page_diary(
    db: Database,
    actor: Actor,
    listing: str,
    days: tuple[date, date],
    limit: int = paging.DEFAULT_LIMIT,
    cursor: str | None = None,
) -> PagedDiary:
    """A page of ``listing`` (``"diary"`` for every kind, or one kind's list such as
    ``"episodes"``): the ``limit`` newest entries of the days ``days`` after ``cursor``.

    Each kind is read with one keyset query of at most ``limit + 1`` rows, so a page costs
    the same however long the diary is (see :mod:`acumat.diary.paging` for the order).
    """
    start, end = days
    check_range(start, end)
    paging.check_limit(limit)
    after = paging.decode(listing, cursor) if cursor is not None else None
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        fetched = [
            (kind, entry)
            for kind in paging.LISTS[listing]
            for entry in _newest(repo, kind, days, after, limit + 1, actor.zone)
        ]
    fetched.sort(key=lambda found: _position(*found).sort_key(actor.zone), reverse=True)
    shown = fetched[:limit]
    lists: dict[str, list[Any]] = {name: [] for name in LIST_NAMES.values()}
    for kind, entry in shown:
        lists[LIST_NAMES[kind]].append(entry)
    more = len(fetched) > limit
    next_cursor = paging.encode(listing, _position(*shown[-1])) if more else None
    return PagedDiary(start=start, end=end, limit=limit, next_cursor=next_cursor, **lists)


def _newest(
    repo: DiaryRepo,
    kind: EntryKind,
    days: tuple[date, date],
    after: Position | None,
    limit: int,
    zone: tzinfo,
) -> list[Any]:
    """Up to ``limit`` entries of ``kind`` after ``after``, newest first, in their Out form."""
    start, end = days
    if kind == "checkin":
        before = paging.checkin_bound(after, zone)
        rows = repo.checkins_page(start, end, before=before, limit=limit)
        return [CheckInOut.model_validate(row) for row in rows]
    model, _, schema_out = TIMED[kind]
    bound = paging.timed_bound(kind, after, zone)
    found = repo.timed_page(model, start, end, zone, before=bound, limit=limit)
    return [schema_out.model_validate(row) for row in found]


def _position(kind: EntryKind, entry: Any) -> Position:
    return Position(kind, entry.day if kind == "checkin" else entry.started_at, entry.id)


def pain_series(db: Database, actor: Actor, start: date, end: date) -> list[tuple[date, int]]:
    """(day, pain) for each check-in in the range, oldest first: the trend chart's data."""
    check_range(start, end)
    with db.transaction() as session:
        rows = DiaryRepo(session, actor.user_id).checkins_between(start, end)
        return [(r.day, r.pain) for r in rows]
