"""``/api/v1/today``: the top of the Today page as JSON, from the same service as the page."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from fastapi import APIRouter
from pydantic import BaseModel

from acumat.api.v1.plan import PlannedSessionOut, PlanOut
from acumat.api.v1.responses import reads
from acumat.diary.schemas import CheckInOut, EpisodeOut, MatSessionOut
from acumat.http.deps import ActorDep, DbDep
from acumat.safety.schemas import MatStatus
from acumat.services.reminders import DueItem
from acumat.services.today import today_view

router = APIRouter(tags=["plan"])


class TodayOut(BaseModel):
    """Today for the acting person, in their own time zone.

    ``checkin`` is today's check-in (``null`` until there is one); ``planned`` the plan's
    session for today, if any; ``ongoing_episode`` a spasm episode that has not ended;
    ``first_visit`` is true until there is a safety result or a check-in; ``due`` lists
    what is due today (as the calendar has it: a review, the check-in, the planned session,
    movement breaks);
    ``episode_worth_checking`` says the spasm going on has lasted long enough to have it
    looked at (the safety rule SEED-01 decides how long).
    """

    day: date
    checkin: CheckInOut | None
    mat: MatStatus
    plan: PlanOut
    planned: PlannedSessionOut | None
    sessions_today: list[MatSessionOut]
    ongoing_episode: EpisodeOut | None
    episode_worth_checking: bool
    first_visit: bool
    due: list[DueItem]


@router.get("/today", name="get_today", responses=reads())
def get_today(db: DbDep, actor: ActorDep) -> TodayOut:
    """What the Today page shows at its top: check-in, mat safety, plan, ongoing episode."""
    view = today_view(db, actor)
    planned = view.planned
    return TodayOut(
        day=actor.today(),
        checkin=view.checkin,
        mat=view.mat,
        plan=PlanOut.model_validate(view.plan.contract()),
        planned=None if planned is None else PlannedSessionOut.model_validate(asdict(planned)),
        sessions_today=view.sessions_today,
        ongoing_episode=view.ongoing_episode,
        episode_worth_checking=view.episode_worth_checking,
        first_visit=view.first_visit,
        due=list(view.due),
    )
