"""The request guards on the real app: Host allowlist, headers, CSRF, cross-site writes, sizes.

Every test runs the whole app (pages, JSON API, static files) over a migrated database on
SQLite and PostgreSQL, and proves a refused request reached no handler: the database is
exactly as it was, row for row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any

import httpx2
import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from sqlalchemy import select

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.http.csrf import COOKIE
from acumat.http.guard import MAX_BODY_BYTES
from acumat.services import diary
from acumat.store.engine import Database
from acumat.store.models import Base
from tests.http.clients import BROWSER_TOKEN, browser, plain

SEEDED_DAY = "2026-03-14"
NEW_DAY = "2026-03-13"
STARTED = "2026-03-14T08:00:00Z"
ALLOWED_HOSTS = ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "127.0.0.1", "localhost"]
FOREIGN_HOSTS = ["evil.example:8000", "", "127.0.0.1:9999", "127.0.0.1.evil.example:8000"]
API_ROOMS = ("/api/v1/checkins", "/api/v1/episodes", "/api/v1/sessions", "/api/v1/care")
PATH_VALUES = {"day": SEEDED_DAY, "entry_id": "1", "kind": "episode"}

Snapshot = dict[str, list[str]]


@pytest.fixture
def app(
    db: Database, actor: Actor, database_url: str, frozen_clock: datetime, home: Path
) -> FastAPI:
    """The real app over ``db`` holding one entry of every kind (each with id 1)."""
    diary.add_checkin(db, actor, {"day": SEEDED_DAY, "pain": 4})
    diary.add_entry(db, actor, "episode", {"started_at": STARTED, "peak_intensity": 6})
    diary.add_entry(db, actor, "session", {"started_at": STARTED, "actual_minutes": 10})
    diary.add_entry(db, actor, "care", {"started_at": STARTED, "kind": "heat", "minutes": 15})
    return create_app(load_settings(database_url))


def snapshot(db: Database) -> Snapshot:
    """Every row of every table, so any insert, update or delete shows as a difference."""
    with db.transaction() as session:
        return {
            table.name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
            for table in Base.metadata.sorted_tables
        }


def routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, concrete path) for every route of the app, path parameters filled in."""
    for route in iter_route_contexts(app.routes):
        if route.path is None:
            continue
        if route.methods is None:  # the static files mount
            yield "GET", f"{route.path}/acumat.css"
            continue
        path = re.sub(r"{(\w+)(?::\w+)?}", lambda m: PATH_VALUES.get(m[1], "1"), route.path)
        for method in sorted(route.methods):
            yield method, path


def body_for(method: str, path: str) -> dict[str, Any]:
    """A body the route would accept, so a refusal is the guard's doing and not the handler's.

    Forms carry the browser client's CSRF token (``client.request`` does not add it).
    """
    if method in ("GET", "HEAD"):
        return {}
    api = {
        "/api/v1/checkins": {"day": NEW_DAY, "pain": 5},
        f"/api/v1/checkins/{SEEDED_DAY}": {"day": SEEDED_DAY, "pain": 7},
        "/api/v1/episodes": {"started_at": STARTED, "peak_intensity": 3},
        "/api/v1/sessions": {"started_at": STARTED, "actual_minutes": 20},
        "/api/v1/care": {"started_at": STARTED, "kind": "cold", "minutes": 5},
        "/api/v1/screenings": {"answers": {"age": 40, "pain_now": 3, "saddle_numbness": "yes"}},
        "/api/v1/screenings/evaluate": {"answers": {"age": 40}},
        "/api/v1/screenings/recheck": {"answers": {"saddle_numbness": "yes"}},
        "/api/v1/clinician-approvals": {"clinician": "Dr Okafor", "approved_on": SEEDED_DAY},
    }
    if path.startswith("/api/") and method == "PATCH":
        return {"json": {"note": "changed by a patch"}}
    if path.startswith("/api/"):
        return {"json": api.get(path.removesuffix("/1"), {})}
    forms = {
        "/checkin": {"day": SEEDED_DAY, "pain": "5", "flags": "none"},
        "/log/episode": {"started_at": "2026-03-14T09:00", "peak_intensity": "3"},
        f"/diary/checkin/{SEEDED_DAY}/edit": {"pain": "9"},
        "/diary/episode/1/edit": {"started_at": "2026-03-14T09:00", "peak_intensity": "9"},
        "/check/answers": {"group": "about-you", "shown": "age", "age": "40"},
    }
    return {"data": {**forms.get(path, {}), "csrf_token": BROWSER_TOKEN}}


