"""Reading ``date,condition,pain`` CSV: periods from runs of days, and every refusal naming
its line, what is wrong and what to do."""

from __future__ import annotations

import numpy as np
import pytest

from acumat.errors import InvalidInput
from acumat.trial.csv_input import read_pain_csv

GOOD = """date,condition,pain
2026-03-02,mat,4
2026-03-03,mat,3.5
2026-03-04,mat,
2026-03-05,no_mat,6
2026-03-06,no_mat,5
2026-03-08,mat,4
"""


def refusal(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_pain_csv(text)
    return [str(p) for p in caught.value.problems]


def test_runs_of_one_condition_become_periods() -> None:
    series = read_pain_csv(GOOD)
    assert list(series.day - series.day[0]) == [0, 1, 2, 3, 4, 6]
    assert list(series.mat) == [True, True, True, False, False, True]
    assert list(series.period) == [0, 0, 0, 1, 1, 2]
    assert list(series.day_in_period) == [0, 1, 2, 0, 1, 0]
    assert list(series.after_switch) == [False, False, False, True, True, True]
    assert np.isnan(series.value[2])
    assert series.scheduled_days == 7  # 2026-03-07 is not listed: a missing day
    assert series.run_in.size == 0


def test_rows_in_any_order_columns_in_any_order_and_a_bom_read_the_same() -> None:
    lines = GOOD.splitlines()
    shuffled = "\ufeffpain,Date,CONDITION\r\n" + "\r\n".join(
        f"{p},{d},{c}" for d, c, p in (row.split(",") for row in reversed(lines[1:]))
    )
    again = read_pain_csv(shuffled)
    first = read_pain_csv(GOOD)
    assert np.array_equal(again.day, first.day)
    assert np.array_equal(again.value, first.value, equal_nan=True)
    assert np.array_equal(again.period, first.period)


def test_blank_lines_are_skipped_and_lines_keep_their_numbers() -> None:
    text = "date,condition,pain\n\n2026-03-02,mat,4\n\n2026-03-03,mat,12\n"
    assert refusal(text) == [
        "line 5: pain must be a whole or decimal number from 0 to 10 (got 12); leave it "
        "empty for a day without a rating"
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "2026-03-09,mat,11",
            "line 8: pain must be a whole or decimal number from 0 to 10 (got 11)",
        ),
        (
            "2026-03-09,mat,-1",
            "line 8: pain must be a whole or decimal number from 0 to 10 (got -1)",
        ),
        (
            "2026-03-09,mat,bad",
            "line 8: pain must be a whole or decimal number from 0 to 10 (got bad)",
        ),
        (
            "2026-03-09,mat,NaN",
            "line 8: pain must be a whole or decimal number from 0 to 10 (got NaN)",
        ),
        ("2026-03-09,mat,7,5", "line 8: expected 3 values (date, condition, pain) but found 4"),
        ("2026-03-09,mat", "line 8: expected 3 values (date, condition, pain) but found 2"),
        (
            "09/03/2026,mat,4",
            "line 8: date must be written YYYY-MM-DD, such as 2026-03-14 (got 09/03/2026)",
        ),
        ("2026-02-30,mat,4", "line 8: 2026-02-30 is not a day of the calendar; check the date"),
        ("2026-03-09,maybe,4", "line 8: condition must be mat or no_mat (got maybe)"),
        ("2026-03-09,,4", "line 8: condition must be mat or no_mat (got nothing)"),
        ("2026-03-03,no_mat,4", "line 8: 2026-03-03 is already on line 3; keep one rating per day"),
    ],
)
def test_a_bad_line_is_refused_by_its_number(row: str, message: str) -> None:
    problems = refusal(GOOD + row + "\n")
    assert len(problems) == 1
    assert problems[0].startswith(message)


def test_several_bad_lines_are_named_up_to_five() -> None:
    bad = "".join(f"2026-04-{day:02},mat,99\n" for day in range(1, 10))
    problems = refusal(GOOD + bad)
    assert [p.split(":")[0] for p in problems] == [f"line {n}" for n in range(8, 13)]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "--csv: the file is empty; it needs the header date,condition,pain"),
        ("\n\n  \n", "--csv: the file is empty"),
        ("date,condition,pain\n", "--csv: the file has its header but no days"),
        ("day,condition,pain\n2026-03-02,mat,4\n", "line 1: the first line must be the header"),
        ("2026-03-02,mat,4\n", "line 1: the first line must be the header date,condition,pain"),
        ("date,condition,pain,note\n", "line 1: the first line must be the header"),
    ],
)
def test_a_file_without_days_or_header_is_refused(text: str, message: str) -> None:
    assert refusal(text)[0].startswith(message)


def test_a_quoted_value_spanning_lines_keeps_later_line_numbers_true() -> None:
    text = 'date,condition,pain\n2026-03-02,"mat\nmore",4\n2026-03-03,mat,x\n'
    problems = refusal(text)
    assert problems[0].startswith("line 2: condition must be mat or no_mat")
    assert problems[1].startswith("line 4: pain must be")


def test_a_value_is_shown_without_terminal_escapes() -> None:
    problems = refusal(GOOD + "2026-03-09,\x1b[31mred,4\n")
    assert problems == ["line 8: condition must be mat or no_mat (got ?[31mred)"]
    long = refusal(GOOD + "2026-03-09,mat," + "9" * 60 + "\n")[0]
    assert "(got 9999999999999999999999999999999999999...)" in long
