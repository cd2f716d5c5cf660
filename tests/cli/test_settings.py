"""``acumat settings``: reminder flags, refusals that name the flag, and the feed address."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.conftest import Run


def test_the_reminder_settings_are_shown_and_changed(run: Run) -> None:
    shown = run("settings")
    assert shown.exit_code == 0, shown.stderr
    assert "mat sessions at 20:00; daily check-in off; movement breaks off" in shown.stdout
    changed = run(
        "settings",
        "--session-time",
        "19:30",
        "--checkin-reminder",
        "9:00",
        "--movement-hours",
        "09:00-17:00",
        "--movement-days",
        "every-day",
    )
    assert changed.exit_code == 0, changed.stderr
    assert changed.stdout.startswith("Saved:")
    assert "movement breaks 09:00-17:00 every day" in changed.stdout
    body = json.loads(run("settings", "--json").stdout)
    assert body["session_time"] == "19:30"
    assert body["checkin_reminder"] == "09:00"
    assert body["movement_hours"] == "09:00-17:00"
    assert body["movement_days"] == "every_day"
    assert body["calendar_feed"] is False
    off = run("settings", "--checkin-reminder", "off", "--movement-hours", "off")
    assert "daily check-in off; movement breaks off" in off.stdout


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("--session-time", "25:00"), "--session-time"),
        (("--checkin-reminder", "soon"), "--checkin-reminder"),
        (("--movement-hours", "17:00-09:00"), "--movement-hours"),
        (("--movement-days", "weekends"), "--movement-days"),
        (("--calendar-feed", "maybe"), "--calendar-feed"),
    ],
)
def test_a_bad_value_is_refused_naming_its_flag_and_nothing_is_saved(
    run: Run, args: tuple[str, ...], flag: str
) -> None:
    before = run("settings", "--json").stdout
    refused = run("settings", "--session-time", "18:00", *args)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(f"Error: {flag}: ")
    assert "_" not in refused.stderr.split(":", 2)[1]  # a flag, not a field key
    assert run("settings", "--json").stdout == before


def test_a_new_calendar_feed_address_is_printed_once_and_replaces_the_old(run: Run) -> None:
    made = run("settings", "--calendar-feed", "new")
    assert made.exit_code == 0, made.stderr
    first = re.findall(r"http://127\.0\.0\.1:8000/calendar/([\w-]+)\.ics", made.stdout)
    assert len(first) == 1
    assert "calendar feed on" in made.stdout
    assert first[0] not in run("settings").stdout
    again = run("settings", "--calendar-feed", "new")
    second = re.findall(r"/calendar/([\w-]+)\.ics", again.stdout)
    assert second
    assert second != first
    off = run("settings", "--calendar-feed", "off")
    assert "calendar feed off" in off.stdout
    assert "/calendar/" not in off.stdout
