"""``/api/v1/insights``: what the diary shows, as ``acumat insights --json`` gives it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from acumat.api.v1.responses import reads
from acumat.http.deps import ActorDep, DbDep
from acumat.services import diary
from acumat.services import insights as service

router = APIRouter(tags=["insights"])


@router.get("/insights", name="get_insights", responses=reads(422))
def get_insights(
    db: DbDep,
    actor: ActorDep,
    days: Annotated[
        int, Query(description="How many days up to today", ge=1, le=diary.MAX_RANGE_DAYS)
    ] = service.DEFAULT_DAYS,
) -> dict[str, Any]:
    """The pain trend (each check-in's pain and a smoothed line) and the findings: each with
    ``value``, a 95% interval (``low``, ``high``; all ``null`` while there is not enough data),
    ``n`` and a ``reading`` that says what it can and cannot tell you."""
    return service.as_data(service.insights(db, actor, days))
