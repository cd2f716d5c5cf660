"""Version 1 of the JSON API: one module per room, each a thin twin of the service layer.

Handlers parse (FastAPI validates bodies with the diary's ``…In`` schemas), call one
function of :mod:`acumat.services.diary` and return its ``…Out`` model. Refusals raise
acumat's errors, which :mod:`acumat.http.errors` turns into 404/409/422 bodies.
"""

from __future__ import annotations

from fastapi import APIRouter

from acumat.api.v1 import (
    ask,
    care,
    checkins,
    diary,
    episodes,
    guided,
    insights,
    plan,
    screenings,
    sessions,
    today,
    vocabulary,
)

router = APIRouter()
for room in (
    checkins,
    episodes,
    sessions,
    care,
    diary,
    vocabulary,
    screenings,
    plan,
    guided,
    today,
    ask,
    insights,
):
    router.include_router(room.router)
