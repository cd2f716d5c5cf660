"""``acumat session`` before the timer: no plan, no session; refusals name the flag.

The timed session itself is driven at a real terminal in ``test_session_terminal.py``.
"""

from __future__ import annotations

import pytest

from acumat.cli.session_timer import clock_face
from acumat.config import load_settings
from acumat.services import screening
from acumat.services.database import local_actor, open_database
from tests.cli.conftest import Run, count_entries
from tests.safety.kit import complete


def screened(home_url: str, **answers: str) -> None:
    db = open_database(load_settings(home_url))
    try:
        screening.record_screening(db, local_actor(db), complete(answers))
    finally:
        db.dispose()


def test_before_the_safety_questions_there_is_no_session(run: Run, home_url: str) -> None:
    result = run("session")
    assert result.exit_code == 1
    assert "answer the safety questions first" in result.stdout
    assert "acumat check" in result.stdout
    assert count_entries(home_url) == 0


def test_a_result_that_says_not_to_use_a_mat_gives_its_status_and_no_session(
    run: Run, home_url: str
) -> None:
    run("diary")
    screened(home_url, pregnant="yes")
    result = run("session", "--minutes", "5")
    assert result.exit_code == 1
    assert "your latest safety result says not to use a mat" in " ".join(result.stdout.split())
    assert count_entries(home_url) == 0


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        ("45", "--minutes: must be a number from 0.1 to 40 (got 45)"),
        ("0", "--minutes: must be a number from 0.1 to 40 (got 0)"),
        ("-3", "--minutes: must be a number from 0.1 to 40"),
        ("ten", "--minutes: must be a number"),
        ("35", "--minutes: must be more than 0 and at most 30 minutes, your limit"),
    ],
)
def test_minutes_outside_the_limit_are_refused_naming_the_flag(
    run: Run, home_url: str, minutes: str, words: str
) -> None:
    run("diary")
    screened(home_url)
    result = run("session", "--minutes", minutes)
    assert result.exit_code == 2, result.output
    assert words in result.stderr
    assert count_entries(home_url) == 0


def test_a_raised_limit_lets_a_longer_session_through_to_the_terminal_check(
    run: Run, home_url: str
) -> None:
    run("diary")
    screened(home_url)
    assert run("settings", "--mat-cap", "35").exit_code == 0
    result = run("session", "--minutes", "35")
    assert result.exit_code == 2
    assert "guides you at a terminal" in result.stderr
    assert count_entries(home_url) == 0


def test_without_a_terminal_it_says_how_to_log_a_session_instead(run: Run, home_url: str) -> None:
    run("diary")
    screened(home_url)
    result = run("session")
    assert result.exit_code == 2
    assert "acumat log session" in result.stderr
    assert count_entries(home_url) == 0


@pytest.mark.parametrize(
    ("seconds", "face"),
    [(600, "10:00"), (245, "4:05"), (0.2, "0:01"), (59.01, "1:00"), (0, "0:00")],
)
def test_the_time_left_is_shown_as_minutes_and_seconds_rounded_up(
    seconds: float, face: str
) -> None:
    assert clock_face(seconds) == face
