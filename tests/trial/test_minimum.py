"""The minimum-data rule (§2.6): two periods of each condition with three analysable days,
and ratings on 70% of the days; otherwise no numbers, only what is missing."""

from __future__ import annotations

import numpy as np

from acumat.trial.analysis import PainResult, analyse_pain
from acumat.trial.minimum import NotEnoughData, check_minimum
from acumat.trial.series import DailySeries, series_from_runs

WEEKS = (["mat"] * 7 + ["no_mat"] * 7) * 2


def diary(conditions: list[str], pains: list[float | None]) -> DailySeries:
    return series_from_runs(list(range(len(conditions))), conditions, pains)


def varied(n: int) -> list[float | None]:
    return [float(3 + i % 4) for i in range(n)]


def test_two_periods_of_each_with_three_analysable_days_are_enough() -> None:
    four_days = ["mat"] * 4 + ["no_mat"] * 4 + ["mat"] * 4 + ["no_mat"] * 4
    assert check_minimum(diary(four_days, varied(16)), washout_days=1) is None
    assert isinstance(analyse_pain(diary(four_days, varied(16))), PainResult)


def test_one_period_of_a_condition_is_not_enough() -> None:
    found = check_minimum(diary(WEEKS[:21], varied(21)), washout_days=1)
    assert found is not None
    assert [(s.code, s.condition, s.found) for s in found.shortfalls] == [("periods", "no_mat", 1)]


def test_the_washout_can_leave_a_period_too_short() -> None:
    three_days = ["mat"] * 3 + ["no_mat"] * 3 + ["mat"] * 3 + ["no_mat"] * 3
    series = diary(three_days, varied(12))
    assert check_minimum(series, washout_days=0) is None
    found = check_minimum(series, washout_days=1)
    assert found is not None
    assert {s.condition for s in found.shortfalls} == {"mat", "no_mat"}


def test_fewer_than_70_percent_of_days_rated_is_not_enough() -> None:
    pains = varied(28)
    for day in range(0, 28, 3):
        pains[day] = None  # 10 of 28 missing: 64% rated
    found = check_minimum(diary(WEEKS, pains), washout_days=0)
    assert found is not None
    assert [s.code for s in found.shortfalls] == ["completeness"]
    assert found.shortfalls[0].found == 18 / 28


def test_days_not_listed_count_as_missing() -> None:
    days = [d for d in range(28) if d % 3]
    conditions = [WEEKS[d] for d in days]
    series = series_from_runs(days, conditions, varied(len(days)))
    assert series.scheduled_days == 26  # the span is day 1 to day 26: 0 and 27 are not listed
    found = check_minimum(series, washout_days=0)
    assert found is not None
    assert [s.code for s in found.shortfalls] == ["completeness"]


def test_the_same_rating_every_day_gives_no_numbers() -> None:
    result = analyse_pain(diary(WEEKS, [4.0] * 28))
    assert isinstance(result, NotEnoughData)
    assert [s.code for s in result.shortfalls] == ["no_variation"]


def test_not_enough_data_is_a_result_without_numbers() -> None:
    result = analyse_pain(diary(WEEKS[:10], varied(10)))
    assert isinstance(result, NotEnoughData)
    assert not hasattr(result, "benefit_mean")
    assert result.recorded_days == 10
    assert np.isclose(result.scheduled_days, 10)
