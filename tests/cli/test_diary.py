"""``acumat diary``: recent entries as tables and as the service's DiaryPage in JSON."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from acumat.services.database import local_actor
from acumat.store.engine import Database, make_engine
from acumat.store.models import CheckIn, Episode
from acumat.store.repos import DiaryRepo
from tests.cli.conftest import Run


def fill(run: Run) -> None:
    run("log", "checkin", "--day", "2026-03-14", "--pain", "4", "--note", "[bold]mine[/bold]")
    run("log", "episode", "--start", "2026-03-14 09:30", "--peak", "7", "--trigger", "lifting")
    run("log", "session", "--start", "2026-03-14 21:00", "--minutes", "10", "--before", "6")
    run("log", "care", "--kind", "heat", "--minutes", "15")


def add_demo_rows(url: str) -> None:
    db = Database(make_engine(url))
    user = local_actor(db)
    with db.transaction() as session:
        repo = DiaryRepo(session, user.user_id)
        repo.add(CheckIn, {"day": datetime(2026, 3, 13).date(), "pain": 2}, is_demo=True)
        start = datetime(2026, 3, 13, 8, tzinfo=UTC)
        repo.add(Episode, {"started_at": start, "peak_intensity": 3}, is_demo=True)
    db.dispose()


def test_diary_shows_a_table_per_kind(run: Run) -> None:
    fill(run)
    result = run("diary")
    assert result.exit_code == 0, result.stderr
    for title in ("Check-ins", "Spasm episodes", "Mat sessions", "Care"):
        assert title in result.stdout
    assert "2026-03-14 09:30" in result.stdout
    assert "Lifting or carrying" in result.stdout  # words, not the stored code
    assert "lifting" not in result.stdout
    assert "Heat" in result.stdout
    assert "[bold]" in result.stdout  # the person's text is never read as markup
    assert "demo" not in result.stdout


def test_diary_json_is_the_diary_page(run: Run) -> None:
    fill(run)
    page = json.loads(run("diary", "--json").stdout)
    assert (page["start"], page["end"]) == ("2026-03-02", "2026-03-15")
    counts = [len(page[kind]) for kind in ("checkins", "episodes", "sessions", "care")]
    assert counts == [1, 1, 1, 1]
    assert page["sessions"][0]["pain_before"] == 6


def test_days_limits_the_range(run: Run) -> None:
    fill(run)
    page = json.loads(run("diary", "--days", "1", "--json").stdout)
    assert page["start"] == "2026-03-15"
    assert [len(page["checkins"]), len(page["care"])] == [0, 1]


def test_an_empty_diary_says_how_to_start(run: Run) -> None:
    result = run("diary")
    assert result.exit_code == 0
    assert "No entries from 2026-03-02 to 2026-03-15" in result.stdout
    assert "acumat log checkin" in result.stdout


def test_demo_rows_are_marked(run: Run, home_url: str) -> None:
    run("diary")  # creates and migrates the home database
    add_demo_rows(home_url)
    result = run("diary")
    assert "2026-03-13 [demo]" in result.stdout
    assert "1 [demo]" in result.stdout
    assert "sample data from `acumat demo`" in result.stdout
    assert json.loads(run("diary", "--json").stdout)["checkins"][0]["is_demo"] is True


def test_days_out_of_range_exits_2_naming_days(run: Run) -> None:
    result = run("diary", "--days", "0")
    assert result.exit_code == 2
    assert "days" in result.stderr