def test_the_route_walk_reaches_pages_api_and_static_files(app: FastAPI) -> None:
    walked = set(routes(app))
    assert ("GET", "/") in walked
    assert ("POST", "/checkin") in walked
    assert ("DELETE", "/api/v1/episodes/1") in walked
    assert ("PUT", f"/api/v1/checkins/{SEEDED_DAY}") in walked
    assert ("GET", "/static/acumat.css") in walked
    assert ("GET", "/api/v1/openapi.json") in walked


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
def test_a_foreign_host_is_refused_on_every_route_and_nothing_is_written(
    app: FastAPI, db: Database, host: str
) -> None:
    before = snapshot(db)
    with browser(app) as client:
        for method, path in [*routes(app), ("GET", "/no-such-page")]:
            response = client.request(
                method, path, headers={"Host": host}, **body_for(method, path)
            )
            assert response.status_code == 400, (method, path, response.text)
            if path.startswith("/api/") and method != "HEAD":
                assert response.json()["error"] == "bad_request"
    assert snapshot(db) == before


def test_the_same_requests_from_the_apps_own_address_pass_the_guard_and_write(
    app: FastAPI, db: Database
) -> None:
    """The control for the test above: its requests are ones the handlers carry out."""
    outcomes: dict[tuple[str, str], tuple[int, bool]] = {}
    with browser(app, follow_redirects=False) as client:
        for method, path in routes(app):
            if method not in ("GET", "HEAD"):
                before = snapshot(db)
                status = client.request(method, path, **body_for(method, path)).status_code
                outcomes[method, path] = status, snapshot(db) != before
    assert not [key for key, (status, _) in outcomes.items() if status in (400, 403, 413)]
    assert not [key for key, (status, _) in outcomes.items() if status >= 500]
    wrote = {key for key, (_, changed) in outcomes.items() if changed}
    diary_api = {key for key in outcomes if key[1].startswith(API_ROOMS)}
    assert len(diary_api) == 16
    assert diary_api <= wrote
    assert {
        ("POST", "/checkin"),
        ("POST", "/log/episode"),
        ("POST", f"/diary/checkin/{SEEDED_DAY}/edit"),
        ("POST", "/check/answers"),
        ("POST", "/api/v1/screenings"),
    } <= wrote


@pytest.mark.parametrize("host", ALLOWED_HOSTS)
def test_the_loopback_names_are_answered(app: FastAPI, host: str) -> None:
    with browser(app) as client:
        page = client.get("/", headers={"Host": host})
        listing = client.get("/api/v1/checkins", headers={"Host": host})
        created = client.post(
            "/api/v1/checkins", json={"day": NEW_DAY, "pain": 2}, headers={"Host": host}
        )
    assert (page.status_code, listing.status_code, created.status_code) == (200, 200, 201)
    assert [c["day"] for c in listing.json()] == [SEEDED_DAY]


# --- headers on every response ------------------------------------------------------------

