"""``acumat plan --ics FILE``: the calendar written whole, importable again, refused places."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from tests.cli.conftest import Run
from tests.cli.test_plan import screened_ok


def uids(path: Path) -> set[str]:
    return {str(e["uid"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_the_calendar_is_written_with_the_plan(run: Run, home_url: str, tmp_path: Path) -> None:
    run("diary")
    screened_ok(home_url)
    assert run("settings", "--checkin-reminder", "09:00").exit_code == 0
    target = tmp_path / "acumat.ics"
    result = run("plan", "--ics", str(target))
    assert result.exit_code == 0, result.stderr
    assert f"Your calendar is in {target}" in result.stdout
    assert "Your next mat sessions" in result.stdout
    calendar = Calendar.from_ical(target.read_bytes())
    sessions = [e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("mat-session-")]
    planned = json.loads(run("plan", "--json").stdout)["sessions"]
    assert [int(e.decoded("duration").total_seconds() // 60) for e in sessions] == [
        s["minutes"] for s in planned
    ]
    assert all(e.walk("VALARM") for e in calendar.walk("VEVENT"))


def test_exporting_again_replaces_the_file_with_the_same_uids(
    run: Run, home_url: str, tmp_path: Path
) -> None:
    run("diary")
    screened_ok(home_url)
    target = tmp_path / "acumat.ics"
    assert run("plan", "--ics", str(target)).exit_code == 0
    first = uids(target)
    assert run("settings", "--session-time", "18:00").exit_code == 0
    again = run("plan", "--ics", str(target), "--json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["verdict"] == "ok"  # the JSON contract is unchanged
    assert "Your calendar is in" in again.stderr
    assert uids(target) == first
    assert b"T180000" in target.read_bytes()


def test_a_place_that_cannot_be_written_is_refused_naming_ics(run: Run, tmp_path: Path) -> None:
    for where in (tmp_path / "missing" / "acumat.ics", tmp_path):
        refused = run("plan", "--ics", str(where))
        assert refused.exit_code == 2
        assert refused.stderr.startswith("Error: --ics: ")
        assert "Traceback" not in refused.stderr
    assert not (tmp_path / "missing").exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]
