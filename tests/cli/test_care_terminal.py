"""``acumat care`` at a real (pseudo-)terminal: a guide shown, timed, and saved however it ends.

The timers are short tries (``--minutes 0.05`` is three seconds; ``--minutes 1`` is stopped
after a second or two), the documented way to drive the whole flow without waiting.
"""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path
from typing import Any

import pexpect
import pytest

from acumat.config import load_settings
from acumat.services import screening
from acumat.services.database import local_actor, open_database
from tests.cli.test_terminal import acumat, finish, printed_json
from tests.safety.kit import complete

START = "Press Enter to start the timer"


def the_care(home: Path) -> list[dict[str, Any]]:
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    care: list[dict[str, Any]] = diary["care"]
    return care


def begin(home: Path, *args: str) -> tuple[pexpect.spawn[str], io.StringIO]:
    """Start ``acumat care ARGS…`` and press Enter at the start of the timer."""
    child = acumat(home, "care", *args)
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect_exact(START)
    child.sendline("")
    return child, shown


def test_a_short_heat_timer_is_shown_timed_and_saved(home: Path) -> None:
    child = acumat(home, "care", "heat", "--minutes", "0.05")
    child.expect_exact("Warmth: 0.05 minutes, as you chose (usually 15).")
    for words in ("Wrap a heat pack", "Look at your skin when you finish", "Take care:",
                  "Do not use heat on skin that feels numb", "type s and press Enter"):  # fmt: skip
        child.expect_exact(words)
    child.expect_exact(START)
    child.sendline("")
    child.expect(r"Warmth.*0:0\d left")
    child.expect_exact("\a")
    child.expect_exact("Time is up.")
    child.expect(r"Saved care activity 1 \(done\): heat, 0\.05 min from \d{4}-\d\d-\d\d \d\d:\d\d")
    assert finish(child) == 0
    [stored] = the_care(home)
    assert (stored["kind"], stored["minutes"]) == ("heat", 0.05)


def test_a_short_stretching_timer_says_each_move_as_its_time_comes(home: Path) -> None:
    child, _ = begin(home, "stretching", "--minutes", "0.05")
    for number, name in enumerate(
        ("Knee to chest", "Knee rolls", "Pelvic tilt", "Cat and cow", "Resting stretch"), 1
    ):
        child.expect_exact(f"Move {number} of 5: {name}, for 1 second.")
    child.expect_exact("Time is up.")
    child.expect_exact("Saved care activity 1 (done): stretching, 0.05 min")
    assert finish(child) == 0


def test_ctrl_c_mid_way_saves_the_minutes_done(home: Path) -> None:
    child, shown = begin(home, "walking", "--minutes", "1")
    child.expect(r"0:5\d left")
    time.sleep(1.5)
    child.sendintr()
    child.expect(r"Saved care activity 1 \(stopped early\): walking, 0\.0\d min from")
    assert finish(child) == 0
    assert "Nothing was saved" not in shown.getvalue()
    assert "Time is up." not in shown.getvalue()
    [stored] = the_care(home)
    assert stored["kind"] == "walking"
    assert 0.01 <= stored["minutes"] < 0.5


def test_typing_s_stops_the_timer_and_saves_the_minutes_done(home: Path) -> None:
    child, _ = begin(home, "cold", "--minutes", "1")
    child.expect(r"0:5\d left")
    time.sleep(1)
    child.sendline("s")
    child.expect_exact("(stopped early): cold,")
    assert finish(child) == 0
    [stored] = the_care(home)
    assert 0 < stored["minutes"] < 0.5


def test_a_closed_terminal_still_saves_the_minutes_done(home: Path) -> None:
    child, _ = begin(home, "heat", "--minutes", "1")
    child.expect(r"0:5\d left")
    time.sleep(1)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 128 + signal.SIGHUP
    [stored] = the_care(home)
    assert 0 < stored["minutes"] < 0.5


def test_ctrl_c_before_the_timer_starts_saves_nothing(home: Path) -> None:
    child = acumat(home, "care", "walking")
    child.expect_exact(START)
    child.sendintr()
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert the_care(home) == []


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_a_numb_skin_person_is_refused_warmth_at_the_terminal(home: Path, answer: str) -> None:
    db = open_database(load_settings(None))
    try:
        screening.record_screening(db, local_actor(db), complete({"numb_skin": answer}))
    finally:
        db.dispose()
    child = acumat(home, "care", "warmth", "--minutes", "0.05")
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect_exact("Warmth is not for you, for now.")
    child.expect_exact("acumat care stretching, acumat care walking")
    assert finish(child) == 2
    assert START not in shown.getvalue()
    assert the_care(home) == []
