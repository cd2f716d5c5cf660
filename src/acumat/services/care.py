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
from acumat.safety.loader import load_instead, verdict_instead
from acumat.safety.model import Advice
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


def instead_answers(db: Database, actor: Actor) -> dict[str, object]:
    """The person's newest answers to the questions the alternatives to the mat depend on."""
    questions = {
        q for advice in load_instead().values() for s in advice.steps for q in s.shown_only_if_no
    }
    return latest_answers(db, actor, questions)


def instead_of_mat(db: Database, actor: Actor, verdict: str) -> Advice | None:
    """What the person can do instead of the mat under ``verdict``, in their region's words,
    without warmth if they may have numb skin (their newest answers decide; SC-07)."""
    return verdict_instead(verdict, actor.region, instead_answers(db, actor))


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
