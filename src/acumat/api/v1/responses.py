"""How refusals appear in the OpenAPI document, and the ``Location`` of new entries.

The error bodies themselves are written by :mod:`acumat.http.errors`; the models here only
describe that shape so clients see it in ``/api/v1/openapi.json`` (a test keeps them equal).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel

DESCRIPTIONS = {
    404: "No such entry for you (another person's entries look the same).",
    409: "The write would clash with an existing entry; nothing was written.",
    422: "The input was refused; each problem names its field. Nothing was written.",
}


class ProblemOut(BaseModel):
    """One refused field and what to do about it."""

    field: str
    message: str


class ErrorOut(BaseModel):
    """Every 4xx body of the API: a code, a sentence, and the fields at fault."""

    error: str
    message: str
    problems: list[ProblemOut]


def refusals(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The ``responses=`` entries documenting ``statuses`` with the shared error body."""
    return {s: {"model": ErrorOut, "description": DESCRIPTIONS[s]} for s in statuses}


def mark_created(request: Request, response: Response, route: str, **params: object) -> None:
    """Answer 201 with ``Location`` pointing at the new entry's own route."""
    response.status_code = 201
    path = {name: str(value) for name, value in params.items()}
    response.headers["Location"] = str(request.url_for(route, **path))
