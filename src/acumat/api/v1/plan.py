"""``/api/v1/plan``: the next mat sessions (the same object as ``acumat plan --json``)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict

from acumat.api.v1.responses import reads, writes
from acumat.http.deps import ActorDep, DbDep
from acumat.plan import Plan
from acumat.services import plan as service
from acumat.timecheck import SaneDay

router = APIRouter(tags=["plan"])


class PlannedSessionOut(BaseModel):
    """One planned session: its day, whole minutes, whether on a fabric layer, and why."""

    date: date
    minutes: int
    fabric_layer: bool
    reason: str


class PlanOut(BaseModel):
    """The plan, or no sessions with the reason in ``status`` when no mat use may be planned.

    ``verdict`` is the latest safety result's mat verdict (``null`` before any).
    """

    verdict: str | None
    status: str
    sessions: list[PlannedSessionOut]


class SkinHealedIn(BaseModel):
    """The day the skin had fully healed after a reaction to the mat (default: today)."""

    model_config = ConfigDict(extra="forbid")

    day: SaneDay | None = None


def _out(plan: Plan) -> PlanOut:
    return PlanOut.model_validate(plan.contract())


@router.get("/plan", name="get_plan", responses=reads())
def get_plan(db: DbDep, actor: ActorDep) -> PlanOut:
    """The next mat sessions, each with its length, fabric layer and reason."""
    return _out(service.current_plan(db, actor))


@router.post("/plan/skin-healed", name="record_skin_healed", responses=writes(422))
def skin_healed(body: SkinHealedIn, db: DbDep, actor: ActorDep) -> PlanOut:
    """Record that the skin has healed after a reaction; a paused plan starts again, gently."""
    return _out(service.record_skin_healed(db, actor, body.day))
