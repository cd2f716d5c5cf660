"""The calendar feed: the person's calendar at a secret address a calendar app subscribes to.

The address holds the token from the settings page; any other token, including one that
has been replaced, gets the same "not found" page as an address that never existed.
Reading the feed writes nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

from acumat.errors import NotFound
from acumat.http.deps import DbDep
from acumat.services import reminders

router = APIRouter()


@router.get("/calendar/{token}.ics")
def calendar_feed(token: str, db: DbDep) -> Response:
    try:
        body = reminders.calendar_for_token(db, token)
    except NotFound:
        raise HTTPException(404) from None
    headers = {"Content-Disposition": 'inline; filename="acumat.ics"'}
    return Response(body, media_type=reminders.MEDIA_TYPE, headers=headers)
