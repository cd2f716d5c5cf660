"""No person reads a library's sentence, a field key in place of a label, or a file path.

Drives the web pages, the API and (read-only) the CLI with bad input of every entry kind.
The web must show only words: no pydantic or SQLAlchemy text, no field key, no stored code.
The API keeps field keys and codes (programs read them) but never a library's text or a path.
The CLI must name flags, not keys.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from acumat.actor import Actor
from acumat.cli import app as cli_app
from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.services import diary
from acumat.store.engine import Database
from tests.http.clients import browser
from tests.present.wording import library_words, not_for_people, visible_text

CHECKIN = {"day": "2026-03-15", "pain": "4", "flags": "none"}
EPISODE = {"started_at": "2026-03-15T08:00", "peak_intensity": "6"}
SESSION = {"started_at": "2026-03-15T10:00", "actual_minutes": "10", "ended": "finished"}
CARE = {"started_at": "2026-03-15T11:00", "kind": "heat", "minutes": "15"}

WEB_POSTS: list[tuple[str, dict[str, Any]]] = [
    ("/checkin", {**CHECKIN, "pain": "four"}),
    ("/checkin", {**CHECKIN, "pain": "11"}),
    ("/checkin", {**CHECKIN, "pain": ""}),
    ("/checkin", {**CHECKIN, "day": "yesterday"}),
    ("/checkin", {**CHECKIN, "day": "2026-03-16"}),
    ("/checkin", {**CHECKIN, "sleep_quality": "12", "hours_sitting": "30", "stress": "-1"}),
    ("/checkin", {**CHECKIN, "took_pain_relief": "maybe", "spasm_count": "1e3"}),
    ("/checkin", {**CHECKIN, "note": "x" * 2001}),
    ("/checkin", {**CHECKIN, "mood": "3"}),
    ("/checkin", {**CHECKIN, "flag.fever": "yes"}),
    ("/log/episode", {**EPISODE, "started_at": "soon", "peak_intensity": ""}),
    ("/log/episode", {**EPISODE, "ended_at": "2026-03-15T07:00"}),
    ("/log/episode", {**EPISODE, "locations": ["elbow"], "triggers": ["weather"]}),
    ("/log/episode", {**EPISODE, "started_at": "2026-03-29T02:30", "peak_intensity": "4.5"}),
    ("/log/session", {**SESSION, "actual_minutes": "75", "planned_minutes": "0"}),
    ("/log/session", {**SESSION, "actual_minutes": "abc", "pain_before": "11"}),
    ("/log/session", {**SESSION, "ended": "bored", "skin_reaction": "scaly"}),
    ("/log/session", {**SESSION, "started_at": "", "note": "a\x00b"}),
    ("/log/care", {**CARE, "kind": "sauna", "minutes": "0"}),
    ("/log/care", {**CARE, "minutes": "-5", "started_at": "2030-01-01T00:00"}),
    ("/check/answers", {"age": "12", "pain_now": "3", "shown": "age,pain_now,episode_days"}),
    ("/check/answers", {"age": "300", "shown": "age"}),
    ("/check/approval", {"clinician": "X", "approved_on": "2027-01-01"}),
]

WEB_ADDRESSES = [
    "/diary?days=many",
    "/diary?days=0",
    "/diary?range=45",
    "/diary?cursor=nonsense",
    "/diary/checkin/yesterday/edit",
    "/diary/session/abc/edit",
    "/diary/mood/1/edit",
    "/diary/session/999/edit",
    "/nowhere",
]


@pytest.fixture
def database_url(sqlite_url: str) -> str:
    """SQLite only: wording does not depend on the backend (the suites above cover both)."""
    return sqlite_url


@pytest.fixture
def web(
    db: Database, actor: Actor, database_url: str, frozen_clock: datetime, home: Path
) -> Iterator[TestClient]:
    with browser(create_app(load_settings(database_url)), follow_redirects=False) as client:
        yield client


def assert_words_only(html: str) -> None:
    shown = visible_text(html)
    assert not_for_people(shown) == [], shown


@pytest.mark.parametrize(("address", "form"), WEB_POSTS)
def test_a_refused_web_form_shows_only_words(
    web: TestClient, address: str, form: dict[str, Any]
) -> None:
    page = web.post(address, data=form)
    assert page.status_code == 422
    assert_words_only(page.text)


@pytest.mark.parametrize("address", WEB_ADDRESSES)
def test_a_refused_web_address_shows_only_words(web: TestClient, address: str) -> None:
    page = web.get(address)
    assert 400 <= page.status_code < 500
    assert_words_only(page.text)


@pytest.mark.parametrize(("address", "form"), [p for p in WEB_POSTS if p[0].startswith("/log/")])
def test_a_refused_edit_shows_only_words(
    web: TestClient, db: Database, actor: Actor, address: str, form: dict[str, Any]
) -> None:
    kind = address.removeprefix("/log/")
    good = {"episode": EPISODE, "session": SESSION, "care": CARE}[kind]
    assert web.post(address, data=good).status_code == 303
    entry_id = _only_entry_id(db, actor, kind)
    page = web.post(f"/diary/{kind}/{entry_id}/edit", data=form)
    assert page.status_code == 422
    assert_words_only(page.text)


def test_a_refused_checkin_edit_shows_only_words(web: TestClient) -> None:
    assert web.post("/checkin", data=CHECKIN).status_code == 303
    page = web.post("/diary/checkin/2026-03-15/edit", data={"pain": "11", "stress": "x"})
    assert page.status_code == 422
    assert_words_only(page.text)


def _only_entry_id(db: Database, actor: Actor, kind: str) -> int:
    day = datetime(2026, 3, 15).date()
    page = diary.list_diary(db, actor, day, day)
    ids = {
        "episode": [e.id for e in page.episodes],
        "session": [s.id for s in page.sessions],
        "care": [c.id for c in page.care],
    }
    return ids[kind][0]


# --- the API: keys and codes are its words, a library's are not ------------------------------

API_CHECKIN = {"day": "2026-03-15", "pain": 4}
API_EPISODE = {"started_at": "2026-03-15T08:00:00Z", "peak_intensity": 6}
API_SESSION = {"started_at": "2026-03-15T10:00:00Z", "actual_minutes": 10}
API_CARE = {"started_at": "2026-03-15T11:00:00Z", "kind": "heat", "minutes": 15}

API_BODIES: list[tuple[str, object]] = [
    ("/api/v1/checkins", {**API_CHECKIN, "pain": "four"}),
    ("/api/v1/checkins", {**API_CHECKIN, "pain": 4.5, "day": "yesterday"}),
    ("/api/v1/checkins", {"day": "2026-03-15"}),
    ("/api/v1/checkins", {**API_CHECKIN, "hours_sitting": True, "note": "x" * 2001}),
    ("/api/v1/checkins", [1, 2]),
    ("/api/v1/checkins", "text"),
    ("/api/v1/episodes", {**API_EPISODE, "ended_at": "2026-03-15T07:00:00Z"}),
    ("/api/v1/episodes", {**API_EPISODE, "locations": "lower_left", "triggers": [1]}),
    ("/api/v1/sessions", {**API_SESSION, "stopped_early": True}),
    ("/api/v1/sessions", {**API_SESSION, "actual_minutes": "NaN", "fabric_layer": 1}),
    ("/api/v1/care", {**API_CARE, "kind": "sauna", "minutes": 0, "extra": 1}),
    ("/api/v1/care", {**API_CARE, "started_at": 1700000000}),
    ("/api/v1/screenings", {"answers": {"age": 12}}),
    ("/api/v1/screenings", {"answers": {"fever": "no"}}),
    ("/api/v1/clinician-approvals", {"clinician": "X", "approved_on": "2027-01-01"}),
    ("/api/v1/clinician-approvals", {}),
]


@pytest.fixture
def api(
    db: Database, actor: Actor, database_url: str, frozen_clock: datetime, home: Path
) -> Iterator[TestClient]:
    with browser(create_app(load_settings(database_url))) as client:
        yield client


@pytest.mark.parametrize(("address", "body"), API_BODIES)
def test_a_refused_api_body_carries_no_library_text(
    api: TestClient, address: str, body: object
) -> None:
    answer = api.post(address, json=body)
    assert answer.status_code == 422
    assert library_words(answer.text) == [], answer.text
    assert all(problem["code"] for problem in answer.json()["problems"])


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe", b""])
def test_an_unreadable_api_body_carries_no_library_text(api: TestClient, content: bytes) -> None:
    answer = api.post(
        "/api/v1/checkins", content=content, headers={"content-type": "application/json"}
    )
    assert 400 <= answer.status_code < 500
    assert library_words(answer.text) == [], answer.text


@pytest.mark.parametrize(
    "address",
    ["/api/v1/checkins/yesterday", "/api/v1/sessions/abc", "/api/v1/diary?days=many"],
)
def test_a_refused_api_address_carries_no_library_text(api: TestClient, address: str) -> None:
    answer = api.get(address)
    assert 400 <= answer.status_code < 500
    assert library_words(answer.text) == [], answer.text


# --- the terminal: flags, not keys ------------------------------------------------------------

CLI_KEY = re.compile(r"(?<![-\w])(day|pain|stress|note|kind|minutes|locations|triggers):")


def cli_words_problems(output: str) -> list[str]:
    """Library text, paths, field keys and stored codes, and a plain key used as a label."""
    return not_for_people(output) + CLI_KEY.findall(output)


CLI_REFUSALS = [
    pytest.param(("log", "checkin", "--pain", "11", "--no-red-flags")),
    pytest.param(("log", "checkin", "--pain", "four", "--no-red-flags")),
    pytest.param(("log", "checkin", "--day", "26/11/2026", "--pain", "3", "--no-red-flags")),
    pytest.param(("log", "checkin", "--pain", "3", "--sleep", "12", "--sitting", "30")),
    pytest.param(("log", "session", "--minutes", "75")),
    pytest.param(("log", "care", "--kind", "sauna", "--minutes", "10")),
    pytest.param(("log", "episode", "--start", "2026-03-15T09:00", "--end", "2026-03-15T08:00",
            "--peak", "5")),
    pytest.param(("log", "delete", "mat", "2")),
    pytest.param(("--db", "garbage", "diary")),
    pytest.param(("log", "delete", "care", "999")),
    pytest.param(("check", "approve", "--clinician", "X")),
    pytest.param(("check", "approve", "--clinician", "Dr Lee", "--on", "2027-01-01")),
]  # fmt: skip


@pytest.mark.parametrize("args", CLI_REFUSALS)
def test_a_refused_command_names_flags_not_keys(
    home: Path, frozen_clock: datetime, args: tuple[str, ...]
) -> None:
    result = CliRunner().invoke(cli_app, list(args))
    assert result.exit_code == 2, result.output
    assert cli_words_problems(result.output) == [], result.output


def test_the_checks_themselves_catch_what_they_look_for() -> None:
    assert library_words("Input should be a number") == ["Input should"]
    assert cli_words_problems("Error: hours_sitting: must be at most 24") == ["hours_sitting"]
    assert cli_words_problems("Error: pain: must be at most 10") == ["pain"]
    assert cli_words_problems("Back pain today (--pain): a whole number") == []
    assert not_for_people(visible_text('<p title="sharp_pain">ok</p>')) == ["sharp_pain"]
    assert library_words(json.dumps({"m": "see /work/x/src/acumat/a.py"}))
