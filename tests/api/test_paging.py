"""Paging of the list APIs on SQLite and PostgreSQL: ``?limit=``, ``?cursor=`` and ``Link``."""

from __future__ import annotations

import base64
from datetime import date, datetime, timedelta
from typing import Any

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.diary import paging
from acumat.services import diary
from acumat.store.engine import Database
from tests.api.refusals import assert_refused

NOON = datetime.fromisoformat("2026-03-14T12:00:00+00:00")
TIMED_LISTS: dict[str, tuple[str, dict[str, Any]]] = {
    "episodes": ("episode", {"peak_intensity": 5}),
    "sessions": ("session", {"actual_minutes": 10}),
    "care": ("care", {"kind": "heat", "minutes": 15}),
}


def add_timed(db: Database, actor: Actor, listing: str, started: datetime) -> int:
    kind, fields = TIMED_LISTS[listing]
    saved = diary.add_entry(db, actor, kind, {"started_at": started.isoformat(), **fields})
    return int(saved.id)


def add_checkin(db: Database, actor: Actor, day: date) -> int:
    return diary.add_checkin(db, actor, {"day": day.isoformat(), "pain": 3}).id


def next_link(response: httpx.Response) -> str | None:
    link = response.headers.get("link")
    if link is None:
        return None
    url, rel = link.split(";")
    assert rel.strip() == 'rel="next"'
    return url.strip().removeprefix("<").removesuffix(">")


def walk(client: TestClient, url: str) -> list[Any]:
    """Every page of a list (a JSON list, or the diary's object), following ``Link``."""
    pages: list[Any] = []
    next_url: str | None = url
    while next_url is not None:
        response = client.get(next_url)
        assert response.status_code == 200, response.text
        pages.append(response.json())
        next_url = next_link(response)
        assert len(pages) < 50
    return pages


def ids(entries: list[dict[str, Any]]) -> list[int]:
    return [int(e["id"]) for e in entries]


@pytest.mark.parametrize("listing", list(TIMED_LISTS))
def test_a_list_comes_a_page_at_a_time_newest_first(
    client: TestClient, db: Database, actor: Actor, listing: str
) -> None:
    added = [add_timed(db, actor, listing, NOON - timedelta(hours=h)) for h in range(5)]
    pages = walk(client, f"/api/v1/{listing}?limit=2")
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [i for page in pages for i in ids(page)] == added


def test_checkins_page_by_day_newest_first(client: TestClient, db: Database, actor: Actor) -> None:
    days = [date(2026, 3, 15) - timedelta(days=n) for n in range(5)]
    for day in days:
        add_checkin(db, actor, day)
    pages = walk(client, "/api/v1/checkins?limit=3")
    assert [[c["day"] for c in page] for page in pages] == [
        [d.isoformat() for d in days[:3]],
        [d.isoformat() for d in days[3:]],
    ]


def test_the_last_page_has_no_link(client: TestClient, db: Database, actor: Actor) -> None:
    add_timed(db, actor, "care", NOON)
    add_timed(db, actor, "care", NOON - timedelta(hours=1))
    assert "link" not in client.get("/api/v1/care?limit=2").headers
    assert "link" not in client.get("/api/v1/care").headers
    assert "link" in client.get("/api/v1/care?limit=1").headers


def test_the_next_link_keeps_the_days_and_limit_and_holds_no_health_data(
    client: TestClient, db: Database, actor: Actor
) -> None:
    for hours in range(3):
        add_timed(db, actor, "episodes", NOON - timedelta(hours=hours))
    response = client.get("/api/v1/episodes?limit=1&end=2026-03-14")
    link = httpx.URL(next_link(response) or "")
    assert (link.scheme, link.host, link.port, link.path) == (
        "http",
        "127.0.0.1",
        8000,
        "/api/v1/episodes",
    )
    params = dict(link.params)
    assert set(params) == {"cursor", "limit", "start", "end"}
    assert (params["limit"], params["start"], params["end"]) == ("1", "2026-02-13", "2026-03-14")
    opened = base64.urlsafe_b64decode(params["cursor"] + "==").decode()
    assert opened.startswith("episodes|episode|2026-03-14T12:00:00+00:00|")


def test_ties_on_the_same_minute_are_each_shown_once(
    client: TestClient, db: Database, actor: Actor
) -> None:
    added = [add_timed(db, actor, "sessions", NOON) for _ in range(4)]
    pages = walk(client, "/api/v1/sessions?limit=1")
    assert [i for page in pages for i in ids(page)] == sorted(added, reverse=True)


def test_entries_added_meanwhile_never_shift_the_next_page(
    client: TestClient, db: Database, actor: Actor
) -> None:
    first_ids = [add_timed(db, actor, "care", NOON - timedelta(hours=h)) for h in range(4)]
    first = client.get("/api/v1/care?limit=2")
    assert ids(first.json()) == first_ids[:2]
    newer = add_timed(db, actor, "care", NOON + timedelta(minutes=5))
    older = add_timed(db, actor, "care", NOON - timedelta(hours=10))
    rest = [i for page in walk(client, next_link(first) or "") for i in ids(page)]
    assert rest == [*first_ids[2:], older]
    assert newer not in rest


def test_a_deleted_entry_on_an_earlier_page_does_not_shift_the_next(
    client: TestClient, db: Database, actor: Actor
) -> None:
    added = [add_timed(db, actor, "episodes", NOON - timedelta(hours=h)) for h in range(4)]
    first = client.get("/api/v1/episodes?limit=2")
    assert client.delete(f"/api/v1/episodes/{added[1]}").status_code == 204
    assert ids(client.get(next_link(first) or "").json()) == added[2:]


