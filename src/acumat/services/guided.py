"""A guided mat session for the acting person: its length from the plan, and every save.

Nothing is lost: an interface saves the session the moment the timer ends or the person
stops (a Ctrl+C, a closed terminal, a Stop button), and only then asks how it went; each
answer changes the saved entry (:func:`note_stop_reason`, :func:`note_afterwards`). Each
save is one transaction through the diary service, so a guided session is refused or
stored exactly as a logged one is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from acumat.actor import Actor
from acumat.diary.schemas import SCALE, MatSessionIn, MatSessionOut, Score, about
from acumat.errors import AcumatError, Conflict, InvalidInput, NotFound
from acumat.plan import Plan, PlannedSession
from acumat.plan.guided import GuidedSession, afterwards
from acumat.services import diary
from acumat.services.aftercare import after_session_in
from acumat.services.plan import current_plan
from acumat.store.engine import Database
from acumat.store.models import MatSession
from acumat.store.repos import DiaryRepo, UnderWayRepo
from acumat.validation import AsDecimal, parse

GRACE_SECONDS = 60
"""A session ended within this of its time counts as finished (the page may lag a little)."""


class NothingPlanned(AcumatError):
    """No mat use may be planned now; ``plan.status`` says why."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        super().__init__(plan.status)


@dataclass(frozen=True)
class Prepared:
    """What a guided session will be: ``minutes`` to time, on a fabric layer or not.

    ``chosen`` says the person chose the length instead of the plan's ``planned`` one;
    ``later_day`` that the plan's next session is on a later day (today already had one).
    """

    plan: Plan
    planned: PlannedSession
    minutes: float
    chosen: bool
    later_day: bool

    @property
    def fabric_layer(self) -> bool:
        return self.planned.fabric_layer


def prepare(db: Database, actor: Actor, minutes: float | None = None) -> Prepared:
    """The session the plan holds next, or one of ``minutes`` within the person's limit.

    :class:`NothingPlanned` when no mat use may be planned (no screening, a result that
    says not to use a mat, a clinician still to ask, skin still healing); a length above
    the person's limit is :class:`~acumat.errors.InvalidInput` on ``minutes``.
    """
    plan = current_plan(db, actor)
    if not plan.sessions:
        raise NothingPlanned(plan)
    planned = plan.sessions[0]
    if minutes is not None and not 0 < minutes <= plan.cap:
        raise InvalidInput.single(
            "minutes",
            f"must be more than 0 and at most {plan.cap} minutes, your limit for one session",
            code="above_limit",
            maximum=plan.cap,
        )
    length = float(planned.minutes) if minutes is None else minutes
    return Prepared(
        plan=plan,
        planned=planned,
        minutes=length,
        chosen=minutes is not None and minutes != planned.minutes,
        later_day=planned.date > actor.today(),
    )


def begin(prepared: Prepared, actor: Actor, pain_before: int) -> GuidedSession:
    """The session starting now (the person's clock), as prepared."""
    return GuidedSession(
        started_at=actor.now(),
        minutes=prepared.minutes,
        fabric_layer=prepared.fabric_layer,
        pain_before=pain_before,
    )


def save_finished(db: Database, actor: Actor, session: GuidedSession) -> MatSessionOut:
    """Save a session that ran its full time."""
    saved: MatSessionOut = diary.add_entry(db, actor, "session", session.finished())
    return saved


def save_stopped(
    db: Database, actor: Actor, session: GuidedSession, seconds: float
) -> MatSessionOut:
    """Save a session stopped ``seconds`` after it started, as stopped early (interrupted,
    until the person says why)."""
    saved: MatSessionOut = diary.add_entry(db, actor, "session", session.stopped(seconds))
    return saved


def note_stop_reason(db: Database, actor: Actor, entry_id: int, reason: str) -> MatSessionOut:
    """Record why the person stopped session ``entry_id`` early."""
    saved: MatSessionOut = diary.patch_entry(
        db, actor, "session", entry_id, {"stop_reason": reason}
    )
    return saved


def note_afterwards(
    db: Database, actor: Actor, entry_id: int, pain_after: int | None, skin: str | None
) -> MatSessionOut | None:
    """Record the pain after and the skin reaction of session ``entry_id``; ``None`` when
    both were skipped (nothing to change)."""
    changes = afterwards(pain_after, skin)
    if not changes:
        return None
    saved: MatSessionOut = diary.patch_entry(db, actor, "session", entry_id, changes)
    return saved


# --- a session under way in the browser ------------------------------------------------------
#
# The page cannot hold a timer the way a terminal does: a reload, a locked phone or a closed
# tab would lose it. So the server keeps the start (one per person) and every view
# recomputes from it; ending stores the diary entry and forgets the start in one
# transaction, so a session is never both under way and stored, nor lost in between.

