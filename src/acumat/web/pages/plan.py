"""The plan page: the next mat sessions, why, and the limit; a paused plan's way back."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.services import plan as service
from acumat.web.render import render

router = APIRouter()


@router.get("/plan")
def plan_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    plan = service.current_plan(db, actor)
    context = {"plan": plan, "paused": "PLAN-SKIN-PAUSE" in plan.rules, "nav": "today"}
    return render(request, "plan.html", context)


@router.post("/plan/skin-healed", dependencies=[FormGuard])
def skin_healed(db: DbDep, actor: ActorDep) -> Response:
    """The person says their skin has healed today: the paused plan starts again."""
    service.record_skin_healed(db, actor)
    return RedirectResponse("/plan?saved=healed", status_code=303)
