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
from acumat.safety.answers import missing_answer, validated
from acumat.safety.schemas import ScreeningOut
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.repos import DraftRepo

CHOICE_WORDS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


@dataclass(frozen=True)
class PageOutcome:
    """After a page was posted: every answer so far, a stop if one is an emergency, and
    the problems of this page (refused or still missing answers)."""

    answers: dict[str, str]
    stopped: ScreeningOut | None
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ReviewedGroup:
    """One page of questions on the "check your answers" page: each question with its answer
    as the person gave it (``Yes``, ``Not sure``, ``42``)."""

    id: str
    title: str
    answers: list[tuple[str, str]]


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
    items = load_ruleset().items
    problems += [
        missing_answer(items[i]) for i in missing_items(answers) if i in asked and i not in given
    ]
    return PageOutcome(answers, stopped, screening.in_their_words(problems, actor.region))


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


def review(answers: Mapping[str, object]) -> list[ReviewedGroup]:
    """Every answer given so far, by page in the order asked, for a last look before saving.

    Answers to follow-ups that no longer apply are listed too: the rules still read them.
    """
    ruleset = load_ruleset()
    groups = {g.id: ReviewedGroup(g.id, g.title, []) for g in ruleset.groups}
    for item in ruleset.items.values():
        if item.id in answers:
            given = str(answers[item.id])
            groups[item.group].answers.append((item.text, CHOICE_WORDS.get(given, given)))
    return [group for group in groups.values() if group.answers]


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
