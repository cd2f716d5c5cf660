"""The daily check-in with its safety netting: the diary entry plus the red-flag re-check (P6).

The re-check answers are validated before anything is written, so bad input writes nothing;
then the check-in is stored and, when answers were given, the triage re-runs at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from acumat.diary.schemas import CheckInIn, CheckInOut
from acumat.diary.validation import parse
from acumat.errors import InvalidInput, Problem
from acumat.safety import recheck_items
from acumat.safety.schemas import ScreeningOut
from acumat.services import diary, screening
from acumat.store.engine import Database


@dataclass(frozen=True)
class DailyResult:
    checkin: CheckInOut
    created: bool
    triage: ScreeningOut | None


def recheck_answers(red_flags: Mapping[str, str]) -> dict[str, str]:
    """Only re-check items, only yes/no/unsure; anything else is refused by name."""
    allowed = {item.id for item in recheck_items()}
    problems = [
        Problem(key, f"is not one of the daily red-flag questions: {', '.join(sorted(allowed))}")
        for key in red_flags
        if key not in allowed
    ]
    problems += [
        Problem(key, "must be yes, no or unsure")
        for key, value in red_flags.items()
        if key in allowed and str(value).lower() not in ("yes", "no", "unsure")
    ]
    if problems:
        raise InvalidInput(problems)
    return {key: str(value).lower() for key, value in red_flags.items()}


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
    """Store the day's check-in and re-triage on the red-flag answers, if any were given."""
    data = raw if isinstance(raw, CheckInIn) else parse(CheckInIn, raw)
    flags = recheck_answers(red_flags or {})
    if replace:
        entry, created = diary.put_checkin(db, user_id, data)
    else:
        entry, created = diary.add_checkin(db, user_id, data), True
    triage = screening.recheck(db, user_id, flags) if flags else None
    return DailyResult(entry, created, triage)
