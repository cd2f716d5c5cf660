"""``/api/v1/session-under-way``: the guided mat session the Today page runs, as JSON.

The same service as the page (:mod:`acumat.services.guided`): starting keeps the start on
the server, ``GET`` recomputes the time left from it, and ending stores the diary entry and
forgets the start in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from acumat.api.v1.responses import reads, writes
from acumat.diary.schemas import MatSessionOut
from acumat.http.deps import ActorDep, DbDep
from acumat.plan.guided import GuidedSession
from acumat.services import guided

router = APIRouter(tags=["plan"])


class UnderWayOut(BaseModel):
    """A session under way: when it started and ends, its length, and the seconds left."""

    started_at: datetime
    ends_at: datetime
    minutes: float
    fabric_layer: bool
    pain_before: int
    seconds_left: float


class StartBody(BaseModel):
    """Start the planned session now (``minutes``: another length within your limit)."""

    model_config = ConfigDict(extra="forbid")

    pain_before: int | str
    minutes: float | str | None = None


class EndBody(BaseModel):
    """``ended``: ``finished``, or the stop reason; the pain after, the skin and anything
    else the session left behind (``effects``), if known."""

    model_config = ConfigDict(extra="forbid")

    ended: Annotated[str, Field(max_length=32)]
    pain_after: int | str | None = None
    skin_reaction: Annotated[str, Field(max_length=32)] | None = None
    effects: Annotated[list[Annotated[str, Field(max_length=32)]], Field(max_length=8)] | None = (
        None
    )


def _out(session: GuidedSession, now: datetime) -> UnderWayOut:
    left = max(0.0, (session.ends_at() - now).total_seconds())
    return UnderWayOut(
        started_at=session.started_at,
        ends_at=session.ends_at(),
        minutes=session.minutes,
        fabric_layer=session.fabric_layer,
        pain_before=session.pain_before,
        seconds_left=round(left, 1),
    )


@router.get("/session-under-way", name="get_session_under_way", responses=reads(404))
def get_under_way(db: DbDep, actor: ActorDep) -> UnderWayOut:
    """The session under way, with the seconds left (404 when none is under way)."""
    running = guided.under_way(db, actor)
    if running is None:
        raise guided.NothingUnderWay()
    return _out(running, actor.now())


@router.post(
    "/session-under-way",
    status_code=201,
    name="start_session_under_way",
    responses=writes(409, 422),
)
def start(body: StartBody, db: DbDep, actor: ActorDep) -> UnderWayOut:
    """Start the planned session now; 409 when one is under way or no mat use is planned."""
    try:
        running = guided.start_under_way(db, actor, body.pain_before, body.minutes)
    except guided.NothingPlanned as nothing:
        raise guided.NoMatSessionPlanned(nothing.plan.status) from None
    return _out(running, actor.now())


@router.post(
    "/session-under-way/end",
    name="end_session_under_way",
    responses=writes(404, 422),
)
def end(body: EndBody, db: DbDep, actor: ActorDep) -> MatSessionOut:
    """Store the session with how it ended; 404 when none is under way."""
    return guided.end_under_way(
        db, actor, body.ended, body.pain_after, body.skin_reaction, body.effects
    )