CHECKIN_FORM = {"day": NEW_DAY, "pain": "5", "flags": "none"}
SIGNED_FORM = {**CHECKIN_FORM, "csrf_token": BROWSER_TOKEN}
RESPONSES = [
    pytest.param("GET", "/", {}, 200, id="today-page"),
    pytest.param("GET", "/diary", {}, 200, id="diary-page"),
    pytest.param("GET", "/check?group=about-you", {}, 200, id="questions-page"),
    pytest.param("GET", "/api/v1/checkins", {}, 200, id="api-list"),
    pytest.param("POST", "/api/v1/checkins", {"json": {"day": NEW_DAY, "pain": 1}}, 201, id="201"),
    pytest.param("POST", "/checkin", {"data": SIGNED_FORM}, 303, id="303-redirect"),
    pytest.param("DELETE", f"/api/v1/checkins/{SEEDED_DAY}", {}, 204, id="204"),
    pytest.param("GET", "/api/v1/episodes/999", {}, 404, id="api-404"),
    pytest.param("GET", "/diary/episode/999/edit", {}, 404, id="page-404"),
    pytest.param("GET", "/no-such-page", {}, 404, id="unknown-address"),
    pytest.param("PATCH", "/api/v1/checkins", {}, 405, id="405"),
    pytest.param("POST", "/api/v1/checkins", {"json": {"pain": 11}}, 422, id="api-422"),
    pytest.param("POST", "/checkin", {"data": {**SIGNED_FORM, "pain": "11"}}, 422, id="page-422"),
    pytest.param("GET", "/api/v1/openapi.json", {}, 200, id="openapi"),
    pytest.param("HEAD", "/api/v1/openapi.json", {}, 200, id="openapi-head"),
    pytest.param("GET", "/static/acumat.css", {}, 200, id="static-css"),
    pytest.param("GET", "/", {"headers": {"Host": "evil.example"}}, 400, id="host-refused"),
    pytest.param(
        "POST",
        "/api/v1/checkins",
        {"json": {"day": NEW_DAY, "pain": 1}, "headers": {"Origin": "https://evil.example"}},
        403,
        id="cross-site-refused",
    ),
    pytest.param(
        "POST", "/checkin", {"data": {**CHECKIN_FORM, "csrf_token": "x" * 43}}, 403, id="csrf-403"
    ),
    pytest.param(
        "POST",
        "/api/v1/checkins",
        {"content": b" " * (MAX_BODY_BYTES + 1), "headers": {"Content-Type": "application/json"}},
        413,
        id="too-large",
    ),
]


