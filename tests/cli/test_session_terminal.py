"""``acumat session`` at a real (pseudo-)terminal: timed, cued, and saved however it ends.

The sessions are short tries (``--minutes 0.1`` is six seconds; ``--minutes 1`` is stopped
after a second or two): the documented way to drive the whole flow without waiting.
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
from tests.cli.test_terminal import acumat, finish, printed_json, run_quietly
from tests.safety.kit import complete

PAIN_NOW = "Your back pain now (0 no pain, 10 worst imaginable):"
PAIN_AFTER = "Once you are up: your back pain now (0-10; Enter skips):"
SKIN = "Your skin where it lay on the mat (a number; Enter: none):"
WHY = "Why did you stop? (a number; Enter: interrupted):"


@pytest.fixture
def screened(home: Path) -> Path:
    """An ACUMAT_HOME whose person may use a mat (an ``ok`` result)."""
    db = open_database(load_settings(None))
    try:
        screening.record_screening(db, local_actor(db), complete({}))
    finally:
        db.dispose()
    return home


def begin(home: Path, minutes: str, pain: str = "6") -> tuple[pexpect.spawn[str], io.StringIO]:
    """Start ``acumat session --minutes MINUTES`` and answer up to the timer's start."""
    child = acumat(home, "session", "--minutes", minutes)
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect_exact(PAIN_NOW)
    child.sendline(pain)
    child.expect_exact("Press Enter to start the timer")
    child.sendline("")
    return child, shown


def the_only_session(home: Path) -> dict[str, Any]:
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    [stored] = diary["sessions"]
    assert isinstance(stored, dict)
    return stored


def test_a_full_short_session_is_timed_cued_and_saved_with_its_values(screened: Path) -> None:
    child = acumat(screened, "session", "--minutes", "0.1")
    shown = io.StringIO()
    child.logfile_read = shown
    child.expect_exact("This session: 0.1 minutes on a fabric layer, as you chose")
    child.expect_exact(PAIN_NOW)
    child.sendline("11")
    child.expect_exact("Pain now: must be a whole number from 0 to 10 (got 11). Please try again.")
    child.expect_exact(PAIN_NOW)
    child.sendline("6")
    for words in ("towel or T-shirt", "lower your back onto it slowly", "Breathe in slowly",
                  "no sudden movements", "type s and press Enter"):  # fmt: skip
        child.expect_exact(words)
    child.expect_exact("Press Enter to start the timer")
    child.sendline("")
    child.expect(r"On the mat.*0:0\d left")
    child.expect_exact("Halfway there.")
    child.expect_exact("\a")
    child.expect_exact("Time is up.")
    child.expect_exact("Get up slowly")
    child.expect_exact(PAIN_AFTER)
    child.sendline("4")
    child.expect_exact(SKIN)
    child.sendline("2")
    child.expect(r"Saved mat session 1 \(done\): .*, 0\.1 min, pain 6 → 4\.")
    child.expect_exact("Next: Your next session")
    assert finish(child) == 0
    assert "sleep" not in shown.getvalue().lower()
    stored = the_only_session(screened)
    assert (stored["planned_minutes"], stored["actual_minutes"]) == (1, 0.1)
    assert (stored["pain_before"], stored["pain_after"]) == (6, 4)
    assert (stored["fabric_layer"], stored["skin_reaction"]) == (True, "redness")
    assert (stored["stopped_early"], stored["stop_reason"]) == (False, None)


def test_ctrl_c_mid_session_saves_the_minutes_done_and_asks_why(screened: Path) -> None:
    child, shown = begin(screened, "1")
    child.expect(r"0:5\d left")
    time.sleep(1.5)
    child.sendintr()
    child.expect(r"Stopped\. Saved as stopped early, after 0\.0\d min\.")
    child.expect_exact(WHY)
    child.sendline("1")
    child.expect_exact("You did the right thing by stopping. Get up slowly")
    child.expect_exact("acumat check")
    child.expect_exact(PAIN_AFTER)
    child.sendline("7")
    child.expect_exact(SKIN)
    child.sendline("")
    child.expect_exact("(stopped early)")
    assert finish(child) == 0
    assert "Nothing was saved" not in shown.getvalue()
    stored = the_only_session(screened)
    assert 0.01 <= stored["actual_minutes"] < 0.5
    assert (stored["stopped_early"], stored["stop_reason"]) == (True, "sharp_pain")
    assert (stored["planned_minutes"], stored["pain_before"], stored["pain_after"]) == (1, 6, 7)


def test_typing_s_stops_the_session_and_enter_keeps_it_interrupted(screened: Path) -> None:
    child, _ = begin(screened, "1", pain="3")
    child.expect(r"0:5\d left")
    child.sendline("s")
    child.expect_exact(WHY)
    child.sendline("")
    child.expect_exact("Get up slowly")
    child.expect_exact(PAIN_AFTER)
    child.sendline("")
    child.expect_exact(SKIN)
    child.sendline("")
    assert finish(child) == 0
    stored = the_only_session(screened)
    assert (stored["stopped_early"], stored["stop_reason"]) == (True, "interrupted")
    assert (stored["pain_before"], stored["pain_after"]) == (3, None)


def test_a_closed_terminal_still_saves_the_session_as_stopped_early(screened: Path) -> None:
    child, _ = begin(screened, "1")
    child.expect(r"0:5\d left")
    time.sleep(1)
    assert child.pid is not None
    os.kill(child.pid, signal.SIGHUP)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 128 + signal.SIGHUP
    stored = the_only_session(screened)
    assert (stored["stopped_early"], stored["stop_reason"]) == (True, "interrupted")
    assert 0 < stored["actual_minutes"] < 0.5


def test_ctrl_c_before_the_timer_starts_saves_nothing(screened: Path) -> None:
    child = acumat(screened, "session")
    child.expect_exact(PAIN_NOW)
    child.sendintr()
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    diary = printed_json(screened, "diary")
    assert isinstance(diary, dict)
    assert diary["sessions"] == []


def test_a_second_session_on_the_same_day_is_asked_about_first(screened: Path) -> None:
    run_quietly(screened, "log", "session", "--start", "now", "--minutes", "5")
    child = acumat(screened, "session")
    child.expect_exact("You have had a mat session today; the plan's next one is on")
    child.expect_exact("Start another one now anyway? [y/N]:")
    child.sendline("n")
    child.expect_exact("Nothing was started.")
    assert finish(child) == 1
    diary = printed_json(screened, "diary")
    assert isinstance(diary, dict)
    assert len(diary["sessions"]) == 1
