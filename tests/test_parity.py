"""The page, the command line and the API twin of each action store the same rows and
return the same safety result (code review F4/F10: one behaviour behind three interfaces).

Each interface writes into a database of its own, from the same input at the same frozen
moment; the rows are then read back through the services and compared field by field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from acumat.actor import Actor
from acumat.cli import app as cli_app
from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.services import diary
from acumat.services.database import local_actor, open_database
from acumat.services.screening import latest_screening
from acumat.store.engine import Database
from tests.http.clients import browser

pytestmark = pytest.mark.usefixtures("frozen_clock")

DAY = "2026-03-15"  # the frozen clock's day
Write = Callable[[str], None]
IGNORED = {"id", "uuid", "created_at", "updated_at", "taken_at"}


def through_cli(url: str, *args: str) -> None:
    result = CliRunner().invoke(cli_app, ["--db", url, *args])
    assert result.exit_code == 0, result.output


def through_web(url: str, path: str, form: dict[str, Any]) -> None:
    with browser(create_app(load_settings(url)), follow_redirects=False) as client:
        answer = client.post(path, data=form)
        assert answer.status_code == 303, answer.text


def through_api(url: str, path: str, body: dict[str, Any]) -> None:
    with browser(create_app(load_settings(url))) as client:
        answer = client.post(path, json=body)
        assert answer.status_code == 201, answer.text


CHECKIN_WITH_FEVER: dict[str, Write] = {
    "cli": lambda url: through_cli(
        url, "log", "checkin", "--day", DAY, "--pain", "6", "--sleep", "3", "--red-flag", "fever"
    ),
    "web": lambda url: through_web(
        url, "/checkin", {"day": DAY, "pain": "6", "sleep_quality": "3", "flag.fever": "yes"}
    ),
    "api": lambda url: through_api(
        url,
        "/api/v1/checkins",
        {"day": DAY, "pain": 6, "sleep_quality": 3, "red_flags": {"fever": "yes"}},
    ),
}

EPISODE_FLAGS: tuple[str, ...] = ("--start", f"{DAY} 09:30", "--end", f"{DAY} 09:50", "--peak", "7")
EPISODE_FLAGS += ("--location", "lower_left,lower_right", "--trigger", "lifting")

EPISODE: dict[str, Write] = {
    "cli": lambda url: through_cli(url, "log", "episode", *EPISODE_FLAGS),
    "web": lambda url: through_web(
        url,
        "/log/episode",
        {
            "started_at": f"{DAY}T09:30",
            "ended_at": f"{DAY}T09:50",
            "peak_intensity": "7",
            "locations": ["lower_left", "lower_right"],
            "triggers": ["lifting"],
        },
    ),
    "api": lambda url: through_api(
        url,
        "/api/v1/episodes",
        {
            "started_at": f"{DAY}T09:30",
            "ended_at": f"{DAY}T09:50",
            "peak_intensity": 7,
            "locations": ["lower_left", "lower_right"],
            "triggers": ["lifting"],
        },
    ),
}


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[Callable[[str], tuple[str, Database, Actor]]]:
    """A fresh SQLite database per interface, opened the way every interface opens it."""
    opened: list[Database] = []

    def fresh(name: str) -> tuple[str, Database, Actor]:
        url = f"sqlite:///{tmp_path / name}.db"
        db = open_database(load_settings(url))
        opened.append(db)
        return url, db, local_actor(db)

    yield fresh
    for db in opened:
        db.dispose()


def stored(db: Database, actor: Actor) -> dict[str, Any]:
    """Every row of the day and the latest safety result, without identities and stamps."""
    page = diary.list_diary(db, actor, actor.today(), actor.today())
    rows: dict[str, Any] = {
        kind: [entry.model_dump(exclude=IGNORED) for entry in getattr(page, kind)]
        for kind in ("checkins", "episodes", "sessions", "care")
    }
    latest = latest_screening(db, actor)
    rows["safety"] = None if latest is None else latest.model_dump(exclude=IGNORED)
    return rows


def differences(results: dict[str, dict[str, Any]]) -> list[str]:
    """Where the interfaces' rows disagree, as ``kind.field: cli / web / api`` lines."""
    found = []
    for kind in results["cli"]:
        seen = [results[interface][kind] for interface in ("cli", "web", "api")]
        parts = seen[0] if isinstance(seen[0], dict) else {"": None}
        for name in parts:
            values = [s.get(name) if isinstance(s, dict) and name else s for s in seen]
            if not values[0] == values[1] == values[2]:
                found.append(f"{kind}.{name}: " + " / ".join(repr(v) for v in values))
    return found


