"""``acumat spasm`` at a real (pseudo-)terminal: with no flags it asks, Enter skips."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_terminal import acumat, finish, printed_json


def test_with_no_flags_it_asks_the_worst_pain_then_where_and_why(home: Path) -> None:
    child = acumat(home, "spasm")
    child.expect_exact("Your pain at its worst")
    child.sendline("12")
    child.expect_exact("must be a whole number from 0 to 10 (got 12). Please try again.")
    child.expect_exact("Your pain at its worst")
    child.sendline("8")
    child.expect_exact("Where in your back")
    child.sendline("")
    child.expect_exact("What may have set it off")
    child.sendline("1")
    child.expect_exact("Noted: a spasm, starting now.")
    child.expect_exact("worst pain 8 out of 10")
    assert finish(child) == 0
    diary = printed_json(home, "diary")
    assert isinstance(diary, dict)
    [episode] = diary["episodes"]
    assert (episode["peak_intensity"], episode["locations"], episode["triggers"]) == (
        8,
        [],
        ["lifting"],
    )
    assert episode["ended_at"] is None
