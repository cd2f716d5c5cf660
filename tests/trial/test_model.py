"""The closed-form model is exact (spec §3.1): whitening is GLS, the reference prior at
ρ = 0 is OLS, the conjugate posterior is the integral it claims to be, and mixture
quantiles invert the mixture CDF."""

from __future__ import annotations

import dataclasses
import math

import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given, settings
from scipy import stats
from scipy.special import gammaln

from acumat.trial.analysis import AnalysisOptions, Model, PainResult, Prior, analyse_pain, design
from acumat.trial.model import RHO_GRID, TMixture, fit, prior_for, whiten, whitened_gram
from acumat.trial.series import DailySeries
from acumat.trial.simulate import Truth, simulate_trial

Days = st.lists(st.integers(1, 4), min_size=11, max_size=40).map(
    lambda gaps: np.cumsum([0, *gaps]).astype(np.int64)
)
Rho = st.sampled_from(list(RHO_GRID))


def dense_sigma(day: np.ndarray, rho: float) -> np.ndarray:
    return np.asarray(rho ** np.abs(day[:, None] - day[None, :]), dtype=np.float64)


def test_the_grid_is_59_points_from_minus_half_to_095() -> None:
    assert RHO_GRID.size == 59
    assert RHO_GRID[0] == -0.5
    assert RHO_GRID[-1] == pytest.approx(0.95, abs=1e-15)
    assert np.allclose(np.diff(RHO_GRID), 0.025)


@settings(max_examples=40, deadline=None)
@given(day=Days, rho=Rho, seed=st.integers(0, 2**32 - 1))
def test_whitening_with_gaps_equals_dense_gls(day: np.ndarray, rho: float, seed: int) -> None:
    rng = np.random.default_rng(seed)
    x = np.column_stack([np.ones(day.size), rng.integers(0, 2, day.size), day / 7.0])
    y = rng.normal(5.0, 2.0, day.size)
    sigma = dense_sigma(day, rho)
    inverse = np.linalg.inv(sigma)
    gls = np.linalg.solve(x.T @ inverse @ x, x.T @ inverse @ y)
    white, log_jac = whiten(day, np.column_stack([x, y]), np.array([rho]))
    ols = np.linalg.lstsq(white[0, :, :3], white[0, :, 3], rcond=None)[0]
    assert np.allclose(ols, gls, rtol=0, atol=1e-10)
    assert log_jac[0] == pytest.approx(-0.5 * np.linalg.slogdet(sigma)[1], abs=1e-10)
    matrix, _ = whiten(day, np.eye(day.size), np.array([rho]))
    assert np.allclose(matrix[0].T @ matrix[0], inverse, rtol=0, atol=1e-8)


@settings(max_examples=30, deadline=None)
@given(day=Days, seed=st.integers(0, 2**32 - 1))
def test_the_gram_shortcut_equals_whitening_first(day: np.ndarray, seed: int) -> None:
    columns = np.random.default_rng(seed).normal(3.0, 2.0, (day.size, 4))
    white, log_jac = whiten(day, columns, RHO_GRID)
    gram, same_log_jac = whitened_gram(day, columns, RHO_GRID)
    expected = np.einsum("kni,knj->kij", white, white)
    assert np.allclose(gram, expected, rtol=1e-10, atol=1e-9)
    assert np.allclose(same_log_jac, log_jac, rtol=0, atol=1e-10)


def test_the_grid_fit_equals_fitting_each_rho_alone(rng: np.random.Generator) -> None:
    day = np.cumsum(rng.integers(1, 3, 30)).astype(np.int64)
    x = np.column_stack([np.ones(30), rng.integers(0, 2, 30)])
    y = rng.normal(5.0, 1.5, 30)
    prior = prior_for(("intercept", "mat"))
    together = fit(day, y, x, prior)
    for k in (0, 20, 58):
        alone = fit(day, y, x, prior, RHO_GRID[k : k + 1])
        assert alone.log_marginal[0] == pytest.approx(together.log_marginal[k], abs=1e-10)
        assert np.allclose(alone.mean[0], together.mean[k], atol=1e-12)


