"""The paging contract of every list: ``?limit=`` and ``?cursor=`` in, ``Link: rel="next"`` out.

A list answers at most ``limit`` entries (default 100, at most 500), newest first. When more
follow, the ``Link`` header holds the URL of the next page (the same query with ``cursor``
set, and the days it covers written out); the last page has no ``Link``. The paging itself
is the service's (:func:`acumat.services.diary.page_diary`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response

from acumat.diary import paging
from acumat.diary.schemas import PagedDiary
from acumat.validation import AsWholeNumber


@dataclass(frozen=True)
class PageRequest:
    """Which page a client asked for: how many entries, and after which cursor."""

    limit: int
    cursor: str | None


def page_request(
    limit: Annotated[
        int,
        Query(
            ge=1,
            le=paging.MAX_LIMIT,
            description=f"Most entries in one page (default {paging.DEFAULT_LIMIT})",
        ),
        AsWholeNumber,
    ] = paging.DEFAULT_LIMIT,
    cursor: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=paging.MAX_CURSOR_LENGTH,
            description='Where the page starts: copy it from the previous page\'s rel="next" '
            "link; leave it out for the newest entries",
        ),
    ] = None,
) -> PageRequest:
    return PageRequest(limit, cursor)


PageDep = Annotated[PageRequest, Depends(page_request)]

NEXT_LINK: dict[str, Any] = {
    "Link": {
        "description": 'The next page, as `<URL>; rel="next"`; absent on the last page.',
        "schema": {"type": "string"},
    }
}


def link_next(
    request: Request, response: Response, page: PagedDiary, days: tuple[date, date] | None = None
) -> None:
    """Point ``Link: rel="next"`` at the page after ``page``, if there is one.

    ``days`` writes the covered days into the link, so later pages keep to them even after
    midnight changes what "the last 30 days" means.
    """
    if page.next_cursor is None:
        return
    params: dict[str, str] = {"cursor": page.next_cursor, "limit": str(page.limit)}
    if days is not None:
        params |= {"start": days[0].isoformat(), "end": days[1].isoformat()}
    response.headers["Link"] = f'<{request.url.include_query_params(**params)}>; rel="next"'