@pytest.mark.parametrize(
    "action", [CHECKIN_WITH_FEVER, EPISODE], ids=["checkin-with-a-sign", "episode"]
)
def test_page_cli_and_api_store_the_same_rows_and_result(
    action: dict[str, Write], databases: Callable[[str], tuple[str, Database, Actor]]
) -> None:
    results = {}
    for interface, write in action.items():
        url, db, actor = databases(interface)
        write(url)
        results[interface] = stored(db, actor)
    assert results["cli"] == results["web"] == results["api"], differences(results)
    assert any(results["cli"][kind] for kind in ("checkins", "episodes"))


def test_a_sign_at_check_in_gives_the_same_urgent_result_everywhere(
    databases: Callable[[str], tuple[str, Database, Actor]],
) -> None:
    found = {}
    for interface, write in CHECKIN_WITH_FEVER.items():
        url, db, actor = databases(interface)
        write(url)
        result = latest_screening(db, actor)
        assert result is not None
        found[interface] = (result.urgency, result.mat, [r.rule for r in result.reasons])
    assert found["cli"] == found["web"] == found["api"]
    assert found["cli"][0].is_urgent


def refused_by_cli(url: str, *args: str) -> None:
    result = CliRunner().invoke(cli_app, ["--db", url, *args])
    assert result.exit_code == 2, result.output
    assert result.stdout.lstrip("╭─ ").startswith("Emergency")
    assert "already a check-in" in result.stderr


def refused_by_web(url: str, path: str, form: dict[str, Any]) -> None:
    with browser(create_app(load_settings(url)), follow_redirects=False) as client:
        answer = client.post(path, data=form)
        assert answer.status_code == 409, answer.text
        main = answer.text.split('<main id="main"', 1)[1]
        assert main.index('role="alert"') < main.index("There is already a check-in")


def refused_by_api(url: str, path: str, body: dict[str, Any]) -> None:
    with browser(create_app(load_settings(url))) as client:
        answer = client.post(path, json=body)
        assert answer.status_code == 409, answer.text
        assert answer.json()["safety"]["urgency"] == "EMERGENCY"


def second_checkin_by_cli(url: str) -> None:
    through_cli(url, "log", "checkin", "--day", DAY, "--pain", "4", "--no-red-flags")
    refused_by_cli(url, "log", "checkin", "--day", DAY, "--pain", "8", "--red-flag", "chest_pain")


def second_checkin_by_web(url: str) -> None:
    through_web(url, "/checkin", {"day": DAY, "pain": "4", "flags": "none"})
    refused_by_web(url, "/checkin", {"day": DAY, "pain": "8", "flag.chest_pain": "yes"})


def second_checkin_by_api(url: str) -> None:
    through_api(url, "/api/v1/checkins", {"day": DAY, "pain": 4, "red_flags": {}})
    body = {"day": DAY, "pain": 8, "red_flags": {"chest_pain": "yes"}}
    refused_by_api(url, "/api/v1/checkins", body)


SECOND_CHECKIN_WITH_CHEST_PAIN: dict[str, Write] = {
    "cli": second_checkin_by_cli,
    "web": second_checkin_by_web,
    "api": second_checkin_by_api,
}


def test_a_refused_second_checkin_keeps_its_emergency_the_same_way_everywhere(
    databases: Callable[[str], tuple[str, Database, Actor]],
) -> None:
    """The duplicate is refused by all three; each keeps the first check-in and saves the
    same EMERGENCY result the refused one's sign raised."""
    results = {}
    for interface, write in SECOND_CHECKIN_WITH_CHEST_PAIN.items():
        url, db, actor = databases(interface)
        write(url)
        results[interface] = stored(db, actor)
    assert results["cli"] == results["web"] == results["api"], differences(results)
    assert [c["pain"] for c in results["cli"]["checkins"]] == [4]
    assert results["cli"]["safety"]["urgency"] == "EMERGENCY"