def content_security_policy(response: httpx2.Response) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    directives = (part.split() for part in policy.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


@pytest.mark.parametrize(("method", "path", "options", "status"), RESPONSES)
def test_every_response_carries_the_security_headers(
    app: FastAPI, method: str, path: str, options: dict[str, Any], status: int
) -> None:
    with browser(app, follow_redirects=False) as client:
        response = client.request(method, path, **options)
    assert response.status_code == status, response.text
    assert response.headers.get_list("cache-control") == ["no-store"]
    assert response.headers.get_list("x-content-type-options") == ["nosniff"]
    assert response.headers.get_list("referrer-policy") == ["no-referrer"]
    assert response.headers.get_list("x-frame-options") == ["DENY"]
    assert len(response.headers.get_list("content-security-policy")) == 1
    policy = content_security_policy(response)
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in policy.get("script-src", policy["default-src"])
    assert "'unsafe-eval'" not in policy.get("script-src", policy["default-src"])


# --- CSRF tokens on forms -----------------------------------------------------------------


class FormTokens(HTMLParser):
    """The CSRF token of every POST form on a page (``None`` for a form without one)."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens: list[str | None] = []
        self._in_post_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and (found.get("method") or "").lower() == "post":
            self._in_post_form = True
            self.tokens.append(None)
        elif tag == "input" and self._in_post_form and found.get("name") == "csrf_token":
            self.tokens[-1] = found.get("value")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_post_form = False


def form_tokens(html: str) -> list[str | None]:
    parser = FormTokens()
    parser.feed(html)
    return parser.tokens


def csrf_cookie(response: httpx2.Response) -> Any:
    """The ``acumat_csrf`` morsel the response sets (``None`` if it sets none)."""
    jar: SimpleCookie = SimpleCookie()
    for header in response.headers.get_list("set-cookie"):
        jar.load(header)
    return jar.get(COOKIE)


@pytest.mark.parametrize(
    "page", ["/", "/check?group=about-you", f"/diary/checkin/{SEEDED_DAY}/edit"]
)
def test_the_first_visit_sets_a_strict_httponly_cookie_whose_token_every_form_carries(
    app: FastAPI, page: str
) -> None:
    with plain(app) as client:
        first = client.get(page)
        again = client.get(page)
    cookie = csrf_cookie(first)
    assert first.status_code == 200
    assert cookie is not None
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/"
    assert len(cookie.value) >= 32
    tokens = form_tokens(first.text)
    assert tokens, "the page has no form to post"
    assert set(tokens) == {cookie.value}
    assert csrf_cookie(again) is None, "a browser with a token keeps it"
    assert set(form_tokens(again.text)) == {cookie.value}


def test_two_browsers_get_different_tokens(app: FastAPI) -> None:
    with plain(app) as one, plain(app) as other:
        first, second = csrf_cookie(one.get("/")), csrf_cookie(other.get("/"))
    assert first.value != second.value


def post_checkin(client: TestClient, cookie: str | None, token: str | None) -> httpx2.Response:
    client.cookies.clear()
    if cookie is not None:
        client.cookies.set(COOKIE, cookie)
    form = CHECKIN_FORM if token is None else {**CHECKIN_FORM, "csrf_token": token}
    return client.post("/checkin", data=form)


@pytest.mark.parametrize(
    ("cookie", "token"),
    [
        pytest.param(None, None, id="no-cookie-no-token"),
        pytest.param(BROWSER_TOKEN, None, id="cookie-but-no-token"),
        pytest.param(None, BROWSER_TOKEN, id="token-but-no-cookie"),
        pytest.param(BROWSER_TOKEN, "w" * 43, id="wrong-token"),
        pytest.param(BROWSER_TOKEN, "", id="empty-token"),
        pytest.param("abc", "abc", id="matching-but-malformed"),
    ],
)
def test_a_form_without_this_browsers_token_is_refused_and_writes_nothing(
    app: FastAPI, db: Database, cookie: str | None, token: str | None
) -> None:
    before = snapshot(db)
    with plain(app, follow_redirects=False) as client:
        response = post_checkin(client, cookie, token)
    assert response.status_code == 403
    assert "text/html" in response.headers["content-type"]
    assert snapshot(db) == before


def test_a_token_from_another_browser_is_refused_and_its_own_is_accepted(
    app: FastAPI, db: Database
) -> None:
    with plain(app, follow_redirects=False) as mine, plain(app) as theirs:
        my_token = csrf_cookie(mine.get("/")).value
        their_token = csrf_cookie(theirs.get("/")).value
        before = snapshot(db)
        stolen = post_checkin(mine, my_token, their_token)
        assert snapshot(db) == before
        own = post_checkin(mine, my_token, my_token)
    assert stolen.status_code == 403
    assert own.status_code == 303
    assert snapshot(db) != before


# --- cross-site writes --------------------------------------------------------------------

CROSS_SITE = [
    pytest.param({"Origin": "https://evil.example"}, id="foreign-origin"),
    pytest.param({"Origin": "null", "Sec-Fetch-Site": "cross-site"}, id="opaque-origin"),
    pytest.param({"Origin": "https://evil.example", "Sec-Fetch-Site": "same-origin"}, id="liar"),
    pytest.param({"Origin": "http://127.0.0.1:8000.evil.example"}, id="lookalike-origin"),
    pytest.param({"Origin": "http://localhost:9999"}, id="other-port-origin"),
    pytest.param({"Sec-Fetch-Site": "cross-site"}, id="sec-fetch-cross-site"),
    pytest.param({"Sec-Fetch-Site": "same-site"}, id="sec-fetch-same-site"),
]
WRITES: list[tuple[str, str, dict[str, Any]]] = [
    ("POST", "/api/v1/checkins", {"json": {"day": NEW_DAY, "pain": 5}}),
    ("PUT", f"/api/v1/checkins/{SEEDED_DAY}", {"json": {"day": SEEDED_DAY, "pain": 9}}),
    ("DELETE", f"/api/v1/checkins/{SEEDED_DAY}", {}),
    ("DELETE", "/api/v1/episodes/1", {}),
    ("POST", "/checkin", {"data": {**SIGNED_FORM, "pain": "6", "replaces": NEW_DAY}}),
]
"""Writes the handlers carry out one after the other, each changing the database."""


@pytest.mark.parametrize("headers", CROSS_SITE)
def test_a_cross_site_write_is_refused_and_writes_nothing(
    app: FastAPI, db: Database, headers: dict[str, str]
) -> None:
    before = snapshot(db)
    with browser(app) as client:
        for method, path, options in WRITES:
            response = client.request(method, path, headers=headers, **options)
            assert response.status_code == 403, (method, path, response.text)
            if path.startswith("/api/"):
                assert response.json()["error"] == "forbidden"
    assert snapshot(db) == before


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"Origin": "http://127.0.0.1:8000"}, id="own-origin"),
        pytest.param({"Origin": "http://localhost:8000"}, id="own-origin-by-name"),
        pytest.param({"Sec-Fetch-Site": "same-origin"}, id="sec-fetch-same-origin"),
        pytest.param({"Sec-Fetch-Site": "none"}, id="sec-fetch-typed-by-the-person"),
        # Pages are served with no-referrer, so a browser posts their forms with Origin: null.
        pytest.param({"Origin": "null", "Sec-Fetch-Site": "same-origin"}, id="own-page-form"),
        pytest.param({}, id="no-browser-headers"),
    ],
)
def test_a_same_site_write_is_carried_out(
    app: FastAPI, db: Database, headers: dict[str, str]
) -> None:
    with browser(app, follow_redirects=False) as client:
        for method, path, options in WRITES:
            before = snapshot(db)
            response = client.request(method, path, headers=headers, **options)
            assert response.status_code in (200, 201, 204, 303), (method, path, response.text)
            assert snapshot(db) != before, (method, path)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
def test_a_json_write_sent_as_a_simple_cross_site_request_writes_nothing(
    app: FastAPI, db: Database, content_type: str
) -> None:
    """What a page elsewhere could send without a preflight, from a browser that labels it
    with no Fetch Metadata (``Origin: null`` alone is let through): the API wants JSON."""
    before = snapshot(db)
    with plain(app) as client:
        response = client.post(
            "/api/v1/checkins",
            content=b'{"day": "%s", "pain": 4}' % NEW_DAY.encode(),
            headers={"Origin": "null", "Content-Type": content_type},
        )
    assert 400 <= response.status_code < 500
    assert set(response.json()) == {"error", "message", "problems"}
    assert snapshot(db) == before


def test_a_cross_site_read_is_answered(app: FastAPI) -> None:
    """Reading is harmless (the browser keeps the answer from the other site)."""
    with browser(app) as client:
        response = client.get("/api/v1/checkins", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200


# --- body size and shape --------------------------------------------------------------------


def padded_checkin(size: int) -> bytes:
    body = b'{"day": "%s", "pain": 4}' % NEW_DAY.encode()
    return body + b" " * (size - len(body))


def test_a_body_of_exactly_the_limit_is_accepted(app: FastAPI, db: Database) -> None:
    with browser(app) as client:
        response = client.post(
            "/api/v1/checkins",
            content=padded_checkin(MAX_BODY_BYTES),
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("path", ["/api/v1/checkins", "/checkin"])
def test_a_body_over_the_limit_is_refused_with_413_and_writes_nothing(
    app: FastAPI, db: Database, path: str
) -> None:
    before = snapshot(db)
    with browser(app) as client:
        response = client.post(
            path,
            content=padded_checkin(MAX_BODY_BYTES + 1),
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 413
    if path.startswith("/api/"):
        assert response.json()["error"] == "too_large"
    assert snapshot(db) == before


def test_a_streamed_body_over_the_limit_is_refused_with_413_and_writes_nothing(
    app: FastAPI, db: Database
) -> None:
    """No Content-Length to judge by: the body is counted as it arrives."""

    def chunks() -> Iterator[bytes]:
        yield padded_checkin(MAX_BODY_BYTES)
        yield b" "

    before = snapshot(db)
    with browser(app) as client:
        response = client.post(
            "/api/v1/checkins", content=chunks(), headers={"Content-Type": "application/json"}
        )
    assert "content-length" not in response.request.headers
    assert response.status_code == 413
    assert response.json()["error"] == "too_large"
    assert snapshot(db) == before


def test_a_body_that_is_not_json_is_a_400_with_the_error_body(app: FastAPI, db: Database) -> None:
    before = snapshot(db)
    with browser(app) as client:
        response = client.post(
            "/api/v1/checkins", content=b"\xff", headers={"Content-Type": "application/json"}
        )
    assert response.status_code == 400
    body = response.json()
    assert set(body) == {"error", "message", "problems"}
    assert body["error"] == "bad_request"
    assert body["message"]
    assert snapshot(db) == before
