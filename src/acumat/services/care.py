"""Complementary care for the acting person: which guides to offer, given their answers.

The guides are data (:mod:`acumat.plan.care`); what this service adds is the person's own
latest answer to each question a guide depends on (SC-07: no warmth or cold on numb skin).
A daily re-check saves only the warning signs, so each answer is taken from the newest
screening that asked it.

A guide can also be timed (the terminal's ``acumat care``): :func:`prepare_timer` finds it
by id or title, refuses one left out for the person's answers, and works out when each
stretching move starts; :func:`save_timed` stores the minutes done as a care activity that
has just ended (nothing when none were done). One transaction per save, through the diary
service, so a timed activity is refused or stored exactly as a logged one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from acumat.actor import Actor
from acumat.diary.schemas import CareOut
from acumat.errors import Conflict, InvalidInput, NotFound
from acumat.plan.care import Guide, Move, hidden_by, load_guides
from acumat.plan.guided import SECONDS_PER_MINUTE, Timing
from acumat.safety.loader import load_instead, verdict_instead
from acumat.safety.model import Advice
from acumat.safety.regions import localise
from acumat.services import diary
from acumat.services.entry_input import MAX_CARE_MINUTES, with_defaults
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


# --- a guide timed, and stored as a care activity ---------------------------------------------


class UnknownGuide(NotFound):
    """No guide goes by ``name``; ``choices`` are the ids of those there are."""

    def __init__(self, name: str, choices: list[str]) -> None:
        self.name, self.choices = name, choices
        super().__init__("care guide", name)


class GuideLeftOut(Conflict):
    """``guide`` is left out for this person's answers (SC-07: numb skin, or unsure);
    ``others`` are the guides they may be offered."""

    def __init__(self, guide: Guide, others: list[Guide]) -> None:
        self.guide, self.others = guide, others
        super().__init__(f"{guide.title} is left out for your latest safety answers")


@dataclass(frozen=True)
class MoveCue:
    """Stretching move number ``number``, due ``at`` seconds after the start, for ``seconds``."""

    number: int
    move: Move
    at: float
    seconds: float


@dataclass(frozen=True)
class CareTimer:
    """A guide about to be timed for ``minutes`` (``chosen``: instead of its own length),
    its steps and cautions in the person's region's words, and when each move starts.

    ``rest_at`` is when the moves are done and time is left over (else ``None``).
    """

    guide: Guide
    minutes: float
    chosen: bool
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    moves: tuple[MoveCue, ...]
    rest_at: float | None

    @property
    def timing(self) -> Timing:
        return Timing(self.minutes)

    def moves_due(self, since: float, now: float) -> list[MoveCue]:
        """The moves whose start falls after ``since`` and by ``now`` (seconds)."""
        return [cue for cue in self.moves if since < cue.at <= now]

    def rest_due(self, since: float, now: float) -> bool:
        """Whether the moves end, with time left, after ``since`` and by ``now``."""
        return self.rest_at is not None and since < self.rest_at <= now


def find_guide(name: str) -> Guide:
    """The guide whose id or title is ``name``, in any letter case; :class:`UnknownGuide`
    when there is none."""
    guides = load_guides()
    wanted = " ".join(name.split()).casefold()
    for found in guides.values():
        if wanted in (found.id.casefold(), found.title.casefold()):
            return found
    raise UnknownGuide(name, list(guides))


def move_cues(moves: tuple[Move, ...], total: float) -> tuple[MoveCue, ...]:
    """Each move's start and length in a timer of ``total`` seconds: one after another at
    their own lengths, or all shortened alike to fit a shorter timer (a quick try still
    shows every move)."""
    needed = sum(move.seconds for move in moves)
    scale = min(1.0, total / needed) if needed else 1.0
    cues, start = [], 0.0
    for number, move in enumerate(moves, 1):
        cues.append(MoveCue(number, move, start, move.seconds * scale))
        start += move.seconds * scale
    return tuple(cues)


def prepare_timer(db: Database, actor: Actor, name: str, minutes: float | None = None) -> CareTimer:
    """The guide ``name`` ready to time for its own length or ``minutes`` (more than 0, at
    most 240, decimals allowed).

    :class:`UnknownGuide` for a name no guide has; :class:`GuideLeftOut` for a guide left
    out for the person's answers; :class:`~acumat.errors.InvalidInput` on ``minutes``.
    """
    found = find_guide(name)
    choice = care_choice(db, actor)
    if found.id in {g.id for g in choice.left_out}:
        raise GuideLeftOut(found, choice.offered)
    if minutes is not None and not 0 < minutes <= MAX_CARE_MINUTES:
        raise InvalidInput.single(
            "minutes",
            f"must be more than 0 and at most {MAX_CARE_MINUTES} minutes",
            maximum=MAX_CARE_MINUTES,
        )
    length = float(found.minutes) if minutes is None else minutes
    total = length * SECONDS_PER_MINUTE
    needed = sum(move.seconds for move in found.moves)  # all of them, at their own lengths
    return CareTimer(
        guide=found,
        minutes=length,
        chosen=minutes is not None and minutes != found.minutes,
        steps=tuple(localise(line.text, actor.region) for line in found.steps),
        cautions=tuple(localise(line.text, actor.region) for line in found.cautions),
        moves=move_cues(found.moves, total),
        rest_at=float(needed) if found.moves and needed < total else None,
    )


def save_timed(db: Database, actor: Actor, timer: CareTimer, seconds: float) -> CareOut | None:
    """Store the care timed by ``timer``, ``seconds`` after it started, as an activity of
    the minutes done (to the hundredth, never more than timed) that has just ended;
    ``None`` (nothing stored) when that rounds to 0 minutes."""
    minutes = timer.timing.minutes_done(seconds)
    if minutes <= 0:
        return None
    raw = with_defaults("care", {"kind": timer.guide.id, "minutes": minutes}, actor.now())
    saved: CareOut = diary.add_entry(db, actor, "care", raw)
    return saved
