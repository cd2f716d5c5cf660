"""Reading never writes: every GET of every page and API route leaves the database as it was.

The database is full (ten weeks of demo diary, a demo screening, a caution-consult screening
with a clinician's approval, and safety questions in progress), and every row of every table
is compared after each GET, so an insert, update or delete by any reader is caught. Query
strings that carry answers (``/check?saddle_numbness=yes``) must not be stored either.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from sqlalchemy import MetaData, select

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.safety import load_ruleset, missing_items, screening_items
from acumat.services import diary, guided, screening
from acumat.services.demo import load_demo
from acumat.services.settings import calendar_token, change_settings, new_calendar_token
from acumat.store.engine import Database
from acumat.store.models import Base
from acumat.store.repos import DraftRepo
from tests.http.clients import browser

Snapshot = dict[str, list[str]]

DRAFTS = {
    "no-draft": None,
    "draft-in-progress": {"age": "44", "pain_now": "6", "episode_days": "3"},
    "draft-with-an-emergency": {"age": "44", "saddle_numbness": "yes", "bladder_change": "yes"},
}


def complete_answers(**given: str) -> dict[str, object]:
    answers: dict[str, object] = {"age": 52, "pain_now": 4, "episode_days": 5, **given}
    while gaps := missing_items(answers):
        answers.update(dict.fromkeys(gaps, "no"))
    return answers


@pytest.fixture(params=list(DRAFTS))
def full_db(
    request: pytest.FixtureRequest, db: Database, actor: Actor, frozen_clock: datetime
) -> Database:
    """A database with something in every table."""
    load_demo(db, actor)
    caution = screening.record_screening(db, actor, complete_answers(heart_condition="yes"))
    assert caution.mat == "caution-consult"
    screening.record_approval(db, actor, {"clinician": "Dr Mensah", "approved_on": "2026-03-10"})
    change_settings(db, actor, {"checkin_reminder": "09:00", "movement_hours": "09:00-17:00"})
    new_calendar_token(db, actor)
    guided.start_under_way(db, actor, 5, 0.5)  # a mat session under way in the browser
    draft = DRAFTS[request.param]
    if draft is not None:
        with db.transaction() as session:
            DraftRepo(session, actor.user_id).save(draft, frozen_clock)
    return db


@pytest.fixture
def snapshot(full_db: Database) -> Callable[[], Snapshot]:
    """Every row of every table in the database (found by reflection, not only the models)."""
    tables = MetaData()
    tables.reflect(full_db.engine)

    def rows() -> Snapshot:
        with full_db.transaction() as session:
            return {
                name: sorted(repr(tuple(row)) for row in session.execute(select(table)))
                for name, table in tables.tables.items()
            }

    return rows


def get_routes(app: FastAPI) -> list[str]:
    """The path template of every GET route (pages, API, the OpenAPI document)."""
    return sorted(
        {
            route.path
            for route in iter_route_contexts(app.routes)
            if route.path is not None and "GET" in (route.methods or ())
        }
    )


def fill(template: str, **values: object) -> str:
    return re.sub(r"{(\w+)(?::\w+)?}", lambda m: str(values[m.group(1)]), template)


def addresses(app: FastAPI, db: Database, actor: Actor) -> Iterator[str]:
    """Every GET route with real and unknown path values, then query strings with answers."""
    page = diary.list_diary(db, actor, date(2026, 1, 1), date(2026, 3, 15))
    day = page.checkins[0].day.isoformat()
    ids = {"episode": page.episodes[0].id, "session": page.sessions[0].id, "care": page.care[0].id}
    for template in get_routes(app):
        if "{kind}" in template:
            for kind, entry_id in ids.items():
                yield fill(template, kind=kind, entry_id=entry_id)
            yield fill(template, kind="episode", entry_id=2**31 + 5)
            yield fill(template, kind="nonsense", entry_id=1)
        elif "{entry_id}" in template:
            kind = template.split("/")[3].removesuffix("s")
            yield fill(template, entry_id=ids.get(kind, 1))
            yield fill(template, entry_id=999_999)
        elif "{token}" in template:
            token = calendar_token(db, actor)
            for value in (token, "x" * 43, "short"):
                yield fill(template, token=value)
        elif "{day}" in template:
            for value in (day, "2026-01-01", "0", "2026-02-30"):
                yield fill(template, day=value)
        else:
            yield template
    yield "/static/acumat.css"
    for group in load_ruleset().groups:
        yield f"/check?group={group.id}"
    every_yes = "&".join(f"{item.id}=yes" for item in screening_items())
    yield from (
        "/check?saddle_numbness=yes",
        "/check?group=urgent&saddle_numbness=yes&bladder_change=yes",
        "/check?group=about-you&age=30&pain_now=2",
        f"/check?{every_yes}",
        "/check?group=no-such-group",
        "/check?group=",
        "/check/result?saved=screening&saddle_numbness=yes",
        "/?saved=checkin&pain=10&day=2026-03-15",
        "/?flags=none&flag.saddle_numbness=yes",
        "/diary?days=90&range=90",
        "/diary?days=0",
        "/diary?days=100000&range=7",
        "/api/v1/checkins?start=2026-01-01&end=2026-03-15",
        "/api/v1/episodes?start=2026-03-01",
        "/api/v1/diary?days=7",
        "/api/v1/pain-trend?days=90",
        "/api/v1/screenings/latest?answers=saddle_numbness",
    )


@pytest.fixture
def app(full_db: Database, database_url: str, home: Path) -> FastAPI:
    return create_app(load_settings(database_url))


def test_the_walk_covers_every_get_route(app: FastAPI, full_db: Database, actor: Actor) -> None:
    walked = list(addresses(app, full_db, actor))
    for template in get_routes(app):
        pattern = re.sub(r"{\w+(?::\w+)?}", "[^/?]+", template) + r"(\?.*)?"
        assert any(re.fullmatch(pattern, url) for url in walked), template
    assert len(walked) > 50


def test_every_get_leaves_every_table_untouched_and_is_never_a_server_error(
    app: FastAPI, full_db: Database, actor: Actor, snapshot: Callable[[], Snapshot]
) -> None:
    before = snapshot()
    assert set(before) >= {table.name for table in Base.metadata.sorted_tables}
    empty = {table.name for table in Base.metadata.sorted_tables if not before[table.name]}
    assert empty <= {"screening_drafts"}
    statuses: dict[str, int] = {}
    with browser(app, follow_redirects=False) as client:
        for url in addresses(app, full_db, actor):
            statuses[url] = client.get(url).status_code
            assert snapshot() == before, f"GET {url} wrote to the database"
    assert not {url: s for url, s in statuses.items() if s >= 500}
    assert statuses["/"] == 200
    assert statuses["/api/v1/diary?days=7"] == 200
    feeds = {url: s for url, s in statuses.items() if url.startswith("/calendar/")}
    assert sorted(feeds.values()) == [200, 404, 404]


def test_head_requests_write_nothing_either(app: FastAPI, snapshot: Callable[[], Snapshot]) -> None:
    before = snapshot()
    with browser(app, follow_redirects=False) as client:
        for url in ("/", "/check", "/check?saddle_numbness=yes", "/api/v1/openapi.json"):
            assert client.head(url).status_code < 500
    assert snapshot() == before
