"""Complementary care for the acting person: which guides to offer, given their answers.

The guides are data (:mod:`acumat.plan.care`); what this service adds is the person's own
latest answer to each question a guide depends on (SC-07: no warmth or cold on numb skin).
A daily re-check saves only the warning signs, so each answer is taken from the newest
screening that asked it.
"""

from __future__ import annotations

from dataclasses import dataclass

from acumat.actor import Actor
from acumat.errors import NotFound
from acumat.plan.care import Guide, hidden_by, load_guides
from acumat.store.engine import Database
from acumat.store.repos import SafetyRepo


@dataclass(frozen=True)
class CareChoice:
    """The guides a person may be offered, and those left out for their answers."""

    offered: list[Guide]
    left_out: list[Guide]


def latest_answers(db: Database, actor: Actor, questions: set[str]) -> dict[str, object]:
    """The newest answer the person gave to each of ``questions`` (absent: never asked)."""
    found: dict[str, object] = {}
    with db.transaction() as session:
        for screening in reversed(SafetyRepo(session, actor.user_id).all_screenings()):
            for question in questions - found.keys():
                if question in screening.answers:
                    found[question] = screening.answers[question]
            if found.keys() >= questions:
                break
    return found


def care_choice(db: Database, actor: Actor) -> CareChoice:
    guides = list(load_guides().values())
    answers = latest_answers(db, actor, {q for g in guides for q in g.hidden_when})
    return CareChoice(
        offered=[g for g in guides if not hidden_by(g, answers)],
        left_out=[g for g in guides if hidden_by(g, answers)],
    )


def guide(db: Database, actor: Actor, guide_id: str) -> tuple[Guide, bool]:
    """The guide ``guide_id`` and whether it is left out for this person's answers."""
    found = load_guides().get(guide_id)
    if found is None:
        raise NotFound("care guide", guide_id)
    answers = latest_answers(db, actor, set(found.hidden_when))
    return found, hidden_by(found, answers)
