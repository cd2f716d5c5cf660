"""Interactive logging: ``-i`` asks for what the flags left out; answers are validated as flags."""

from __future__ import annotations

import json

from tests.cli.conftest import Run, count_entries


def test_interactive_checkin_asks_for_the_missing_values(run: Run) -> None:
    answers = "5\n\n\n7\n\n\n\nn\nslept badly\nno\n"
    result = run("log", "checkin", "-i", "--json", input=answers)
    assert result.exit_code == 0, result.stderr
    entry = json.loads(result.stdout[result.stdout.index("{\n") :])
    assert (entry["day"], entry["pain"], entry["sleep_quality"]) == ("2026-03-15", 5, 7)
    assert (entry["peg_enjoyment"], entry["took_pain_relief"]) == (None, False)
    assert entry["note"] == "slept badly"
    assert "Your back pain today: 0 no pain, 10 worst imaginable" in result.stderr


def test_interactive_does_not_ask_for_what_the_flags_gave(run: Run) -> None:
    result = run("log", "care", "-i", "--kind", "walking", "--note", "park", input="30\n")
    assert result.exit_code == 0, result.stderr
    assert "How long it lasted (more than 0, up to 240 minutes)" in result.stderr
    assert "Which kind of care" not in result.stderr
    assert "walking, 30 min" in result.stdout


def test_interactive_offers_the_allowed_words(run: Run) -> None:
    answers = "2026-03-14 09:00\n\n6\nlower_left, hip_left\nlifting\n\n"
    result = run("log", "episode", "-i", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "sitting_posture" in result.stderr
    assert "Lower back, left" in result.stderr
    episode = json.loads(run("diary", "--json").stdout)["episodes"][0]
    assert (episode["locations"], episode["triggers"]) == (["lower_left", "hip_left"], ["lifting"])
    assert episode["ended_at"] is None


def test_interactive_asks_why_only_after_stopping_early(run: Run) -> None:
    finished = "2026-03-14 21:00\n10\n10\n\n\ny\nn\n\n\n\n"
    result = run("log", "session", "-i", input=finished)
    assert result.exit_code == 0, result.stderr
    assert "Why you stopped" not in result.stderr
    stopped = "2026-03-14 22:00\n10\n4\n\n\nn\ny\nnumbness\n\n\n\n"
    result = run("log", "session", "-i", input=stopped)
    assert "Why you stopped" in result.stderr
    session = json.loads(run("diary", "--json").stdout)["sessions"][0]
    assert (session["stopped_early"], session["stop_reason"]) == (True, "numbness")


def test_a_wrong_interactive_answer_is_asked_again_keeping_the_others(run: Run) -> None:
    answers = "4\n11\n6\n\n\n\n\n\nn\n\nno\n"
    result = run("log", "checkin", "-i", "--day", "yesterday", "--json", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "Back pain today: must be a whole number from 0 to 10 (got 4)" not in result.stderr
    assert (
        "Pain got in the way of enjoying life: must be a whole number from 0 to "
        "10 (got 11). Please try again." in result.stderr
    )
    entry = json.loads(result.stdout[result.stdout.index("{\n") :])
    assert (entry["day"], entry["pain"], entry["peg_enjoyment"]) == ("2026-03-14", 4, 6)


def test_an_end_before_the_start_is_asked_again_at_once(run: Run) -> None:
    answers = "today 09:30\n09:00\n09:45\n6\n1,Lower back, right\nLIFTING\n\n"
    result = run("log", "episode", "-i", input=answers)
    assert result.exit_code == 0, result.stderr
    assert "Ended: this is before the start; check both times. Please try again." in result.stderr
    assert "ended_at" not in result.stderr
    episode = json.loads(run("diary", "--json").stdout)["episodes"][0]
    assert (episode["started_at"], episode["ended_at"]) == (
        "2026-03-15T09:30:00Z",
        "2026-03-15T09:45:00Z",
    )
    assert (episode["locations"], episode["triggers"]) == (["neck", "lower_right"], ["lifting"])


def test_ctrl_c_or_the_end_of_input_says_nothing_was_saved(run: Run, home_url: str) -> None:
    result = run("log", "episode", "-i", input="now\n")
    assert result.exit_code == 130
    assert "Stopped. Nothing was saved." in result.stderr
    assert count_entries(home_url) == 0


def test_interactive_edit_starts_from_the_stored_values(run: Run) -> None:
    run("log", "care", "--kind", "heat", "--minutes", "15", "--note", "pad")
    result = run("log", "care", "--edit", "1", "-i", "--minutes", "20", input="")
    assert result.exit_code == 0, result.stderr
    care = json.loads(run("diary", "--json").stdout)["care"][0]
    assert (care["kind"], care["minutes"], care["note"]) == ("heat", 20, "pad")
