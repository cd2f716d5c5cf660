"""Spasm counts: the Gamma-Poisson rate ratio's tail is exact, and overdispersion widens it."""

from __future__ import annotations

import numpy as np
import pytest

from acumat.trial.counts import RateRatio, analyse_counts, dispersion
from acumat.trial.minimum import NotEnoughData, analysable
from acumat.trial.series import DailySeries, series_from_runs


def test_the_rate_ratio_tail_matches_a_million_draws(rng: np.random.Generator) -> None:
    ratio = RateRatio(a_mat=6.5, b_mat=24.5, a_no_mat=14.5, b_no_mat=23.5)
    draws = rng.gamma(6.5, 1 / 24.5, 10**6) / rng.gamma(14.5, 1 / 23.5, 10**6)
    for r in (0.2, 0.4, 0.7, 1.0, 1.5):
        assert ratio.cdf(r) == pytest.approx(float(np.mean(draws <= r)), abs=0.002)


def test_rate_ratio_quantiles_invert_the_tail() -> None:
    ratio = RateRatio(3.5, 20.5, 9.5, 21.5)
    for q in (0.025, 0.5, 0.975):
        assert ratio.cdf(ratio.quantile(q)) == pytest.approx(q, abs=1e-10)
    assert ratio.cdf(0.9) + ratio.sf(0.9) == pytest.approx(1.0, abs=1e-12)


def counts_series(rng: np.random.Generator, mat_rate: float, no_mat_rate: float) -> DailySeries:
    conditions = (["mat"] * 7 + ["no_mat"] * 7 + ["no_mat"] * 7 + ["mat"] * 7) * 2
    rates = [mat_rate if c == "mat" else no_mat_rate for c in conditions]
    counts = [float(rng.poisson(r)) for r in rates]
    return series_from_runs(list(range(len(conditions))), conditions, counts)


def test_fewer_episodes_with_the_mat_show_as_a_rate_ratio_below_one(
    rng: np.random.Generator,
) -> None:
    result = analyse_counts(counts_series(rng, 0.5, 2.0))
    assert not isinstance(result, NotEnoughData)
    assert result.rr_median < 0.5
    assert result.rr_cri95[0] < result.rr_median < result.rr_cri95[1] < 1.0
    assert result.p_fewer > 0.99
    assert result.p_meaningful > 0.9
    assert result.p_fewer + result.p_more == pytest.approx(1.0)
    # Runs of one condition merge into one period: 3 mat and 2 no-mat washout days go.
    assert (result.n_days_mat, result.n_days_no_mat) == (25, 26)


def test_poisson_days_need_no_dispersion_correction() -> None:
    series = series_from_runs(
        list(range(28)), ["mat"] * 7 + ["no_mat"] * 14 + ["mat"] * 7, [1.0] * 28
    )
    assert dispersion(series, analysable(series, 1)) == 1.0


def test_clustered_counts_are_widened_and_labelled_approximate(rng: np.random.Generator) -> None:
    conditions = (["mat"] * 7 + ["no_mat"] * 7) * 4
    burst = [5.0 if (i // 7) % 4 == 0 else 0.0 for i in range(56)]
    series = series_from_runs(list(range(56)), conditions, burst)
    corrected = analyse_counts(series)
    plain = analyse_counts(series, correct_dispersion=False)
    assert not isinstance(corrected, NotEnoughData)
    assert not isinstance(plain, NotEnoughData)
    assert corrected.approximate
    assert corrected.dispersion > 1
    assert not plain.approximate
    width = corrected.rr_cri95[1] / corrected.rr_cri95[0]
    assert width > plain.rr_cri95[1] / plain.rr_cri95[0]


def test_counts_follow_the_minimum_data_rule_but_may_all_be_zero() -> None:
    conditions = ["mat"] * 7 + ["no_mat"] * 7
    short = series_from_runs(list(range(14)), conditions, [0.0] * 14)
    assert isinstance(analyse_counts(short), NotEnoughData)
    zeros = series_from_runs(list(range(28)), conditions * 2, [0.0] * 28)
    result = analyse_counts(zeros)
    assert not isinstance(result, NotEnoughData)
    assert result.rr_median == pytest.approx(1.0, abs=0.05)


def test_a_negative_or_fractional_count_is_a_programming_error() -> None:
    conditions = ["mat"] * 7 + ["no_mat"] * 7
    with pytest.raises(ValueError, match="whole numbers"):
        analyse_counts(series_from_runs(list(range(14)), conditions, [1.5] * 14))
