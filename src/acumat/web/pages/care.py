"""The care pages: short guides for warmth, cold, gentle stretches and a walk, each with a
timer and a way to log it as a care activity."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from acumat.http.deps import ActorDep, DbDep
from acumat.present.sources import cited
from acumat.safety.regions import localise
from acumat.services import care
from acumat.web.render import render

router = APIRouter()


@router.get("/care")
def care_page(request: Request, db: DbDep, actor: ActorDep) -> Response:
    """Every guide the person may be offered, and a word on any left out for their answers."""
    choice = care.care_choice(db, actor)
    context = {"offered": choice.offered, "left_out": choice.left_out, "nav": "care"}
    return render(request, "care.html", context)


@router.get("/care/{guide_id}")
def guide_page(request: Request, guide_id: str, db: DbDep, actor: ActorDep) -> Response:
    """One guide: steps, moves with drawings, cautions, sources, a timer and a log form."""
    guide, left_out = care.guide(db, actor, guide_id)
    context = {
        "guide": guide,
        "left_out": left_out,
        "sources": cited(guide.all_sources),
        "cautions": [localise(line.text, actor.region) for line in guide.cautions],
        "nav": "care",
    }
    return render(request, "care_guide.html", context)
