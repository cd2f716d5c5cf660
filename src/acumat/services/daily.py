"""The daily check-in with its safety netting: the diary entry plus the red-flag re-check (P6).

Everything is validated before anything is written, and the entry and its re-check are
stored in one transaction: both or neither, with one exception for safety. A check-in
refused because its day is taken still has its re-check judged, and a new urgent result is
kept (committed alone, in that same transaction): an urgent sign is never lost because the
entry it came with was refused. A calm re-check of a refused check-in writes nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.exc import IntegrityError

from acumat.actor import Actor
from acumat.diary.schemas import CheckInIn, CheckInOut
from acumat.errors import Conflict
from acumat.safety.schemas import ScreeningOut
from acumat.services import diary, screening
from acumat.store.engine import Database


@dataclass(frozen=True)
class DailyResult:
    checkin: CheckInOut
    created: bool
    triage: ScreeningOut | None


def validated_checkin(actor: Actor, raw: Mapping[str, Any]) -> CheckInIn:
    """Check the entry first, so a terminal never asks about red flags for a refused day."""
    return diary.validated_checkin(actor, raw)


def check_in(
    db: Database,
    actor: Actor,
    raw: Mapping[str, Any] | CheckInIn,
    red_flags: Mapping[str, str] | None = None,
    *,
    replace: bool = False,
) -> DailyResult:
    """Re-triage on the red-flag answers, if any, and store the day's check-in: both or neither.

    The one check-in use case of the page, the CLI and the API. A refused check-in (its day
    is taken and ``replace`` is false) is :class:`CheckInConflict`, which carries the
    re-check's result so an urgent sign is shown before the error; a new urgent result is
    saved even then (``kept``), while the check-in itself and a calm re-check are not.
    """
    data = diary.validated_checkin(actor, raw)
    flags = _every_daily_sign(screening.recheck_answers(red_flags)) if red_flags is not None else {}
    for _ in range(diary.RACE_RETRIES):
        try:
            return _check_in_once(db, actor, data, flags, replace=replace)
        except IntegrityError:
            # Another writer created the day between our read and our insert: try again, so
            # a replacement replaces and a refusal still carries the re-check's result.
            continue
    kept = _urgent_recheck_alone(db, actor, flags) if flags else None
    message = f"the check-in for {data.day.isoformat()} kept changing; try again"
    raise CheckInConflict(message, kept, kept=kept is not None)


class _Calm(Exception):
    """Rolls back a re-check that raised nothing new (see :func:`_urgent_recheck_alone`)."""


def _urgent_recheck_alone(
    db: Database, actor: Actor, flags: Mapping[str, str]
) -> ScreeningOut | None:
    """The re-check of a check-in that could not be written, in its own transaction, kept
    only when it raised a new urgent result (returned); otherwise nothing is written."""
    try:
        with db.transaction() as session:
            recheck = screening.judge_recheck_in(session, actor, flags)
            if not recheck.raised_urgent:
                raise _Calm
            return recheck.result
    except _Calm:
        return None


def _every_daily_sign(named: Mapping[str, str]) -> dict[str, str]:
    """The day's re-check with every daily sign answered: those not named are "no".

    The one meaning of a re-check in every interface: the page's unticked boxes, the CLI's
    signs not given with ``--red-flag`` and the API's signs left out of ``red_flags`` were
    all asked about and not reported (an empty ``red_flags`` is "none of these").
    """
    from acumat.safety import daily_signs

    return {**dict.fromkeys((item.id for item in daily_signs()), "no"), **named}


def _check_in_once(
    db: Database, actor: Actor, data: CheckInIn, flags: Mapping[str, str], *, replace: bool
) -> DailyResult:
    """One try, in one transaction: the re-check, then the entry. A taken day rolls back
    everything, unless the re-check raised a new urgent result: that is committed alone."""
    refused: CheckInConflict | None = None
    with db.transaction() as session:
        recheck = screening.judge_recheck_in(session, actor, flags) if flags else None
        triage = recheck.result if recheck is not None else None
        try:
            entry, created = diary.store_checkin(session, actor, data, replace=replace)
        except Conflict as exc:
            kept = recheck is not None and recheck.raised_urgent
            refused = CheckInConflict(str(exc), triage, day=data.day, kept=kept)
            if not kept:
                raise refused from exc  # rolls the calm re-check back with the entry
    if refused is not None:
        raise refused
    return DailyResult(entry, created, triage)


class CheckInConflict(Conflict):
    """The day already has a check-in (``day``; ``None`` when it kept changing under us);
    the check-in was not written, but the re-check was judged (``triage``). ``kept`` says
    that the re-check's new urgent result was saved all the same."""

    def __init__(
        self,
        message: str,
        triage: ScreeningOut | None,
        *,
        day: date | None = None,
        kept: bool = False,
    ) -> None:
        super().__init__(message)
        self.triage = triage
        self.day = day
        self.kept = kept