FINISHED = "finished"
"""How a session that ran its time ended, beside the diary's stop reasons."""


def under_way(db: Database, actor: Actor) -> GuidedSession | None:
    """The session the person started in the browser and has not ended, if any."""
    with db.transaction() as session:
        row = UnderWayRepo(session, actor.user_id).get()
        if row is None:
            return None
        return GuidedSession(row.started_at, row.minutes, row.fabric_layer, row.pain_before)


def start_under_way(
    db: Database, actor: Actor, pain_before: object, minutes: object = None
) -> GuidedSession:
    """Start the planned session now (or one of ``minutes``, within the person's limit),
    keeping its start on the server.

    :class:`NothingPlanned` without a plan; a second start while one is under way is a
    :class:`SessionUnderWayAlready`; a missing or wrong pain or length is
    :class:`InvalidInput`.
    """
    given = {k: v for k, v in (("pain_before", pain_before), ("minutes", minutes)) if v != ""}
    given = {k: v for k, v in given.items() if v is not None}  # left out: refused as missing
    start = parse(StartIn, given, None)
    prepared = prepare(db, actor, start.minutes)
    begun = begin(prepared, actor, start.pain_before)
    with db.transaction() as session:
        repo = UnderWayRepo(session, actor.user_id)
        if repo.get(for_update=True) is not None:
            raise SessionUnderWayAlready()
        repo.start(
            {
                "started_at": begun.started_at,
                "minutes": begun.minutes,
                "fabric_layer": begun.fabric_layer,
                "pain_before": begun.pain_before,
            }
        )
    return begun


def end_under_way(
    db: Database,
    actor: Actor,
    ended: str,
    pain_after: object = None,
    skin_reaction: object = None,
    effects: list[str] | None = None,
) -> MatSessionOut:
    """End the session under way now: it ran its time (``ended`` is ``finished`` and the time
    is up), or it was stopped for ``ended`` (a stop reason) with the minutes done so far.

    The diary entry (with the pain after and the skin, when given) is stored and the start
    forgotten in one transaction. :class:`NothingUnderWay` when none is under way.
    """
    with db.transaction() as session:
        under = UnderWayRepo(session, actor.user_id)
        row = under.get(for_update=True)
        if row is None:
            raise NothingUnderWay()
        guided = GuidedSession(row.started_at, row.minutes, row.fabric_layer, row.pain_before)
        seconds = (actor.now() - row.started_at).total_seconds()
        entry = _ended_entry(guided, ended, seconds)
        given = (("pain_after", pain_after), ("skin_reaction", skin_reaction), ("effects", effects))
        entry |= {k: v for k, v in given if v not in (None, "", [])}
        data = parse(MatSessionIn, entry, actor.context())
        stored = DiaryRepo(session, actor.user_id).add(MatSession, data.model_dump())
        after_session_in(session, actor, stored.effects or ())
        under.end(row)
        return MatSessionOut.model_validate(stored)


def _ended_entry(guided: GuidedSession, ended: str, seconds: float) -> dict[str, Any]:
    """The diary entry: finished when the time is up (within a minute of it), else stopped."""
    timing = guided.timing
    if ended == FINISHED and seconds >= timing.total - GRACE_SECONDS:
        return guided.finished()
    if ended == FINISHED:
        return guided.stopped(seconds)  # ended before its time: the minutes done, interrupted
    return guided.stopped(seconds, ended)


def forget_under_way(db: Database, actor: Actor) -> None:
    """Drop a session under way without storing it (the person started it by mistake)."""
    with db.transaction() as session:
        under = UnderWayRepo(session, actor.user_id)
        row = under.get(for_update=True)
        if row is not None:
            under.end(row)


class SessionUnderWayAlready(Conflict):
    def __init__(self) -> None:
        super().__init__("a mat session is already under way; end it before starting another")


class NoMatSessionPlanned(Conflict):
    """No mat use may be planned now, worded for a refusal (the plan's status says why)."""


class NothingUnderWay(NotFound):
    def __init__(self) -> None:
        super().__init__("mat session under way", "now")


class StartIn(BaseModel):
    """How a browser session starts: the pain now, and another length if the person wants
    one (decimals allowed, as in the terminal: 0.1 is a six-second try)."""

    model_config = ConfigDict(extra="forbid")
    pain_before: Annotated[Score, about("Pain now", f"Your pain now: {SCALE}.", unit="score")]
    minutes: Annotated[
        Annotated[float, Field(gt=0, le=60), AsDecimal] | None,
        about(
            "Another length",
            "Minutes, if not the planned length; never more than your limit.",
            unit="minutes",
        ),
    ] = None
