"""Server-rendered pages: one module per room, each route one service call."""

from __future__ import annotations

from fastapi import APIRouter

from acumat.web.pages import (
    calendar,
    care,
    demo,
    diary,
    entries,
    insights,
    learn,
    plan,
    screening,
    session,
    settings,
    spasm,
    today,
)

router = APIRouter()
for room in (
    today,
    spasm,
    session,
    plan,
    diary,
    insights,
    entries,
    screening,
    care,
    learn,
    settings,
    calendar,
    demo,
):
    # Pages are HTML for people; the OpenAPI document describes only the JSON API.
    router.include_router(room.router, include_in_schema=False)
