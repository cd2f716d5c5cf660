"""The daily check-in with its safety netting: the diary entry plus the red-flag re-check (P6).

Everything is validated before anything is written, and the re-check runs first: a sign
reported today is triaged and stored even if the diary entry then cannot be saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from acumat.diary.schemas import CheckInIn, CheckInOut
from acumat.diary.validation import parse
from acumat.errors import Conflict
from acumat.safety.schemas import ScreeningOut
from acumat.services import diary, screening
from acumat.store.engine import Database


@dataclass(frozen=True)
class DailyResult:
    checkin: CheckInOut
    created: bool
    triage: ScreeningOut | None


def validated_checkin(raw: dict[str, Any]) -> CheckInIn:
    """Check the entry first, so a terminal never asks about red flags for a refused day."""
    return parse(CheckInIn, raw)


def check_in(
    db: Database,
    user_id: int,
    raw: dict[str, Any] | CheckInIn,
    red_flags: Mapping[str, str] | None = None,
    *,
    replace: bool = False,
) -> DailyResult:
    """Re-triage on the red-flag answers, if any, then store the day's check-in."""
    data = raw if isinstance(raw, CheckInIn) else parse(CheckInIn, raw)
    flags = screening.recheck_answers(red_flags or {})
    triage = screening.recheck(db, user_id, flags) if flags else None
    try:
        if replace:
            entry, created = diary.put_checkin(db, user_id, data)
        else:
            entry, created = diary.add_checkin(db, user_id, data), True
    except Conflict as exc:
        raise CheckInConflict(str(exc), triage) from exc
    return DailyResult(entry, created, triage)


class CheckInConflict(Conflict):
    """The day already has a check-in; the re-check that came with it was still triaged."""

    def __init__(self, message: str, triage: ScreeningOut | None) -> None:
        super().__init__(message)
        self.triage = triage