def test_the_diary_pages_every_kind_together_newest_first(
    client: TestClient, db: Database, actor: Actor
) -> None:
    checkin = add_checkin(db, actor, date(2026, 3, 14))
    care = add_timed(db, actor, "care", NOON)
    episode = add_timed(db, actor, "episodes", NOON - timedelta(hours=1))
    session = add_timed(db, actor, "sessions", datetime.fromisoformat("2026-03-15T08:00Z"))
    older_checkin = add_checkin(db, actor, date(2026, 3, 13))
    response = client.get("/api/v1/diary?limit=2")
    first = response.json()
    assert (first["limit"], ids(first["sessions"]), ids(first["checkins"])) == (
        2,
        [session],
        [checkin],
    )
    assert first["episodes"] == first["care"] == []
    assert next_link(response) is not None
    second = client.get("/api/v1/diary", params={"limit": 2, "cursor": first["next_cursor"]}).json()
    assert (ids(second["care"]), ids(second["episodes"])) == ([care], [episode])
    third = client.get("/api/v1/diary", params={"limit": 2, "cursor": second["next_cursor"]})
    assert (ids(third.json()["checkins"]), third.json()["next_cursor"]) == ([older_checkin], None)
    assert "link" not in third.headers


def test_walking_the_diary_shows_every_entry_once(
    client: TestClient, db: Database, actor: Actor
) -> None:
    expected = set()
    for n in range(6):
        expected.add(("checkins", add_checkin(db, actor, date(2026, 3, 15) - timedelta(days=n))))
        for listing in TIMED_LISTS:
            started = NOON - timedelta(days=n, hours=n % 3)
            expected.add((listing, add_timed(db, actor, listing, started)))
    pages = walk(client, "/api/v1/diary?limit=7")
    seen = [
        (name, e["id"])
        for page in pages
        for name in paging.LISTS
        if name != "diary"
        for e in page.get(name, [])
    ]
    assert len(pages) == 4
    assert sorted(seen) == sorted(expected)


@pytest.mark.parametrize("limit", ["0", "-1", "501", "ten", "2.5", "true"])
@pytest.mark.parametrize("url", ["/api/v1/checkins", "/api/v1/care", "/api/v1/diary"])
def test_an_impossible_limit_is_refused_naming_limit(
    client: TestClient, url: str, limit: str
) -> None:
    body = assert_refused(client.get(url, params={"limit": limit}), 422, "limit")
    assert "Input should" not in body["message"]


def test_the_largest_limit_is_allowed(client: TestClient) -> None:
    assert client.get("/api/v1/episodes", params={"limit": 500}).status_code == 200


def cursor_of(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


BAD_CURSORS = [
    "not a cursor",
    "%%%",
    "x" * 201,
    cursor_of("care|care|2026-03-14T12:00:00+00:00|1"),  # another list's
    cursor_of("episodes|care|2026-03-14T12:00:00+00:00|1"),  # another kind
    cursor_of("episodes|episode|2026-03-14T12:00:00|1"),  # no offset
    cursor_of("episodes|episode|2026-03-14T12:00:00+00:00|0"),  # no such id
    cursor_of("episodes|episode|2026-03-14T12:00:00+00:00|99999999999"),
    cursor_of("episodes|episode|0001-01-01T00:00:00+00:00|1"),
    cursor_of("episodes|episode|2026-03-14T13:00:00+01:00|1"),  # not as acumat writes it
    cursor_of("episodes|episode|2026-03-14T12:00:00+00:00|1") + "=",
    cursor_of("episodes|episode|2026-03-14T12:00:00+00:00|1|x"),
    base64.urlsafe_b64encode(b"\xff\xfe").decode(),
    "é",  # found by schemathesis: was a 500 (b64decode's ValueError for non-ASCII text)
    "ZGlhcnl8Y2hlY2tpbnwyMDI2LTAzLTE0fDI\u00e9",
]


@pytest.mark.parametrize("cursor", BAD_CURSORS)
def test_a_cursor_acumat_did_not_give_is_refused_naming_cursor(
    client: TestClient, cursor: str
) -> None:
    body = assert_refused(client.get("/api/v1/episodes", params={"cursor": cursor}), 422, "cursor")
    (problem,) = body["problems"]
    if len(cursor) > paging.MAX_CURSOR_LENGTH:  # refused by the address's own limit
        assert problem["code"] == "too_long"
    else:
        assert problem["code"] == "bad_cursor"
        assert "leave cursor out" in problem["message"]


def test_a_checkins_cursor_is_refused_by_the_diary(
    client: TestClient, db: Database, actor: Actor
) -> None:
    for n in range(2):
        add_checkin(db, actor, date(2026, 3, 15) - timedelta(days=n))
    cursor = httpx.URL(next_link(client.get("/api/v1/checkins?limit=1")) or "").params["cursor"]
    assert_refused(client.get("/api/v1/diary", params={"cursor": cursor}), 422, "cursor")
    assert client.get("/api/v1/checkins", params={"cursor": cursor}).status_code == 200


def test_a_strangers_cursor_shows_only_your_own_entries(
    client: TestClient, db: Database, actor: Actor, stranger: Actor
) -> None:
    theirs = [add_timed(db, stranger, "care", NOON - timedelta(hours=h)) for h in range(3)]
    mine = [add_timed(db, actor, "care", NOON - timedelta(hours=h, minutes=30)) for h in range(3)]
    their_page = diary.page_diary(db, stranger, "care", (date(2026, 3, 1), date(2026, 3, 15)), 1)
    assert their_page.next_cursor is not None
    shown = client.get("/api/v1/care", params={"cursor": their_page.next_cursor})
    assert shown.status_code == 200
    assert ids(shown.json()) == mine
    assert not set(ids(shown.json())) & set(theirs)