def simulated(rng: np.random.Generator, benefit: float, rho: float) -> DailySeries:
    return simulate_trial(rng, Truth(benefit=benefit, rho=rho))


def ols_answer(series: DailySeries, options: AnalysisOptions) -> tuple[float, float, float, int]:
    """β̂ of the mat column, its standard error, and the residual degrees of freedom."""
    used = series.recorded & (series.day_in_period >= options.washout_days)
    x, _ = design(series, used, options)
    y = series.value[used]
    beta, rss, *_ = np.linalg.lstsq(x, y, rcond=None)
    df = y.size - x.shape[1]
    se = math.sqrt(float(rss[0]) / df * np.linalg.inv(x.T @ x)[1, 1])
    return float(beta[1]), se, float(rss[0]), df


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rho_zero_with_the_reference_prior_gives_the_ols_t_results(seed: int) -> None:
    series = simulated(np.random.default_rng(seed), benefit=1.0, rho=0.3)
    options = AnalysisOptions(model=Model.IID, prior=Prior.REFERENCE)
    result = analyse_pain(series, options)
    assert isinstance(result, PainResult)
    beta, se, _, df = ols_answer(series, options)
    half = stats.t.ppf(0.975, df) * se
    assert result.benefit_mean == pytest.approx(-beta, abs=1e-6)
    assert result.benefit_median == pytest.approx(-beta, abs=1e-6)
    assert result.cri95[0] == pytest.approx(-beta - half, abs=1e-6)
    assert result.cri95[1] == pytest.approx(-beta + half, abs=1e-6)
    assert result.p_benefit == pytest.approx(stats.t.cdf(-beta / se, df), abs=1e-6)
    mcid = result.mcid
    assert result.p_mcid == pytest.approx(stats.t.sf((mcid + beta) / se, df), abs=1e-6)
    assert result.rho_post_mean == 0.0


def test_the_conjugate_posterior_matches_brute_force_integration() -> None:
    """Ten days with a gap, ρ = 0.3: p(y), E[β1 | y] and P(β1 < 0 | y) from sums over a 3-D
    grid of (β0, β1, log s²) against the closed form."""
    day = np.array([0, 1, 2, 4, 5, 6, 7, 9, 10, 11], dtype=np.int64)
    mat = np.array([0, 0, 0, 1, 1, 1, 1, 0, 0, 1], dtype=np.float64)
    y = np.array([6.0, 5.0, 7.0, 4.0, 3.5, 5.0, 4.0, 6.5, 5.5, 4.5])
    x = np.column_stack([np.ones(10), mat])
    prior, rho = prior_for(("intercept", "mat")), 0.3
    closed = fit(day, y, x, prior, np.array([rho]))
    effect = closed.coefficient(1)
    toy = Toy(day, y, x, rho, prior.mean, prior.sd)
    wide = effect.loc[0] + effect.scale[0] * np.linspace(-14.0, 14.0, 121)
    total, first = toy.integrate(wide, np.full(121, wide[1] - wide[0]))
    nodes, weights = np.polynomial.legendre.leggauss(60)
    low = effect.loc[0] - 14.0 * effect.scale[0]
    negative, _ = toy.integrate(low / 2 * (1 - nodes), -low / 2 * weights)
    assert math.log(total) == pytest.approx(closed.log_marginal[0], abs=1e-6)
    assert first / total == pytest.approx(effect.mean(), abs=1e-6)
    assert negative / total == pytest.approx(effect.cdf(0.0), abs=1e-6)


