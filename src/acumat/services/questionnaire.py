"""The safety questions answered a page at a time, with the answers kept on the server.

Browsers post each page's answers (never carried in an address, so never in history or
a log); the draft lives in the database until the result is saved. An answer that needs
help straight away is saved as an emergency stop by the same post that gave it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from acumat.actor import Actor
from acumat.clock import utcnow
from acumat.errors import InvalidInput, Problem
from acumat.safety import load_ruleset, missing_items
from acumat.safety.answers import validated
from acumat.safety.schemas import ScreeningOut
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.repos import DraftRepo

MISSING = "Please choose an answer."


@dataclass(frozen=True)
class PageOutcome:
    """After a page was posted: every answer so far, a stop if one is an emergency, and
    the problems of this page (refused or still missing answers)."""

    answers: dict[str, str]
    stopped: ScreeningOut | None
    problems: list[Problem] = field(default_factory=list)


def draft_answers(db: Database, actor: Actor) -> dict[str, str]:
    """The answers given so far (empty before the first page)."""
    with db.transaction() as session:
        return DraftRepo(session, actor.user_id).answers()


def answer_page(
    db: Database, actor: Actor, shown: Sequence[str], given: Mapping[str, str]
) -> PageOutcome:
    """Keep this page's valid answers, and store an emergency stop if any answer needs one.

    A refused answer never hides an urgent one: valid answers are kept and judged even
    when another on the page is refused, and the refused ones come back as problems.
    ``shown`` are the questions that were on the page: one left blank is answered no more.
    """
    known = set(load_ruleset().items)
    asked = [item for item in shown if item in known]
    valid, problems = _split_valid(given, asked)
    with db.transaction() as session:
        drafts = DraftRepo(session, actor.user_id)
        answers = {k: v for k, v in drafts.answers().items() if k not in asked} | valid
        drafts.save(answers, utcnow())
        stopped = screening.emergency_stop_in(session, actor, answers, once=True)
    problems += [
        Problem(i, MISSING) for i in missing_items(answers) if i in asked and i not in given
    ]
    return PageOutcome(answers, stopped, problems)


def restart(db: Database, actor: Actor) -> None:
    """Forget the answers so far (the saved results stay)."""
    with db.transaction() as session:
        DraftRepo(session, actor.user_id).discard()


def finish(db: Database, actor: Actor) -> ScreeningOut:
    """Save the result of the answers so far and forget the draft, in one transaction.

    Incomplete answers are refused naming what is missing, unless one is urgent (then that
    urgent result is saved), as :func:`acumat.services.screening.record_screening` does.
    """
    with db.transaction() as session:
        drafts = DraftRepo(session, actor.user_id)
        saved = screening.record_screening_in(session, actor, drafts.answers())
        drafts.discard()
        return saved


def _split_valid(
    given: Mapping[str, str], asked: Sequence[str]
) -> tuple[dict[str, str], list[Problem]]:
    ruleset = load_ruleset()
    valid: dict[str, str] = {}
    problems: list[Problem] = []
    for key, value in given.items():
        if key not in asked:
            continue
        try:
            clean = validated({key: value}, ruleset)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        valid[key] = str(clean[key])
    return valid, problems
