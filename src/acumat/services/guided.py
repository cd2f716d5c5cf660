"""A guided mat session for the acting person: its length from the plan, and every save.

Nothing is lost: an interface saves the session the moment the timer ends or the person
stops (a Ctrl+C, a closed terminal, a Stop button), and only then asks how it went; each
answer changes the saved entry (:func:`note_stop_reason`, :func:`note_afterwards`). Each
save is one transaction through the diary service, so a guided session is refused or
stored exactly as a logged one is.
"""

from __future__ import annotations

from dataclasses import dataclass

from acumat.actor import Actor
from acumat.diary.schemas import MatSessionOut
from acumat.errors import AcumatError, InvalidInput
from acumat.plan import Plan, PlannedSession
from acumat.plan.guided import GuidedSession, afterwards
from acumat.services import diary
from acumat.services.plan import current_plan
from acumat.store.engine import Database


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