@dataclasses.dataclass(frozen=True)
class Toy:
    """Likelihood × prior of a small dataset, summed over a grid by brute force."""

    day: np.ndarray
    y: np.ndarray
    x: np.ndarray
    rho: float
    m0: np.ndarray
    sd0: np.ndarray

    def integrate(self, b1: np.ndarray, b1_weights: np.ndarray) -> tuple[float, float]:
        """∫∫∫ p(y, β, s²) and ∫∫∫ β1·p(y, β, s²) over β0, log s² (trapezoid on wide
        ranges) and the given β1 nodes and weights."""
        sigma = dense_sigma(self.day, self.rho)
        sigma_inverse, log_det = np.linalg.inv(sigma), np.linalg.slogdet(sigma)[1]
        b0, log_s2 = np.linspace(0.0, 12.0, 121), np.linspace(-4.0, 4.0, 121)
        g0, g1 = np.meshgrid(b0, b1, indexing="ij")
        fitted = g0[..., None] * self.x[:, 0] + g1[..., None] * self.x[:, 1]
        residual = self.y - fitted
        quad = np.einsum("abi,ij,abj->ab", residual, sigma_inverse, residual)
        prior_quad = ((g0 - self.m0[0]) / self.sd0[0]) ** 2 + ((g1 - self.m0[1]) / self.sd0[1]) ** 2
        n, a0, b0_prior = self.y.size, 0.5, 0.5
        cell = (b0[1] - b0[0]) * (log_s2[1] - log_s2[0]) * b1_weights[None, :]
        total = first = 0.0
        for u in log_s2:
            s2 = math.exp(u)
            log_density = (
                -0.5 * (n * math.log(2 * math.pi * s2) + log_det + quad / s2)
                - math.log(2 * math.pi * s2 * self.sd0[0] * self.sd0[1])
                - 0.5 * prior_quad / s2
                + a0 * math.log(b0_prior)
                - gammaln(a0)
                - (a0 + 1) * u
                - b0_prior / s2
                + u  # ds² = s² du
            )
            mass = np.exp(log_density) * cell
            total += float(mass.sum())
            first += float((mass * g1).sum())
        return total, first


Mixtures = st.integers(1, 6).flatmap(
    lambda k: st.tuples(
        st.lists(st.floats(0.01, 1.0), min_size=k, max_size=k),
        st.lists(st.floats(-5.0, 5.0), min_size=k, max_size=k),
        st.lists(st.floats(0.05, 3.0), min_size=k, max_size=k),
        st.floats(2.0, 200.0),
    )
)


@settings(max_examples=60, deadline=None)
@given(parts=Mixtures, q=st.sampled_from([0.001, 0.025, 0.3, 0.5, 0.9, 0.975, 0.999]))
def test_mixture_quantiles_invert_the_cdf(
    parts: tuple[list[float], list[float], list[float], float], q: float
) -> None:
    weights, loc, scale, df = parts
    w = np.asarray(weights) / sum(weights)
    mixture = TMixture(w, np.asarray(loc), np.asarray(scale), df)
    assert abs(mixture.cdf(mixture.quantile(q)) - q) <= 1e-8
    assert mixture.cdf(0.3) + mixture.sf(0.3) == pytest.approx(1.0, abs=1e-12)


def test_a_one_component_mixture_is_that_student_t() -> None:
    mixture = TMixture(np.ones(1), np.array([1.5]), np.array([0.7]), 9.0)
    assert mixture.quantile(0.975) == pytest.approx(1.5 + 0.7 * stats.t.ppf(0.975, 9), abs=1e-10)
    assert mixture.sf(0.0) == pytest.approx(stats.t.sf(-1.5 / 0.7, 9), abs=1e-12)
    with pytest.raises(ValueError, match="strictly between"):
        mixture.quantile(1.0)


def test_the_posterior_weights_form_a_distribution_and_favour_the_true_rho() -> None:
    rng = np.random.default_rng(7)
    series = simulate_trial(rng, Truth(rho=0.7, missing=0.0), n_pairs=26)
    result = analyse_pain(series)
    assert isinstance(result, PainResult)
    assert result.rho_post_mean == pytest.approx(0.7, abs=0.1)
    assert result.sd_post_mean == pytest.approx(1.5, abs=0.2)
