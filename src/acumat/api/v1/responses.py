"""How refusals appear in the OpenAPI document, and the ``Location`` of new entries.

The error bodies themselves are written by :mod:`acumat.http.errors`; the models here only
describe that shape so clients see it in ``/api/v1/openapi.json`` (a test keeps them equal).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from pydantic import BaseModel, Field

from acumat.api.v1.paging import NEXT_LINK

DESCRIPTIONS = {
    400: "The request could not be read: a body that is not JSON or not UTF-8, a Content-Length "
    "that is not a number, or an address acumat does not answer to (it answers only to "
    "127.0.0.1, localhost and [::1] with its port). Nothing was written.",
    403: "A write sent from another website (its Origin or Sec-Fetch-Site says so) was refused; "
    "nothing was written.",
    404: "No such entry for you (another person's entries look the same).",
    409: "The write would clash with an existing entry; nothing was written.",
    413: "The body is larger than 2 MB and was refused unread; nothing was written.",
    422: "The input was refused; each problem names its field or parameter. Nothing was written.",
    503: "The database is busy finishing another write (try again after Retry-After seconds) "
    "or cannot be reached; nothing was written.",
}
HEADERS: dict[int, dict[str, Any]] = {
    503: {"Retry-After": {"description": "Seconds to wait when busy", "schema": {"type": "string"}}}
}


class ProblemOut(BaseModel):
    """One refused field: its key, a code saying what is wrong, and a plain sentence."""

    field: str = Field(
        description="The field key (or parameter) at fault; `body` for the whole body."
    )
    code: str = Field(
        description="What is wrong, for programs: required, too_big, too_small, "
        "not_whole_number, not_a_number, not_a_day, not_a_time, future_day, future_time, "
        "unknown_word, too_long, unknown_field, ends_before_start, reason_required, … "
        "(invalid when no finer code applies)."
    )
    message: str = Field(description="A plain sentence saying what is allowed.")


class ErrorOut(BaseModel):
    """Every 4xx body of the API: a code, a sentence, and the fields at fault.

    ``safety`` appears only on a check-in refused with 409 whose warning signs raised an
    urgent result: nothing was saved, but that result must still be shown first.
    """

    error: str
    message: str
    problems: list[ProblemOut]
    safety: dict[str, Any] | None = Field(default=None, json_schema_extra={"nullable": True})


Responses = dict[int | str, dict[str, Any]]


def refusals(*statuses: int) -> Responses:
    """The ``responses=`` entries documenting ``statuses`` with the shared error body."""
    answers: Responses = {s: {"model": ErrorOut, "description": DESCRIPTIONS[s]} for s in statuses}
    for status, headers in HEADERS.items():
        if status in answers:
            answers[status]["headers"] = headers
    return dict(sorted(answers.items(), key=lambda item: str(item[0])))


def reads(*statuses: int) -> Responses:
    """A read of your diary: ``statuses``, plus 400 (a foreign address) and 503 (database)."""
    return refusals(400, *statuses, 503)


def writes(*statuses: int) -> Responses:
    """A write: ``statuses``, plus 400, 403 (cross-site), 413 (body over 2 MB) and 503."""
    return refusals(400, 403, 413, *statuses, 503)


def listing_responses() -> Responses:
    """A paged list (see :mod:`acumat.api.v1.paging`): the ``Link`` to the next page, 422, …"""
    page = {"description": "One page of entries, newest first", "headers": NEXT_LINK}
    return {200: page, **reads(422)}


def mark_created(request: Request, response: Response, route: str, **params: object) -> None:
    """Answer 201 with ``Location`` pointing at the new entry's own route."""
    response.status_code = 201
    path = {name: str(value) for name, value in params.items()}
    response.headers["Location"] = str(request.url_for(route, **path))
