"""``acumat plan``: the table, the JSON contract, healed skin, and the limit in settings."""

from __future__ import annotations

import json

from acumat.actor import Actor
from acumat.config import load_settings
from acumat.services import screening
from acumat.services.database import local_actor, open_database
from tests.cli.conftest import Run
from tests.safety.kit import complete


def screened_ok(home_url: str) -> Actor:
    db = open_database(load_settings(home_url))
    actor = local_actor(db)
    screening.record_screening(db, actor, complete({}))
    return actor


def test_before_the_questions_the_plan_says_what_to_do(run: Run) -> None:
    result = run("plan")
    assert result.exit_code == 0, result.stderr
    assert "answer the safety questions first" in result.stdout
    assert "acumat check" in result.stdout
    body = json.loads(run("plan", "--json").stdout)
    assert body == {"verdict": None, "status": body["status"], "sessions": []}


def test_an_ok_result_gives_a_table_of_sessions(run: Run, home_url: str) -> None:
    run("diary")  # creates the database
    screened_ok(home_url)
    result = run("plan")
    assert result.exit_code == 0, result.stderr
    assert "Your next mat sessions" in result.stdout
    assert "first sessions are short" in " ".join(result.stdout.split())
    body = json.loads(run("plan", "--json").stdout)
    assert [s["minutes"] for s in body["sessions"][:3]] == [5, 10, 15]
    assert set(body["sessions"][0]) == {"date", "minutes", "fabric_layer", "reason"}


def test_skin_damage_pauses_and_healed_skin_restarts(run: Run, home_url: str) -> None:
    run("diary")
    screened_ok(home_url)
    logged = run(
        "log", "session", "--start", "yesterday 21:00", "--minutes", "10", "--skin", "bruising"
    )
    assert logged.exit_code == 0, logged.stderr
    paused = run("plan")
    assert "your skin showed bruising" in paused.stdout
    assert "acumat plan --skin-healed today" in paused.stdout
    refused = run("plan", "--skin-healed", "2026-03-16")
    assert refused.exit_code == 2
    assert "--skin-healed" in refused.stderr
    healed = run("plan", "--skin-healed", "today")
    assert healed.exit_code == 0, healed.stderr
    assert "Noted: your skin has healed." in healed.stdout
    assert "your skin has healed, so acumat starts gently again" in " ".join(healed.stdout.split())


def test_the_limit_is_a_setting_between_5_and_40(run: Run) -> None:
    assert "longest mat session 30 minutes" in run("settings").stdout
    assert run("settings", "--mat-cap", "35").exit_code == 0
    assert json.loads(run("settings", "--json").stdout)["mat_cap"] == 35
    refused = run("settings", "--mat-cap", "41")
    assert refused.exit_code == 2
    assert "--mat-cap: must be a whole number from 5 to 40" in refused.stderr
