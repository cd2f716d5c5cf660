"""A spasm, now: start an episode at this moment, and end it when it has eased.

One episode goes on at a time: the person's most recent episode with no end. Starting
another while it goes on is a :class:`SpasmOngoing` (say it has eased first, or change the
one going on); ending one when none goes on is a :class:`NoSpasmOngoing`. Both are facts
for the interface to word.

An episode that has gone on for more than a week is worth having checked (SEED-01): the
number of days comes from that safety rule's own condition, so the rule data stays the one
place it is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from acumat.actor import Actor
from acumat.diary.schemas import EpisodeIn, EpisodeOut
from acumat.errors import Conflict
from acumat.store.engine import Database
from acumat.store.models import Episode
from acumat.store.repos import DiaryRepo
from acumat.validation import parse

LONG_EPISODE_RULE = "SEED-01"


@dataclass(frozen=True)
class Spasm:
    """An episode with how many days it has gone on (calendar days in the person's zone)
    and whether that is long enough to have it checked."""

    episode: EpisodeOut
    days: int
    worth_checking: bool


class SpasmOngoing(Conflict):
    """A spasm is already going on; ``spasm`` is that one."""

    def __init__(self, spasm: Spasm) -> None:
        self.spasm = spasm
        super().__init__("a spasm is already going on; say it has eased before starting another")


class NoSpasmOngoing(Conflict):
    """No spasm is going on, so none can ease."""

    def __init__(self) -> None:
        super().__init__("no spasm is going on, so there is none to end")


@cache
def days_worth_checking() -> int:
    """The days an episode may go on before it is worth having checked: the smallest
    ``episode_days`` that SEED-01 fires from."""
    from acumat.safety.conditions import ItemTest, walk
    from acumat.safety.loader import load_ruleset

    rule = next(r for r in load_ruleset().rules if r.id == LONG_EPISODE_RULE)
    assert rule.when is not None
    bounds = [
        part.operand
        for part in walk(rule.when)
        if isinstance(part, ItemTest) and part.item == "episode_days" and part.op == "min"
    ]
    return min(bound for bound in bounds if isinstance(bound, int))


def spasm_of(episode: EpisodeOut, actor: Actor) -> Spasm:
    """``episode`` with the days it has gone on by today (or by its end, once ended)."""
    last = episode.ended_at.astimezone(actor.zone).date() if episode.ended_at else actor.today()
    days = (last - episode.started_at.astimezone(actor.zone).date()).days
    return Spasm(episode, days, days >= days_worth_checking())


def ongoing(db: Database, actor: Actor) -> Spasm | None:
    """The spasm going on now, if any."""
    with db.transaction() as session:
        row = _ongoing_row(DiaryRepo(session, actor.user_id))
        return None if row is None else spasm_of(EpisodeOut.model_validate(row), actor)


def start(
    db: Database,
    actor: Actor,
    peak: object,
    locations: Sequence[str] = (),
    triggers: Sequence[str] = (),
) -> Spasm:
    """Start an episode now with its worst pain so far, where it is and what set it off.

    The look for one going on and the write are one transaction.
    """
    raw = {"started_at": actor.now(), "locations": list(locations), "triggers": list(triggers)}
    if peak is not None:  # left out, it is refused as missing, not as a wrong number
        raw["peak_intensity"] = peak
    data = parse(EpisodeIn, raw, actor.context())
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        going = _ongoing_row(repo)
        if going is not None:
            raise SpasmOngoing(spasm_of(EpisodeOut.model_validate(going), actor))
        row = repo.add(Episode, data.model_dump())
        return spasm_of(EpisodeOut.model_validate(row), actor)


def ease(db: Database, actor: Actor) -> Spasm:
    """End the spasm going on, now; :class:`NoSpasmOngoing` when there is none."""
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        row = _ongoing_row(repo)
        if row is None:
            raise NoSpasmOngoing()
        ended = repo.update(row, {"ended_at": max(actor.now(), row.started_at)})
        return spasm_of(EpisodeOut.model_validate(ended), actor)


def _ongoing_row(repo: DiaryRepo) -> Episode | None:
    """The most recent episode, when it has no end."""
    return repo.ongoing_episode()
