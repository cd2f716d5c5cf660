"""``acumat log``: every kind of entry from flags, refusals with exit 2, edits and deletes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Run, count_entries

CHECKIN = ["log", "checkin", "--day", "2026-03-14", "--pain", "4"]
EPISODE = ["log", "episode", "--start", "2026-03-14 09:30", "--peak", "7"]
SESSION = ["log", "session", "--start", "2026-03-14 21:00", "--minutes", "10"]
CARE = ["log", "care", "--kind", "heat", "--minutes", "15"]


def stored(run: Run, *args: str) -> dict[str, object]:
    """Run a log command with --json and return the entry it printed."""
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    entry: dict[str, object] = json.loads(result.stdout)
    return entry


def test_checkin_with_every_flag_is_stored(run: Run) -> None:
    entry = stored(
        run,
        *CHECKIN,
        "--enjoyment", "5", "--activity", "6", "--sleep", "6", "--spasms", "1",
        "--stress", "5", "--sitting", "7.5", "--pain-relief", "--note", "long day",
    )  # fmt: skip
    assert entry["day"] == "2026-03-14"
    assert (entry["pain"], entry["peg_enjoyment"], entry["peg_activity"]) == (4, 5, 6)
    assert (entry["sleep_quality"], entry["spasm_count"], entry["stress"]) == (6, 1, 5)
    assert (entry["hours_sitting"], entry["took_pain_relief"]) == (7.5, True)
    assert entry["note"] == "long day"


def test_checkin_day_defaults_to_today(run: Run) -> None:
    assert stored(run, "log", "checkin", "--pain", "3")["day"] == "2026-03-15"


def test_checkin_prints_a_plain_confirmation(run: Run) -> None:
    result = run(*CHECKIN)
    assert result.exit_code == 0
    assert result.stdout.strip() == "Saved check-in for 2026-03-14: pain 4/10."


def test_episode_with_every_flag_is_stored(run: Run) -> None:
    entry = stored(
        run,
        *EPISODE,
        "--end", "2026-03-14 10:15", "--location", "lower_left", "--location", "hip_left",
        "--trigger", "lifting", "--trigger", "stress", "--note", "moving boxes",
    )  # fmt: skip
    assert entry["started_at"] == "2026-03-14T09:30:00Z"
    assert entry["ended_at"] == "2026-03-14T10:15:00Z"
    assert entry["peak_intensity"] == 7
    assert entry["locations"] == ["lower_left", "hip_left"]
    assert entry["triggers"] == ["lifting", "stress"]


def test_session_with_every_flag_is_stored(run: Run) -> None:
    entry = stored(
        run,
        *SESSION,
        "--planned", "12", "--before", "6", "--after", "4", "--fabric", "--stopped-early",
        "--stop-reason", "interrupted", "--skin", "redness", "--note", "doorbell",
    )  # fmt: skip
    assert (entry["actual_minutes"], entry["planned_minutes"]) == (10, 12)
    assert (entry["pain_before"], entry["pain_after"]) == (6, 4)
    assert (entry["fabric_layer"], entry["stopped_early"]) == (True, True)
    assert (entry["stop_reason"], entry["skin_reaction"]) == ("interrupted", "redness")


def test_session_summary_shows_the_pain_change(run: Run) -> None:
    result = run(*SESSION, "--before", "6", "--after", "4")
    assert result.stdout.strip() == "Saved mat session 1: 2026-03-14 21:00, 10 min, pain 6 → 4."


def test_care_without_a_start_has_just_ended(run: Run) -> None:
    entry = stored(run, *CARE, "--note", "hot water bottle")
    assert entry["started_at"] == "2026-03-15T11:45:00Z"
    assert (entry["kind"], entry["minutes"]) == ("heat", 15)


def test_care_takes_an_explicit_start(run: Run) -> None:
    entry = stored(run, *CARE, "--start", "2026-03-15 08:00")
    assert entry["started_at"] == "2026-03-15T08:00:00Z"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ([*CHECKIN[:-1], "11"], "--pain: must be a whole number from 0 to 10 (got 11); for "
         "example --pain 4"),
        (["log", "checkin", "--day", "2026-03-16", "--pain", "3"], "--day: must be today"),
        ([*SESSION[:-1], "-5"], "--minutes: must be a number from 0 to 60"),
        (["log", "care", "--kind", "heat", "--minutes", "-1"], "--minutes: must be a number"),
        ([*EPISODE, "--trigger", "gardening"], "--trigger: must be one of: 1 lifting"),
        ([*EPISODE, "--location", "knee"], "--location: must be one of: 1 neck (Neck)"),
        ([*EPISODE, "--end", "2026-03-14 09:00"], "--end must not be before --start"),
        (["log", "episode", "--start", "2026-03-16 09:00", "--peak", "3"], "--start: "),
        (["log", "care", "--kind", "sauna", "--minutes", "10"], "--kind: must be one of"),
        ([*SESSION, "--stop-reason", "interrupted"], "--stop-reason: is only allowed when"),
        ([*CHECKIN, "--note", "x" * 2001], "--note: must be at most 2000 characters"),
        ([*CHECKIN, "--sleep", "12", "--sitting", "30"], "--sleep: must be a whole number"),
        (["log", "checkin", "--day", "26/11/2026", "--pain", "3"], "--day: must be YYYY-MM-DD"),
        (["log", "session", "--minutes", "0"], "--minutes: a mat session of 0 minutes"),
        (["log", "episode", "--start", "2026-03-14", "--peak", "3"],
         '--start: needs a time of day as well, such as "2026-03-14 09:30"'),
    ],
)  # fmt: skip
def test_bad_input_exits_2_naming_the_flag_and_writes_nothing(
    run: Run, home_url: str, args: list[str], said: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: ")
    assert said in result.stderr
    assert "Invalid value" not in result.stderr  # click's words never reach a person
    assert result.stdout == ""
    assert count_entries(home_url) == 0


def test_service_refusals_name_the_flag_not_the_field(run: Run) -> None:
    result = run("log", "checkin", "--day", "2026-03-14", "--pain", "3", "--sitting", "24.5")
    assert "--sitting: must be a number from 0 to 24" in result.stderr
    assert "hours_sitting" not in result.stderr


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (["log", "checkin", "--day", "2026-03-14"], "--pain"),
        (["log", "episode", "--peak", "5"], "--start"),
        (["log", "episode", "--start", "2026-03-14 09:00"], "--peak"),
        (["log", "session", "--start", "2026-03-14 09:00"], "--minutes"),
        (["log", "care", "--minutes", "10"], "--kind"),
    ],
)
def test_a_missing_required_value_without_a_terminal_exits_2_naming_it(
    run: Run, home_url: str, args: list[str], flag: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert f"{flag}: is required; for example {flag} " in result.stderr
    assert count_entries(home_url) == 0


def test_a_non_number_for_a_numeric_flag_exits_2_naming_the_flag(run: Run) -> None:
    result = run("log", "checkin", "--pain", "bad")
    assert result.exit_code == 2
    assert "--pain" in result.stderr


def test_a_second_checkin_for_the_day_is_refused_and_the_first_kept(
    run: Run, home_url: str
) -> None:
    run(*CHECKIN)
    result = run("log", "checkin", "--day", "2026-03-14", "--pain", "8")
    assert result.exit_code == 2
    assert "already a check-in for 2026-03-14" in result.stderr
    assert json.loads(run("diary", "--json").stdout)["checkins"][0]["pain"] == 4
    assert count_entries(home_url) == 1


def test_replace_first_says_what_it_would_clear_and_needs_yes(run: Run, home_url: str) -> None:
    run(*CHECKIN, "--sleep", "3", "--note", "long day")
    refused = run("log", "checkin", "--day", "2026-03-14", "--pain", "8", "--replace")
    assert refused.exit_code == 2
    assert "would clear --sleep 3, --note 'long day'" in refused.stderr
    assert json.loads(run("diary", "--json").stdout)["checkins"][0]["sleep_quality"] == 3
    again = run("log", "checkin", "--day", "2026-03-14", "--pain", "8", "--sleep", "3",
                "--note", "long day", "--replace")  # fmt: skip
    assert again.exit_code == 0, again.stderr


def test_replace_with_yes_overwrites_that_days_checkin(run: Run, home_url: str) -> None:
    run(*CHECKIN, "--sleep", "3")
    result = run("log", "checkin", "--day", "2026-03-14", "--pain", "8", "--replace", "--yes")
    assert result.stdout.strip() == "Replaced check-in for 2026-03-14: pain 8/10."
    checkin = json.loads(run("diary", "--json").stdout)["checkins"][0]
    assert (checkin["pain"], checkin["sleep_quality"]) == (8, None)
    assert count_entries(home_url) == 1


def test_replace_on_a_new_day_creates_the_checkin(run: Run) -> None:
    result = run(*CHECKIN, "--replace")
    assert result.stdout.startswith("Saved check-in")


def test_edit_changes_only_the_given_fields(run: Run) -> None:
    first = stored(run, *EPISODE, "--trigger", "lifting", "--note", "boxes")
    edited = stored(run, "log", "episode", "--edit", str(first["id"]), "--peak", "4")
    assert edited["id"] == first["id"]
    assert (edited["peak_intensity"], edited["triggers"], edited["note"]) == (
        4,
        ["lifting"],
        "boxes",
    )


def test_checkin_edit_changes_only_sleep_and_keeps_the_note(run: Run, home_url: str) -> None:
    run(*CHECKIN, "--sleep", "3", "--stress", "6", "--note", "long day")
    result = run("log", "checkin", "--edit", "2026-03-14", "--sleep", "7")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip() == "Updated check-in for 2026-03-14: pain 4/10."
    checkin = json.loads(run("diary", "--json").stdout)["checkins"][0]
    assert (checkin["pain"], checkin["sleep_quality"], checkin["stress"]) == (4, 7, 6)
    assert checkin["note"] == "long day"
    assert count_entries(home_url) == 1


def test_checkin_edit_takes_days_as_people_say_them(run: Run) -> None:
    run("log", "checkin", "--day", "yesterday", "--pain", "4")
    edited = stored(run, "log", "checkin", "--edit", "yesterday", "--pain", "2")
    assert (edited["day"], edited["pain"]) == ("2026-03-14", 2)


def test_checkin_edit_of_a_day_without_one_exits_2_and_writes_nothing(
    run: Run, home_url: str
) -> None:
    result = run("log", "checkin", "--edit", "2026-03-10", "--sleep", "7")
    assert result.exit_code == 2
    assert "no check-in for 2026-03-10 to change" in result.stderr
    assert "acumat log checkin --day 2026-03-10" in result.stderr
    assert count_entries(home_url) == 0


def test_checkin_edit_refusals_name_the_flag(run: Run) -> None:
    run(*CHECKIN)
    result = run("log", "checkin", "--edit", "2026-03-14", "--pain", "11")
    assert result.exit_code == 2
    assert "--pain" in result.stderr
    assert "pain:" not in result.stderr.replace("--pain:", "")
    nothing = run("log", "checkin", "--edit", "2026-03-14")
    assert nothing.exit_code == 2
    assert "give at least one value to change with --edit" in nothing.stderr
    assert "entry" not in nothing.stderr
    bad_day = run("log", "checkin", "--edit", "someday", "--sleep", "2")
    assert bad_day.exit_code == 2
    assert "--edit" in bad_day.stderr
    assert "for example --edit 3" not in bad_day.stderr


def test_checkin_edit_moving_onto_a_taken_day_names_edit_and_replace(run: Run) -> None:
    run(*CHECKIN)
    run("log", "checkin", "--day", "2026-03-13", "--pain", "2")
    result = run("log", "checkin", "--edit", "2026-03-13", "--day", "2026-03-14")
    assert result.exit_code == 2
    assert "--edit 2026-03-14" in result.stderr
    assert "--replace" in result.stderr
    days = [c["day"] for c in json.loads(run("diary", "--json").stdout)["checkins"]]
    assert sorted(days) == ["2026-03-13", "2026-03-14"]


def test_checkin_edit_will_not_replace(run: Run) -> None:
    run(*CHECKIN, "--sleep", "3")
    result = run("log", "checkin", "--edit", "2026-03-14", "--pain", "5", "--replace")
    assert result.exit_code == 2
    assert json.loads(run("diary", "--json").stdout)["checkins"][0]["sleep_quality"] == 3


def test_episode_edit_of_end_only_keeps_the_rest(run: Run) -> None:
    first = stored(run, *EPISODE, "--location", "lower_left", "--note", "boxes")
    edited = stored(run, "log", "episode", "--edit", str(first["id"]), "--end", "2026-03-14 10:00")
    assert edited["ended_at"] == "2026-03-14T10:00:00Z"
    assert (edited["started_at"], edited["peak_intensity"]) == ("2026-03-14T09:30:00Z", 7)
    assert (edited["locations"], edited["note"]) == (["lower_left"], "boxes")


def test_an_episode_edit_ending_before_its_start_names_the_flag(run: Run) -> None:
    first = stored(run, *EPISODE)
    result = run("log", "episode", "--edit", str(first["id"]), "--end", "2026-03-14 08:00")
    assert result.exit_code == 2
    assert "--end" in result.stderr
    assert "ended_at" not in result.stderr
    assert json.loads(run("diary", "--json").stdout)["episodes"][0]["ended_at"] is None


def test_edit_is_validated_like_a_new_entry(run: Run) -> None:
    first = stored(run, *CARE)
    result = run("log", "care", "--edit", str(first["id"]), "--minutes", "0")
    assert result.exit_code == 2
    assert "minutes" in result.stderr
    assert json.loads(run("diary", "--json").stdout)["care"][0]["minutes"] == 15


def test_editing_an_unknown_id_exits_2(run: Run) -> None:
    result = run("log", "session", "--edit", "99", "--minutes", "5")
    assert result.exit_code == 2
    assert "no mat session 99" in result.stderr


@pytest.mark.parametrize(
    ("args", "kind"), [(EPISODE, "episode"), (SESSION, "session"), (CARE, "care")]
)
def test_delete_removes_a_timed_entry(run: Run, home_url: str, args: list[str], kind: str) -> None:
    entry = stored(run, *args)
    result = run("log", "delete", kind, str(entry["id"]))
    assert result.exit_code == 0
    assert result.stdout.startswith("Deleted ")
    assert count_entries(home_url) == 0


def test_delete_checkin_takes_a_day_and_answers_json(run: Run, home_url: str) -> None:
    run(*CHECKIN)
    result = run("log", "delete", "checkin", "2026-03-14", "--json")
    assert json.loads(result.stdout) == {"kind": "checkin", "key": "2026-03-14", "deleted": True}
    assert count_entries(home_url) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["log", "delete", "episode", "7"], "no spasm episode 7"),
        (["log", "delete", "checkin", "2026-03-01"], "no check-in for 2026-03-01"),
        (["log", "delete", "checkin", "14/03/2026"], "DAY: must be YYYY-MM-DD"),
        (["log", "delete", "care", "abc"], "ID: must be a whole number"),
        (["log", "delete", "mat", "1"], "KIND: must be one of: 1 checkin (check-in), 2 episode"),
    ],
)
def test_delete_refuses_what_it_cannot_find_with_exit_2(
    run: Run, home_url: str, args: list[str], message: str
) -> None:
    run(*CARE)
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert count_entries(home_url) == 1


def test_delete_takes_words_and_days_as_people_say_them(run: Run, home_url: str) -> None:
    run("log", "checkin", "--day", "yesterday", "--pain", "3")
    run(*CARE)
    assert run("log", "delete", "checkin", "yesterday").stdout == (
        "Deleted check-in for 2026-03-14: pain 3/10.\n"
    )
    said = run("log", "delete", "Care Activity", "1").stdout
    assert said == "Deleted care activity 1: heat, 15 min from 2026-03-15 11:45.\n"
    assert count_entries(home_url) == 0


def test_a_taken_day_is_refused_before_any_question(run: Run) -> None:
    run(*CHECKIN)
    result = run("log", "checkin", "--day", "2026-03-14", "-i", input="5\n")
    assert result.exit_code == 2
    assert "Back pain" not in result.stderr  # nothing was asked
    assert "acumat log checkin --edit 2026-03-14" in result.stderr
    assert "PUT" not in result.stderr
    assert "api" not in result.stderr


def test_log_without_a_subcommand_shows_help(run: Run) -> None:
    result = run("log")
    assert "checkin" in result.stdout + result.stderr


def test_session_without_start_is_taken_to_have_just_ended(run: Run) -> None:
    entry = stored(run, "log", "session", "--minutes", "12")
    assert entry["started_at"] == "2026-03-15T11:48:00Z"


def test_settings_show_and_change_the_time_zone(home: Path) -> None:
    from typer.testing import CliRunner

    from acumat.cli import app

    runner = CliRunner()
    changed = runner.invoke(app, ["settings", "--timezone", "Europe/Oslo", "--json"])
    assert changed.exit_code == 0, changed.output
    assert '"timezone": "Europe/Oslo"' in changed.output
    assert "Europe/Oslo" in runner.invoke(app, ["settings"]).output
    refused = runner.invoke(app, ["settings", "--timezone", "Nowhere/Else"])
    assert refused.exit_code == 2


@pytest.mark.parametrize(
    ("flags", "started"),
    [
        (["--start", "now"], "2026-03-15T12:00:00Z"),
        (["--start", "9:30"], "2026-03-15T09:30:00Z"),
        (["--start", "today 08:05"], "2026-03-15T08:05:00Z"),
        (["--start", "yesterday 22:15"], "2026-03-14T22:15:00Z"),
        (["--start", "2026-03-14 07:00"], "2026-03-14T07:00:00Z"),
    ],
)
def test_times_are_taken_as_people_say_them(run: Run, flags: list[str], started: str) -> None:
    assert stored(run, *CARE, *flags)["started_at"] == started


def test_times_are_read_in_the_persons_own_zone(run: Run) -> None:
    run("settings", "--timezone", "Europe/Oslo")
    assert stored(run, *CARE, "--start", "today 09:30")["started_at"] == "2026-03-15T08:30:00Z"
    checkin = stored(run, "log", "checkin", "--day", "yesterday", "--pain", "2")
    assert checkin["day"] == "2026-03-14"


@pytest.mark.parametrize("word", ["heat", "Heat", "HEAT", "1"])
def test_a_choice_is_taken_by_code_label_or_number(run: Run, word: str) -> None:
    assert stored(run, "log", "care", "--kind", word, "--minutes", "15")["kind"] == "heat"


def test_several_places_go_in_one_flag_or_repeated(run: Run) -> None:
    one = stored(run, *EPISODE, "--location", "lower_left,Lower back, right", "--trigger", "2")
    assert (one["locations"], one["triggers"]) == (
        ["lower_left", "lower_right"],
        ["sitting_posture"],
    )
    two = stored(run, *EPISODE, "--location", "lower_left", "--location", "hip_left")
    assert two["locations"] == ["lower_left", "hip_left"]


def test_an_interrupted_zero_minute_session_is_kept(run: Run) -> None:
    entry = stored(run, "log", "session", "--minutes", "0", "--stopped-early",
                   "--stop-reason", "interrupted")  # fmt: skip
    assert (entry["actual_minutes"], entry["started_at"]) == (0, "2026-03-15T12:00:00Z")


def emergency(run: Run, tmp_path: Path) -> None:
    from tests.safety.kit import complete

    path = tmp_path / "answers.json"
    path.write_text(json.dumps(complete({"chest_pain": "yes"})))
    assert run("check", "--answers", str(path)).exit_code == 0


@pytest.mark.parametrize(
    "args", [CARE, CHECKIN, ["diary"], ["export", "--out", "-"], ["log", "delete", "care", "9"]]
)
def test_every_data_command_shows_an_active_urgent_result_first(
    run: Run, tmp_path: Path, args: list[str]
) -> None:
    emergency(run, tmp_path)
    err = " ".join(run(*args).stderr.split())
    assert err.lstrip("╭─ ").startswith("Emergency")
    assert "Call 999" in err
    assert "From your answers on Sun 15 Mar 2026, 12:00" in err
    assert "answer the questions again: acumat check" in err


def test_no_banner_without_an_urgent_result(run: Run) -> None:
    assert "Emergency" not in run(*CARE).stderr


def test_a_session_against_do_not_use_gets_a_gentle_word_and_is_saved(
    run: Run, tmp_path: Path
) -> None:
    emergency(run, tmp_path)
    result = run("log", "session", "--minutes", "10", "--json")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "Your latest safety result says not to use a mat for now" in said
    assert "What you did is saved all the same" in said
    assert json.loads(result.stdout)["actual_minutes"] == 10


def test_at_a_terminal_a_session_against_do_not_use_asks_how_they_feel(
    run: Run, tmp_path: Path
) -> None:
    emergency(run, tmp_path)
    answers = "\n10\n10\n\n\nn\nn\n\n\n\n"
    result = run("log", "session", "-i", input="worse\n" + answers)
    assert result.exit_code == 0, result.stderr
    assert "How do you feel now?" in result.stderr
    assert "Please do this now:" in result.stderr
    assert "Saved mat session 1" in result.stdout
