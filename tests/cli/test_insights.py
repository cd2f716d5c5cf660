"""``acumat insights`` in the terminal and as JSON."""

from __future__ import annotations

import json

from tests.cli.conftest import Run


def test_an_empty_diary_says_what_to_do(run: Run) -> None:
    result = run("insights")
    assert result.exit_code == 0, result.output
    assert "No check-ins in this period yet: log one with acumat log checkin." in result.stdout
    assert "Not enough yet" in result.stdout


def test_the_json_has_the_trend_and_every_finding(run: Run) -> None:
    for day, pain in (("2026-03-10", 6), ("2026-03-11", 4), ("2026-03-12", 5)):
        assert run("log", "checkin", "--day", day, "--pain", str(pain)).exit_code == 0
    found = json.loads(run("insights", "--days", "30", "--json").stdout)
    assert set(found) == {"start", "end", "trend", "findings"}
    assert [p["pain"] for p in found["trend"]] == [6, 4, 5]
    assert {"session_change", "session_days", "sleep_pain"} <= {f["key"] for f in found["findings"]}
    for finding in found["findings"]:
        assert set(finding) == {"key", "title", "unit", "value", "low", "high", "n", "reading"}


def test_a_bad_range_is_refused_naming_the_flag(run: Run) -> None:
    result = run("insights", "--days", "0")
    assert result.exit_code == 2
    assert "--days" in result.stderr
