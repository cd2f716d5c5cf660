"""At a real (pseudo-)terminal: a wrong answer is asked again, and the right one is stored.

These drive ``acumat`` in its own process through a pseudo-terminal, as a person types,
so prompts, re-asking and Ctrl+C are exercised exactly as they happen at a keyboard.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

TIMEOUT = 60


def acumat(home: Path, *args: str) -> pexpect.spawn[str]:
    env = {**os.environ, "ACUMAT_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "acumat", *args],
        env=env,
        encoding="utf-8",
        timeout=TIMEOUT,
        dimensions=(40, 100),
    )


def printed_json(home: Path, *args: str) -> object:
    env = {**os.environ, "ACUMAT_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "acumat", *args, "--json"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )
    return json.loads(done.stdout)


def finish(child: pexpect.spawn[str]) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


def test_check_asks_a_refused_age_again_and_saves_the_typed_one(home: Path) -> None:
    child = acumat(home, "check")
    child.expect_exact("How old are you? [16-120]:")
    child.sendline("12")
    child.expect("aged 16 and over")
    child.expect_exact("How old are you? [16-120]:")
    child.sendline("44")
    while True:
        found = child.expect([r"\[yes/no[^\]]*\]:", r"\[\d+-\d+\]:", "Mat:"])
        if found == 2:
            break
        child.sendline("n" if found == 0 else "3")
    assert finish(child) == 0
    status = printed_json(home, "check", "status")
    assert isinstance(status, dict)
    assert status["screening"]["answers"]["age"] == "44"
    assert status["verdict"] == "ok"


def test_checkin_asks_a_pain_of_11_again_and_stores_the_day(home: Path) -> None:
    child = acumat(home, "log", "checkin", "-i", "--day", "yesterday")
    child.expect_exact("Your back pain today")
    child.sendline("11")
    child.expect_exact("must be a whole number from 0 to 10 (got 11). Please try again.")
    child.expect_exact("Your back pain today")
    child.sendline("4")
    child.expect_exact("enjoying life")
    child.sendline("5")
    for _ in range(5):  # activity, sleep, spasms, stress, sitting: skipped
        child.expect(r":\s*$")
        child.sendline("")
    child.expect_exact("Did you take anything for the pain today?")
    child.sendline("n")
    child.expect_exact("Note")
    child.sendline("stiff in the morning")
    child.expect_exact("Any of them? [yes/no/unsure]")
    child.sendline("no")
    child.expect_exact("Saved check-in for")
    assert finish(child) == 0
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    [checkin] = diary["checkins"]
    assert (checkin["pain"], checkin["peg_enjoyment"], checkin["note"]) == (
        4,
        5,
        "stiff in the morning",
    )


@pytest.mark.parametrize("args", [["check"], ["log", "episode", "-i"]])
def test_ctrl_c_at_a_question_says_nothing_was_saved(home: Path, args: list[str]) -> None:
    child = acumat(home, *args)
    child.expect(r"\]?:\s*$")
    child.sendintr()
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130


def run_quietly(home: Path, *args: str) -> None:
    env = {**os.environ, "ACUMAT_HOME": str(home)}
    subprocess.run(
        [sys.executable, "-m", "acumat", *args],
        env=env,
        capture_output=True,
        check=True,
        stdin=subprocess.DEVNULL,
    )


def test_delete_says_what_the_entry_is_and_keeps_it_on_no(home: Path) -> None:
    run_quietly(
        home, "log", "care", "--kind", "heat", "--minutes", "15", "--start", "yesterday 09:30"
    )
    child = acumat(home, "log", "delete", "care", "1")
    child.expect(r"Delete care activity 1: heat, 15 min from \d{4}-\d\d-\d\d 09:30\?")
    child.sendline("n")
    child.expect_exact("Nothing was deleted.")
    assert finish(child) == 1
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    assert len(diary["care"]) == 1


def test_replace_lists_what_it_clears_and_asks_first(home: Path) -> None:
    run_quietly(home, "log", "checkin", "--day", "yesterday", "--pain", "3", "--sleep", "6",
                "--no-red-flags")  # fmt: skip
    child = acumat(home, "log", "checkin", "--day", "yesterday", "--pain", "5", "--replace")
    child.expect_exact("clears: --sleep 6.")
    child.expect_exact("Replace it?")
    child.sendline("y")
    child.expect_exact("Any of them? [yes/no/unsure]")
    child.sendline("no")
    child.expect_exact("Replaced check-in for")
    assert finish(child) == 0
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    [checkin] = diary["checkins"]
    assert (checkin["pain"], checkin["sleep_quality"]) == (5, None)
