"""What today looks like for the acting person: one service for the Today page and its JSON twin.

Everything the page shows at the top — whether today has a check-in, what the plan holds for
today, an episode still going on, whether this is a first visit — is gathered here in one
place, so ``GET /`` and ``GET /api/v1/today`` cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from acumat.actor import Actor
from acumat.diary.schemas import CheckInOut, EpisodeOut, MatSessionOut
from acumat.plan import Plan, PlannedSession
from acumat.plan.guided import GuidedSession
from acumat.safety.schemas import MatStatus
from acumat.services import guided, reminders, screening, spasm
from acumat.services import plan as plans
from acumat.services.reminders import DueItem
from acumat.store.engine import Database
from acumat.store.models import MatSession
from acumat.store.repos import DiaryRepo


@dataclass(frozen=True)
class TodayView:
    """The top of the Today page.

    ``first_visit``: no safety result and no check-in yet (the welcome shows). ``planned``:
    the plan's session for today, if it has one. ``sessions_today``: mat sessions started
    today, oldest first. ``episode_worth_checking``: the spasm going on has lasted long
    enough to have it looked at (SEED-01).
    """

    checkin: CheckInOut | None
    mat: MatStatus
    plan: Plan
    planned: PlannedSession | None
    sessions_today: list[MatSessionOut]
    ongoing_episode: EpisodeOut | None
    first_visit: bool
    episode_worth_checking: bool = False
    session_under_way: GuidedSession | None = None
    due: tuple[DueItem, ...] = ()


def today_view(db: Database, actor: Actor) -> TodayView:
    today = actor.today()
    mat = screening.mat_status(db, actor)
    plan = plans.current_plan(db, actor)
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        row = repo.checkin_on(today)
        checkin = None if row is None else CheckInOut.model_validate(row)
        sessions = repo.timed_between(MatSession, today, today, actor.zone)
        sessions_today = [MatSessionOut.model_validate(s) for s in sessions]
        any_checkin = repo.has_checkins()
    going = spasm.ongoing(db, actor)
    under_way = guided.under_way(db, actor)
    planned = next((s for s in plan.sessions if s.date == today), None)
    return TodayView(
        checkin=checkin,
        mat=mat,
        plan=plan,
        planned=planned,
        sessions_today=sessions_today,
        ongoing_episode=None if going is None else going.episode,
        first_visit=mat.screening is None and not any_checkin,
        episode_worth_checking=going is not None and going.worth_checking,
        session_under_way=under_way,
        due=tuple(reminders.due_today(db, actor)),
    )
