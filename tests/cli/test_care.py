"""``acumat care``: the list of guides, every refusal (exit 2, nothing written), and what is
saved however the timer ends (the clock replaced, so each ending is exact).

The timer at a real terminal is driven in ``test_care_terminal.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from acumat.cli import care as command
from acumat.cli.session_timer import (
    BEFORE_START,
    CLOSED,
    CTRL_C,
    FINISHED,
    STOPPED,
    Cues,
    Ended,
    Line,
)
from acumat.config import load_settings
from acumat.services import screening
from acumat.services.database import local_actor, open_database
from tests.cli.conftest import Run, count_entries
from tests.safety.kit import complete

NUMB_REASON = "you said some of your skin feels numb, or you were not sure"


def screened(home_url: str, **answers: str) -> None:
    db = open_database(load_settings(home_url))
    try:
        screening.record_screening(db, local_actor(db), complete(answers))
    finally:
        db.dispose()


def one_line(text: str) -> str:
    return " ".join(text.split())


# --- the list ----------------------------------------------------------------------------------


def test_without_a_guide_it_lists_every_guide_with_its_minutes(run: Run, home_url: str) -> None:
    result = run("care")
    assert result.exit_code == 0, result.output
    for words in (
        "Warmth: about 15 minutes. acumat care heat",
        "A wrapped heat pack or hot water bottle on the sore area",
        "Cold: about 10 minutes. acumat care cold",
        "Gentle stretches: about 10 minutes. acumat care stretching",
        "A short walk: about 15 minutes. acumat care walking",
    ):
        assert words in result.stdout
    assert "Not suggested" not in result.stdout
    assert count_entries(home_url) == 0


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_the_list_leaves_out_warmth_and_cold_for_numb_skin_and_says_why(
    run: Run, home_url: str, answer: str
) -> None:
    screened(home_url, numb_skin=answer)
    result = run("care")
    assert result.exit_code == 0, result.output
    shown = one_line(result.stdout)
    assert "acumat care heat" not in shown
    assert "acumat care cold" not in shown
    assert "acumat care stretching" in shown
    assert "Not suggested for you: Warmth and Cold." in shown
    assert NUMB_REASON.capitalize() in shown
    assert "too hot or too cold, so acumat leaves them out" in shown
    assert "acumat check" in shown


def test_the_list_as_json_gives_the_offered_and_the_left_out(run: Run, home_url: str) -> None:
    screened(home_url, numb_skin="yes")
    result = run("care", "--json")
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [g["id"] for g in listed["offered"]] == ["stretching", "walking"]
    assert [g["id"] for g in listed["left_out"]] == ["heat", "cold"]
    assert listed["offered"][0] == {
        "id": "stretching",
        "title": "Gentle stretches",
        "minutes": 10,
        "summary": listed["offered"][0]["summary"],
    }


# --- refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sauna", "warm", "\x1b[31mred"])
def test_an_unknown_guide_is_refused_naming_the_argument_and_the_choices(
    run: Run, home_url: str, name: str
) -> None:
    result = run("care", name)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: GUIDE: there is no guide called")
    assert "choose heat, cold, stretching or walking" in result.stderr
    assert "\x1b" not in result.stderr
    assert "Traceback" not in result.output
    assert count_entries(home_url) == 0


@pytest.mark.parametrize("name", ["heat", "Warmth", "COLD"])
def test_a_numb_skin_person_is_refused_warmth_and_cold_with_the_other_guides(
    run: Run, home_url: str, name: str
) -> None:
    screened(home_url, numb_skin="yes")
    result = run("care", name, "--minutes", "0.05")
    assert result.exit_code == 2
    refusal = one_line(result.stderr)
    assert "is not for you, for now." in refusal
    assert NUMB_REASON.capitalize() in refusal
    assert "please do not use it" in refusal
    assert "The other guides: acumat care stretching, acumat care walking" in refusal
    assert "How:" not in refusal  # not shown its steps either
    assert count_entries(home_url) == 0


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        ("0", "--minutes: must be a number more than 0 and at most 240 (got 0)"),
        ("241", "--minutes: must be a number more than 0 and at most 240 (got 241)"),
        ("-2", "--minutes: must be a number more than 0 and at most 240"),
        ("ten", "--minutes: must be a number more than 0 and at most 240, such as 7.5"),
    ],
)
def test_a_length_out_of_range_is_refused_naming_the_flag(
    run: Run, home_url: str, minutes: str, words: str
) -> None:
    result = run("care", "walking", "--minutes", minutes)
    assert result.exit_code == 2
    assert words in result.stderr
    assert count_entries(home_url) == 0


def test_without_a_terminal_it_shows_the_guide_and_points_to_log_care(
    run: Run, home_url: str
) -> None:
    result = run("care", "heat")
    assert result.exit_code == 2
    shown = one_line(result.stderr)
    assert "Warmth: 15 minutes." in shown
    assert "1. Wrap a heat pack" in shown
    assert "Take care: - Do not use heat on skin that feels numb" in shown
    assert (
        "Error: acumat care times a guide at a terminal, and no one is typing here. To record "
        "care you have done: acumat log care --kind heat --minutes 15"
    ) in shown
    assert result.stdout == ""
    assert count_entries(home_url) == 0


def test_stretches_show_each_move_with_its_time(run: Run) -> None:
    result = run("care", "stretching")
    shown = one_line(result.stderr)
    for words in (
        "1. Knee to chest (2 minutes): Lying on your back",
        "2. Knee rolls (1.5 minutes)",
        "5. Resting stretch (1 minute)",
    ):
        assert words in shown
    assert result.exit_code == 2


def test_cautions_use_the_doctor_of_the_persons_region(run: Run) -> None:
    assert run("care", "stretching").stderr.count("ask your GP") == 1
    assert run("settings", "--region", "US").exit_code == 0
    american = one_line(run("care", "stretching").stderr)
    assert "ask your doctor or a physiotherapist" in american
    assert "{doctor}" not in american


# --- what the timer saves (the clock replaced) -----------------------------------------------


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> Callable[[Ended], list[str]]:
    """At a terminal, with a timer that ends as told at once; returns what it was cued."""

    def ending(ended: Ended) -> list[str]:
        said: list[str] = []

        def clock(minutes: float, line: Line, out: Any, cues: Cues, label: str) -> Ended:
            said.extend([f"[{label} {minutes:g}]", *cues(BEFORE_START, 60 * minutes)])
            return ended

        monkeypatch.setattr(command, "at_terminal", lambda: True)
        monkeypatch.setattr(command, "run_clock", clock)
        return said

    return ending


def diary_care(run: Run) -> list[dict[str, Any]]:
    care: list[dict[str, Any]] = json.loads(run("diary", "--json").stdout)["care"]
    return care


def test_a_finished_timer_saves_the_care_as_just_ended(
    run: Run, terminal: Callable[[Ended], list[str]]
) -> None:
    said = terminal(Ended(FINISHED, 3.01))
    result = run("care", "heat", "--minutes", "0.05", input="\n")
    assert result.exit_code == 0, result.output
    assert said == ["[Warmth 0.05]"]
    assert "Time is up." in result.stderr
    saved = "Saved care activity 1 (done): heat, 0.05 min from 2026-03-15 11:59."
    assert result.stdout.split("\n")[-2] == saved  # after the Enter the runner echoes
    [stored] = diary_care(run)
    assert (stored["kind"], stored["minutes"]) == ("heat", 0.05)
    assert stored["started_at"].startswith("2026-03-15T11:59:57")


def test_a_stretching_timer_says_every_move_then_rests(
    run: Run, terminal: Callable[[Ended], list[str]]
) -> None:
    said = terminal(Ended(FINISHED, 600))
    result = run("care", "gentle stretches", "--json", input="\n")
    assert result.exit_code == 0, result.output
    assert said[0] == "[Gentle stretches 10]"
    assert [s.split(":")[0] for s in said[1:6]] == [f"Move {n} of 5" for n in range(1, 6)]
    assert said[1].startswith("Move 1 of 5: Knee to chest, for 2 minutes. Lying on your back")
    assert said[6] == command.REST
    saved = json.loads(result.stdout)
    assert (saved["kind"], saved["minutes"]) == ("stretching", 10)


@pytest.mark.parametrize("how", [STOPPED, CTRL_C])
def test_a_timer_stopped_early_saves_the_minutes_done(
    run: Run, terminal: Callable[[Ended], list[str]], how: str
) -> None:
    terminal(Ended(how, 90))
    result = run("care", "walking", input="\n")
    assert result.exit_code == 0, result.output
    assert "Time is up." not in result.stderr
    assert "(stopped early): walking, 1.5 min from" in result.stdout
    assert [c["minutes"] for c in diary_care(run)] == [1.5]


@pytest.mark.parametrize(("how", "code"), [(STOPPED, 1), (CTRL_C, 130)])
def test_a_timer_stopped_before_any_time_passed_saves_nothing(
    run: Run, home_url: str, terminal: Callable[[Ended], list[str]], how: str, code: int
) -> None:
    terminal(Ended(how, 0.1))
    result = run("care", "cold", input="\n")
    assert result.exit_code == code
    assert "Stopped. Nothing was saved." in result.stderr
    assert result.stdout.strip() == ""
    assert count_entries(home_url) == 0


def test_a_closed_terminal_still_saves_the_minutes_done(
    run: Run, terminal: Callable[[Ended], list[str]]
) -> None:
    terminal(Ended(CLOSED, 30))
    result = run("care", "heat", input="\n")
    assert result.exit_code == 129
    assert result.stdout.strip() == ""
    assert [c["minutes"] for c in diary_care(run)] == [0.5]
