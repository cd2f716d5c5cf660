"""Removing the demo data: a confirm page (GET, no writes) and the removal itself (POST)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from acumat.http.deps import ActorDep, DbDep
from acumat.http.guard import FormGuard
from acumat.services import demo
from acumat.web.render import render

router = APIRouter()


@router.get("/demo/remove")
def confirm_remove_demo(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """How much demo data there is, and a button to remove it; ``?removed=1`` after it went."""
    context = {
        "count": demo.count_demo(db, actor),
        "removed": request.query_params.get("removed") == "1",
        "nav": "diary",
    }
    return render(request, "demo_remove.html", context)


@router.post("/demo/remove", dependencies=[FormGuard])
def remove_demo(db: DbDep, actor: ActorDep) -> Response:
    demo.remove_demo(db, actor)
    return RedirectResponse("/demo/remove?removed=1", status_code=303)
