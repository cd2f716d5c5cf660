"""The mat plan for the acting person: what the planner needs, read in one transaction.

The planner itself is pure (:mod:`acumat.plan`); this service gathers its inputs — the mat
permission from the latest safety result and any clinician approval, the person's sessions
as they lived them (days in their own zone), their limit and when their skin last healed —
and records the two things a person tells the plan: that their skin has healed, and their
own limit (see :mod:`acumat.services.settings`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from acumat.actor import Actor
from acumat.errors import InvalidInput
from acumat.plan import PastSession, Plan, plan
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.models import MatSession
from acumat.store.repos import DiaryRepo, UserRepo

HISTORY_DAYS = 365
"""How far back sessions are read: growth depends on the last two weeks only, and a skin
reaction older than a year no longer pauses the plan."""


def current_plan(db: Database, actor: Actor) -> Plan:
    """The acting person's plan now: the next sessions, or why there are none."""
    status = screening.mat_status(db, actor)
    today = actor.today()
    with db.transaction() as session:
        user = UserRepo(session).get(actor.user_id)
        cap, healed = user.mat_cap_minutes, user.skin_healed_on
        rows = DiaryRepo(session, actor.user_id).timed_between(
            MatSession, today - timedelta(days=HISTORY_DAYS), today, actor.zone
        )
        history = [_past(row, actor) for row in rows]
    return plan(status.permission, status.verdict, history, today, cap=cap, skin_healed_on=healed)


def _past(row: MatSession, actor: Actor) -> PastSession:
    return PastSession.of(row, row.started_at.astimezone(actor.zone).date())


def record_skin_healed(db: Database, actor: Actor, day: Any = None) -> Plan:
    """Note that the person's skin has healed (on ``day``, default today); returns the plan.

    A day after today is refused: healing is something that has happened.
    """
    healed = actor.today() if day is None else day
    if not isinstance(healed, date):
        raise InvalidInput.single("skin_healed_on", "must be a day", code="not_a_day")
    if healed > actor.today():
        raise InvalidInput.single(
            "skin_healed_on", "must be today or an earlier day", code="future_day"
        )
    with db.transaction() as session:
        UserRepo(session).get(actor.user_id).skin_healed_on = healed
    return current_plan(db, actor)
