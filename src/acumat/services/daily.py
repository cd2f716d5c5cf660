"""The daily check-in with its safety netting: the diary entry plus the red-flag re-check (P6).

Everything is validated before anything is written, and the entry and its re-check are
stored in one transaction: both or neither.
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

    A refused check-in (its day is taken and ``replace`` is false) writes nothing, but the
    refusal still carries the re-check's result, so an urgent sign is shown before the error.
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
    raise CheckInConflict(f"the check-in for {data.day.isoformat()} kept changing; try again", None)


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
    triage: ScreeningOut | None = None
    try:
        with db.transaction() as session:
            triage = screening.recheck_in(session, actor, flags) if flags else None
            entry, created = diary.store_checkin(session, actor, data, replace=replace)
    except Conflict as exc:
        raise CheckInConflict(str(exc), triage, day=data.day) from exc
    return DailyResult(entry, created, triage)


class CheckInConflict(Conflict):
    """The day already has a check-in (``day``; ``None`` when it kept changing under us);
    nothing was written, but the re-check was judged."""

    def __init__(
        self, message: str, triage: ScreeningOut | None, *, day: date | None = None
    ) -> None:
        super().__init__(message)
        self.triage = triage
        self.day = day
