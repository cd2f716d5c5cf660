"""The observational estimates against scipy's own tests and known values."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from acumat.insights.observed import (
    correlation,
    difference_of_means,
    mean_change,
    rate,
    smoothed,
)

BEFORE_AFTER = [(6.0, 4.0), (7.0, 5.0), (5.0, 5.0), (8.0, 5.0), (6.0, 3.0)]


def test_mean_change_is_the_paired_t_interval() -> None:
    found = mean_change(BEFORE_AFTER)
    assert found is not None
    changes = [a - b for b, a in BEFORE_AFTER]
    expected = stats.ttest_1samp(changes, 0).confidence_interval(0.95)
    assert found.value == pytest.approx(sum(changes) / len(changes))
    assert (found.low, found.high) == pytest.approx((expected.low, expected.high))
    assert found.n == 5


def test_a_difference_of_means_is_welchs_interval() -> None:
    first, second = [3.0, 4, 5, 4, 6, 2], [5.0, 6, 7, 6, 5]
    found = difference_of_means(first, second)
    assert found is not None
    expected = stats.ttest_ind(first, second, equal_var=False).confidence_interval(0.95)
    assert (found.low, found.high) == pytest.approx((expected.low, expected.high))
    assert (found.n, found.n_other) == (6, 5)


def test_too_few_values_give_no_number() -> None:
    assert mean_change(BEFORE_AFTER[:2]) is None
    assert difference_of_means([1.0, 2, 3], [1.0, 2]) is None
    assert correlation([(1.0, 2.0), (2.0, 3.0), (3.0, 5.0)]) is None
    assert correlation([(5.0, 1.0), (5.0, 2.0), (5.0, 3.0), (5.0, 4.0)]) is None
    assert rate(3, 0) is None


def test_the_rate_interval_is_the_exact_poisson_one() -> None:
    found = rate(5, 70)
    assert found is not None
    assert found.value == pytest.approx(5 * 30 / 70)
    # Garwood's 95% limits for 5 events: 1.6235 and 11.6683 (per the observation period).
    assert found.low == pytest.approx(1.6235 * 30 / 70, abs=1e-3)
    assert found.high == pytest.approx(11.6683 * 30 / 70, abs=1e-3)
    none_seen = rate(0, 30)
    assert none_seen is not None
    assert none_seen.low == 0
    assert none_seen.high == pytest.approx(3.6889, abs=1e-3)


def test_correlation_matches_pearson_and_its_fisher_interval_holds_it() -> None:
    pairs = [(2.0, 7.0), (4.0, 6.0), (6.0, 6.0), (7.0, 3.0), (8.0, 4.0), (9.0, 2.0)]
    found = correlation(pairs)
    assert found is not None
    r = stats.pearsonr([p[0] for p in pairs], [p[1] for p in pairs])
    assert found.value == pytest.approx(r.statistic)
    expected = r.confidence_interval(0.95)
    assert (found.low, found.high) == pytest.approx((expected.low, expected.high))


@given(st.integers(0, 10), st.lists(st.integers(0, 40), min_size=1, max_size=30, unique=True))
def test_smoothing_a_flat_diary_keeps_it_flat_whatever_the_gaps(pain: int, days: list[int]) -> None:
    start = date(2026, 1, 1)
    points = [(start + timedelta(days=d), float(pain)) for d in sorted(days)]
    assert [v for _, v in smoothed(points)] == pytest.approx([pain] * len(points))


def test_smoothing_pulls_a_lone_bad_day_towards_its_neighbours() -> None:
    start = date(2026, 1, 1)
    points = [(start + timedelta(days=d), 9.0 if d == 5 else 3.0) for d in range(11)]
    line = dict(smoothed(points))
    assert 3 < line[start + timedelta(days=5)] < 6
