"""The daily check-in re-asks the warning signs; a new one is triaged and shown first."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run, count_entries
from tests.safety.kit import complete

CHECKIN = ["log", "checkin", "--pain", "4"]


def screened(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(complete({})))
    assert run("check", "--answers", str(path)).exit_code == 0


def test_a_new_red_flag_prints_the_emergency_before_the_checkin(run: Run, tmp_path: Path) -> None:
    screened(run, tmp_path)
    result = run(*CHECKIN, "--red-flag", "saddle_numbness")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].lstrip("╭─ ").startswith("Emergency")
    assert lines[-1].startswith("Saved check-in")


def test_unsure_counts_as_a_warning_sign(run: Run, tmp_path: Path) -> None:
    screened(run, tmp_path)
    entry = json.loads(run(*CHECKIN, "--red-flag", "chest_pain=unsure", "--json").stdout)
    assert (entry["safety"]["urgency"], entry["safety"]["mat"]) == ("EMERGENCY", "do-not-use")


def test_no_red_flags_records_a_calm_recheck(run: Run, tmp_path: Path) -> None:
    screened(run, tmp_path)
    entry = json.loads(run(*CHECKIN, "--no-red-flags", "--json").stdout)
    assert (entry["pain"], entry["safety"]["urgency"], entry["safety"]["origin"]) == (
        4,
        "SELF_CARE",
        "checkin",
    )


def test_without_answers_no_recheck_is_recorded(run: Run) -> None:
    assert json.loads(run(*CHECKIN, "--json").stdout)["safety"] is None


def test_an_unknown_red_flag_exits_2_and_writes_nothing(run: Run, home_url: str) -> None:
    result = run(*CHECKIN, "--red-flag", "headache")
    assert result.exit_code == 2
    assert "headache: is not one of the daily red-flag questions" in result.stderr
    assert count_entries(home_url) == 0


def test_both_red_flag_options_together_are_refused(run: Run) -> None:
    result = run(*CHECKIN, "--red-flag", "fever", "--no-red-flags")
    assert result.exit_code == 2


def test_interactive_checkin_asks_each_sign_only_after_a_yes(run: Run, tmp_path: Path) -> None:
    screened(run, tmp_path)
    calm = run("log", "checkin", "-i", "--day", "2026-03-14", "--pain", "3",
               input="\n" * 8 + "no\n")  # fmt: skip
    assert "Any of them?" in calm.stderr
    assert "38°C" not in calm.stderr.split("Any of them?")[1]
    worried = run("log", "checkin", "-i", "--pain", "3",
                  input="\n" * 8 + "yes\n" + "no\n" * 6 + "yes\n" + "no\n" * 5)  # fmt: skip
    assert worried.exit_code == 0, worried.stderr
    shown = [line.strip() for line in worried.stdout.splitlines()]
    alarm = next(i for i, line in enumerate(shown) if line.lstrip("╭─ ").startswith("Emergency"))
    assert alarm < next(i for i, line in enumerate(shown) if line.startswith("Saved check-in"))


def test_every_daily_sign_alone_needs_a_clinician(run: Run, tmp_path: Path) -> None:
    from acumat.safety import recheck_items

    for day, item in enumerate(i for i in recheck_items() if i.ask_if is None):
        screened(run, tmp_path)  # each sign starts again from a calm, complete screening
        args = ["log", "checkin", "--day", f"2026-02-{day + 1:02d}", "--pain", "3"]
        entry = json.loads(run(*args, "--red-flag", item.id, "--json").stdout)
        assert entry["safety"]["urgency"] != "SELF_CARE", item.id


def test_a_taken_day_still_shows_the_emergency_before_the_error(run: Run) -> None:
    run(*CHECKIN)
    result = run(*CHECKIN, "--red-flag", "chest_pain")
    assert result.exit_code == 2
    assert result.stdout.lstrip("╭─ ").startswith("Emergency")
    assert "already a check-in" in result.stderr
    assert "--edit 2026-03-15" in result.stderr


def test_a_taken_day_keeps_the_emergency_its_sign_raised(
    run: Run, tmp_path: Path, home_url: str
) -> None:
    """The second check-in of the day is refused, but its urgent sign is saved: every
    command shows it first from now on."""
    screened(run, tmp_path)
    run(*CHECKIN, "--no-red-flags")
    entries = count_entries(home_url)
    result = run("log", "checkin", "--pain", "8", "--red-flag", "saddle_numbness")
    assert result.exit_code == 2
    assert result.stdout.lstrip("╭─ ").startswith("Emergency")
    assert "Call 999" in result.stdout
    assert "already a check-in" in result.stderr
    assert count_entries(home_url) == entries
    status = json.loads(run("check", "status", "--json").stdout)
    assert (status["screening"]["urgency"], status["screening"]["origin"]) == (
        "EMERGENCY",
        "checkin",
    )
    assert json.loads(run("diary", "--json").stdout)["checkins"][0]["pain"] == 4


def test_a_taken_day_with_no_new_sign_writes_nothing(run: Run, tmp_path: Path) -> None:
    screened(run, tmp_path)
    run(*CHECKIN, "--no-red-flags")
    before = run("check", "status", "--json").stdout
    result = run("log", "checkin", "--pain", "8", "--no-red-flags")
    assert result.exit_code == 2
    assert run("check", "status", "--json").stdout == before


def test_a_checkin_without_the_signs_says_they_were_not_checked(run: Run) -> None:
    assert "warning signs were not checked" in run(*CHECKIN).stderr
    assert "not checked" not in run(*CHECKIN[:2], "--day", "2026-03-01", "--pain", "2",
                                    "--no-red-flags").stderr  # fmt: skip
