"""The CLI round trip on SQLite and PostgreSQL via ``--db``, and ``acumat db upgrade``."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Run, count_entries


def test_db_upgrade_migrates_an_empty_database(run: Run, database_url: str) -> None:
    result = run("--db", database_url, "db", "upgrade")
    assert result.exit_code == 0, result.stderr
    assert "Database is at schema" in result.stdout
    assert count_entries(database_url) == 0


def test_log_then_diary_round_trips(run: Run, database_url: str) -> None:
    run("--db", database_url, "db", "upgrade")
    db = ["--db", database_url]
    assert run(*db, "log", "checkin", "--day", "2026-03-14", "--pain", "4").exit_code == 0
    assert run(*db, "log", "episode", "--start", "2026-03-14 09:30", "--peak", "7").exit_code == 0
    assert (
        run(*db, "log", "session", "--start", "2026-03-14 21:00", "--minutes", "8").exit_code == 0
    )
    assert run(*db, "log", "care", "--kind", "cold", "--minutes", "10").exit_code == 0
    page = json.loads(run(*db, "diary", "--json").stdout)
    assert page["checkins"][0]["pain"] == 4
    assert page["episodes"][0]["peak_intensity"] == 7
    assert page["sessions"][0]["actual_minutes"] == 8
    assert page["care"][0]["kind"] == "cold"
    assert "Check-ins" in run(*db, "diary").stdout


def test_bad_input_writes_nothing_on_either_backend(run: Run, database_url: str) -> None:
    run("--db", database_url, "db", "upgrade")
    result = run("--db", database_url, "log", "checkin", "--day", "2026-03-14", "--pain", "11")
    assert result.exit_code == 2
    assert "pain" in result.stderr
    assert count_entries(database_url) == 0


@pytest.mark.postgres
def test_an_unmigrated_postgres_database_asks_for_db_upgrade(run: Run, postgres_url: str) -> None:
    result = run("--db", postgres_url, "log", "checkin", "--pain", "3")
    assert result.exit_code == 1
    assert "acumat db upgrade" in result.stderr
