"""The plan page: the next mat sessions, why, and the limit; a paused plan's way back."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.plan.steps import load_steps
from acumat.present.sources import cited
from acumat.services import plan as service
from acumat.web.render import render

router = APIRouter()


@router.get("/plan")
def plan_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    plan = service.current_plan(db, actor)
    steps = load_steps()
    fabric = bool(plan.sessions) and plan.sessions[0].fabric_layer
    shown = [*steps.before(fabric_layer=fabric), steps.at("after")]
    context = {
        "plan": plan,
        "paused": "PLAN-SKIN-PAUSE" in plan.rules,
        "steps": shown,
        "sources": cited(sid for step in shown for sid in step.sources),
        "nav": "today",
    }
    return render(request, "plan.html", context)


@router.post("/plan/skin-healed", dependencies=[FormGuard])
def skin_healed(db: DbDep, actor: ActorDep) -> Response:
    """The person says their skin has healed today: the paused plan starts again."""
    service.record_skin_healed(db, actor)
    return RedirectResponse("/plan?saved=healed", status_code=303)
