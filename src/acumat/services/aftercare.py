"""What a mat session's after-effects mean for safety: signs of a skin infection where the
mat touched (spreading redness, warmth, swelling, pus) are the safety question SKIN-05.

When a stored session reports them, the person's newest answers are judged again with that
question (and the one about marks from the mat) answered "yes", and the result is stored in
the same transaction as the session, so Today, the plan and every interface show it: see a
doctor or nurse in the next few days, sooner with a temperature, and no mat until the skin
has healed. Someone who never answered the safety questions has no plan to stop; the plan's
skin pause still holds for them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.safety import ScreeningIncomplete
from acumat.safety.schemas import ScreeningOut
from acumat.services import screening
from acumat.store.repos import SafetyRepo

INFECTION_SIGNS = "infection_signs"
ANSWERED_BY_IT = {"used_mat_before": "yes", "mat_skin_marks": "yes", "skin_infection_signs": "yes"}
"""The safety answers a session with signs of a skin infection gives."""


def newest_answers(session: Session, actor: Actor) -> dict[str, object]:
    """Each question's newest answer over every stored screening (a daily re-check holds
    only the warning signs, so older full sets fill in the rest)."""
    found: dict[str, object] = {}
    for row in SafetyRepo(session, actor.user_id).all_screenings():
        found.update(row.answers)  # oldest first: newer answers overwrite older ones
    return found


def after_session_in(session: Session, actor: Actor, effects: Iterable[str]) -> ScreeningOut | None:
    """The new safety result a session's ``effects`` call for (``None``: nothing to judge)."""
    if INFECTION_SIGNS not in set(effects):
        return None
    answers = newest_answers(session, actor)
    if not answers:
        return None
    try:
        return screening.record_screening_in(session, actor, answers | ANSWERED_BY_IT)
    except (ScreeningIncomplete, InvalidInput):
        return None  # an old, incomplete set: the plan's skin pause still stops the mat
