"""``acumat spasm``: one command starts a spasm now, ``--eased`` ends it; refusals write nothing."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Run, count_entries


def test_a_spasm_starts_now_with_its_worst_pain_where_and_why(run: Run) -> None:
    result = run("spasm", "--peak", "7", "--location", "lower_left,hip_left", "--trigger", "2")
    assert result.exit_code == 0, result.stderr
    assert "Noted: a spasm, starting now." in result.stdout
    assert "Sun 15 Mar, 12:00 (still going on), worst pain 7 out of 10" in result.stdout
    assert "acumat spasm --eased" in result.stdout
    assert "acumat check" in result.stdout
    [episode] = json.loads(run("diary", "--json").stdout)["episodes"]
    assert episode["started_at"] == "2026-03-15T12:00:00Z"
    assert (episode["ended_at"], episode["peak_intensity"]) == (None, 7)
    assert (episode["locations"], episode["triggers"]) == (
        ["lower_left", "hip_left"],
        ["sitting_posture"],
    )


def test_json_prints_the_stored_episode(run: Run) -> None:
    body = json.loads(run("spasm", "--peak", "4", "--json").stdout)
    assert (body["peak_intensity"], body["ended_at"], body["locations"]) == (4, None, [])


def test_eased_ends_the_spasm_going_on(run: Run) -> None:
    run("spasm", "--peak", "6")
    eased = run("spasm", "--eased")
    assert eased.exit_code == 0, eased.stderr
    assert "Noted: your spasm has eased." in eased.stdout
    [episode] = json.loads(run("diary", "--json").stdout)["episodes"]
    assert episode["ended_at"] == "2026-03-15T12:00:00Z"


def test_eased_with_no_spasm_going_on_is_refused(run: Run, home_url: str) -> None:
    refused = run("spasm", "--eased")
    assert refused.exit_code == 2
    assert "no spasm is going on" in refused.stderr
    assert "acumat spasm" in refused.stderr
    assert count_entries(home_url) == 0


def test_a_second_spasm_while_one_goes_on_is_refused(run: Run, home_url: str) -> None:
    run("spasm", "--peak", "6")
    refused = run("spasm", "--peak", "8")
    assert refused.exit_code == 2
    assert "already going on, since Sun 15 Mar, 12:00 (worst pain 6)" in refused.stderr
    assert "acumat spasm --eased" in refused.stderr
    assert "acumat log episode --edit 1 --peak N" in refused.stderr
    assert count_entries(home_url) == 1


def test_a_spasm_of_more_than_a_week_points_to_the_check(run: Run) -> None:
    logged = run("log", "episode", "--start", "2026-03-06 09:00", "--peak", "6")
    assert logged.exit_code == 0, logged.stderr
    refused = run("spasm", "--peak", "6")
    assert refused.exit_code == 2
    assert "has gone on for 9 days" in refused.stderr
    assert "answer the safety questions with acumat check" in refused.stderr
    eased = run("spasm", "--eased")
    assert eased.exit_code == 0
    assert "went on for 9 days" in eased.stdout
    assert "acumat check" in eased.stdout


def test_a_spasm_of_a_week_is_not_yet_sent_to_the_check(run: Run) -> None:
    run("log", "episode", "--start", "2026-03-08 09:00", "--peak", "6")
    eased = run("spasm", "--eased")
    assert "went on for" not in eased.stdout


@pytest.mark.parametrize(
    ("args", "flag"),
    [
        (("spasm", "--peak", "11"), "--peak: must be a whole number from 0 to 10"),
        (("spasm", "--peak", "seven"), "--peak: must be a whole number"),
        (("spasm", "--peak", "5", "--location", "elbow"), "--location: must be one of"),
        (("spasm", "--peak", "5", "--trigger", "weather"), "--trigger: must be one of"),
        (("spasm",), "--peak: is required"),
        (("spasm", "--location", "neck"), "--peak: is required"),
        (("spasm", "--eased", "--peak", "5"), "--peak goes with a spasm that starts now"),
        (("spasm", "--eased", "--trigger", "stress"), "--trigger goes with a spasm"),
    ],
)
def test_a_refused_spasm_names_the_flag_and_writes_nothing(
    run: Run, home_url: str, args: tuple[str, ...], flag: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert flag in result.stderr
    assert "Traceback" not in result.output
    assert count_entries(home_url) == 0
