"""Bayesian regression with AR(1) errors on the calendar-day grid, in closed form.

Given ρ, the errors' correlation ``ρ^|d_i − d_j|`` is removed exactly by whitening each day
against the one before it (gaps included), and a Normal-Inverse-Gamma prior is conjugate,
so the posterior and the marginal likelihood are formulas. ρ itself takes one of 59 values
from −0.5 to 0.95; weighting the 59 conjugate posteriors by their marginal likelihoods gives
the exact posterior on that grid. An effect's posterior is then a mixture of Student-t
distributions: its CDF is a weighted sum of ``stdtr`` calls and its quantiles are roots of
that sum. Every ρ is handled at once, as arrays of shape (K, …).

The spec (``nof1-spec.md`` §2.3) is the authority for the priors and the formulas.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import brentq
from scipy.special import gammaln, stdtr, stdtrit

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]

MODEL_VERSION = "acumat-nof1-model/1"
RHO_GRID: Floats = np.linspace(-0.5, 0.95, 59)
"""ρ's prior support: 59 evenly spaced values 0.025 apart, each equally likely."""
IID: Floats = np.zeros(1)
"""The grid of the model with independent days (ρ fixed at 0)."""
LOG_2PI = math.log(2 * math.pi)


@dataclasses.dataclass(frozen=True)
class PriorParameters:
    """β | s² ~ N(mean, s²·diag(sd²)) and s² ~ InvGamma(a0, b0); or, with ``reference``,
    p(β, s²) ∝ 1/s² (which reproduces GLS and t-test answers given ρ)."""

    mean: Floats
    sd: Floats
    a0: float = 0.5
    b0: float = 0.5
    reference: bool = False


COLUMN_PRIORS: Mapping[str, tuple[float, float]] = {
    "intercept": (5.0, 10.0),
    "mat": (0.0, 1.5),
    "trend": (0.0, 1.0),
    "carry_into_mat": (0.0, 1.5),
    "carry_into_no_mat": (0.0, 1.5),
}
"""Prior mean and SD (in units of s) of each column's coefficient: a vague intercept on the
0-10 scale, an effect SD of 1.5·s, a trend of about s per week, carry-over like the effect."""


def prior_for(columns: tuple[str, ...], *, reference: bool = False) -> PriorParameters:
    """The default (or the reference) prior for a design with ``columns``."""
    mean = np.array([COLUMN_PRIORS[c][0] for c in columns])
    sd = np.array([COLUMN_PRIORS[c][1] for c in columns])
    return PriorParameters(mean, sd, reference=reference)


def _lag_powers(day: Ints, rho: Floats) -> Floats:
    """``r[k, i] = ρ_k^(d_{i+1} − d_i)``: each distinct gap is raised to a power once."""
    gaps, which = np.unique(np.diff(day), return_inverse=True)
    return (rho[:, None] ** gaps[None, :].astype(np.float64))[:, which]


def whiten(day: Ints, columns: Floats, rho: Floats) -> tuple[Floats, Floats]:
    """The columns (n, q) whitened for each ρ: (K, n, q), and the log-Jacobian (K,).

    Row i becomes ``(row_i − r_i·row_{i−1}) / sqrt(1 − r_i²)`` with ``r_i = ρ^(d_i − d_{i−1})``;
    this is the Cholesky whitening of ``Σ_ij = ρ^|d_i − d_j|``, and the log-Jacobian is
    ``−½ log|Σ|``.
    """
    r = _lag_powers(day, rho)
    one_minus = 1.0 - r * r
    scaled = 1.0 / np.sqrt(one_minus)
    out = np.empty((rho.size, *columns.shape))
    out[:, 0, :] = columns[0]
    lagged = columns[None, 1:, :] - r[:, :, None] * columns[None, :-1, :]
    out[:, 1:, :] = lagged * scaled[:, :, None]
    return out, -0.5 * np.log(one_minus).sum(axis=1)


def whitened_gram(day: Ints, columns: Floats, rho: Floats) -> tuple[Floats, Floats]:
    """``W_kᵀW_k`` (K, q, q) for the whitened columns W_k of :func:`whiten`, and the same
    log-Jacobian, without building W: each whitened row's outer product expands into
    products of the raw rows i and i − 1 weighted by 1/(1 − r²), r/(1 − r²) and
    r²/(1 − r²), so every ρ costs three small matrix products."""
    r = _lag_powers(day, rho)
    inverse = 1.0 / (1.0 - r * r)
    now, before = columns[1:], columns[:-1]
    q = columns.shape[1]
    cross = np.einsum("ni,nj->nij", now, before)
    products = (
        inverse @ np.einsum("ni,nj->nij", now, now).reshape(-1, q * q)
        - (inverse * r) @ (cross + cross.transpose(0, 2, 1)).reshape(-1, q * q)
        + (inverse * r * r) @ np.einsum("ni,nj->nij", before, before).reshape(-1, q * q)
    )
    gram = products.reshape(rho.size, q, q) + np.outer(columns[0], columns[0])
    return gram, 0.5 * np.log(inverse).sum(axis=1)


def sse_floor(ztz: Floats) -> Floats:
    """The smallest residual sum of squares taken as real: ratings that the design fits
    exactly (3 on every mat day, 6 on every other) leave only rounding error, and a zero
    would put log(0) into the marginal likelihood."""
    return 1e-20 * ztz + np.finfo(np.float64).tiny


@dataclasses.dataclass(frozen=True, eq=False)
class GridPosterior:
    """The conjugate posterior at each grid ρ and the grid's posterior weights.

    Given ρ_k: β | s² ~ N(mean[k], s²·cov[k]) and s² ~ InvGamma(a, b[k]).
    ``log_marginal`` is log p(y | ρ_k) (up to a constant for the reference prior).
    ``mode_residuals`` are the whitened residuals z − X*·mean at the most likely ρ.
    """

    rho: Floats
    weights: Floats
    log_marginal: Floats
    mean: Floats
    cov: Floats
    a: float
    b: Floats
    mode_residuals: Floats

    def coefficient(self, index: int, sign: float = 1.0) -> TMixture:
        """The posterior of ``sign × β[index]``: a mixture of Student-t over the grid."""
        scale = np.sqrt(self.b / self.a * self.cov[:, index, index])
        return TMixture(self.weights, sign * self.mean[:, index], scale, 2.0 * self.a)

    @property
    def rho_mean(self) -> float:
        return float(self.weights @ self.rho)

    @property
    def sd_mean(self) -> float:
        """E[s]: under InvGamma(a, b), E[sqrt(s²)] = sqrt(b)·Γ(a − ½)/Γ(a)."""
        factor = math.exp(gammaln(self.a - 0.5) - gammaln(self.a))
        return float(self.weights @ np.sqrt(self.b)) * factor


def fit(
    day: Ints, y: Floats, x: Floats, prior: PriorParameters, rho: Floats = RHO_GRID
) -> GridPosterior:
    """The posterior of ``y = x·β + e`` with AR(1) errors on days ``day`` (strictly
    increasing) for each value of ``rho``, equally likely a priori."""
    n, p = x.shape
    data = np.column_stack([x, y])
    gram, log_jac = whitened_gram(day, data, rho)
    xtx, xtz = gram[:, :p, :p], gram[:, :p, p]
    if prior.reference:
        precision, rhs, a = xtx, xtz, (n - p) / 2.0
    else:
        inv_var = 1.0 / prior.sd**2
        precision = xtx + np.diag(inv_var)
        rhs = xtz + inv_var * prior.mean
        a = prior.a0 + n / 2.0
    cov = np.asarray(np.linalg.inv(precision), dtype=np.float64)
    mean = np.einsum("kij,kj->ki", cov, rhs)
    # ‖z − X*·m‖² as the quadratic form (m, −1)ᵀ·[X* z]ᵀ[X* z]·(m, −1).
    stacked = np.concatenate([mean, -np.ones((rho.size, 1))], axis=1)
    sse = np.maximum(np.einsum("ki,kij,kj->k", stacked, gram, stacked), sse_floor(gram[:, p, p]))
    log_det_precision = np.linalg.slogdet(precision)[1]
    if prior.reference:
        b = 0.5 * sse
        log_marginal = log_jac - 0.5 * log_det_precision - a * np.log(b)
    else:
        shrink = mean - prior.mean
        b = prior.b0 + 0.5 * (sse + np.einsum("ki,i,ki->k", shrink, inv_var, shrink))
        log_marginal = (
            log_jac
            - 0.5 * n * LOG_2PI
            - 0.5 * log_det_precision
            - np.log(prior.sd).sum()
            + prior.a0 * math.log(prior.b0)
            - a * np.log(b)
            + gammaln(a)
            - gammaln(prior.a0)
        )
    weights = np.exp(log_marginal - log_marginal.max())
    mode = int(np.argmax(weights))
    white, _ = whiten(day, data, rho[mode : mode + 1])
    residuals = white[0, :, p] - white[0, :, :p] @ mean[mode]
    return GridPosterior(rho, weights / weights.sum(), log_marginal, mean, cov, a, b, residuals)


@dataclasses.dataclass(frozen=True, eq=False)
class TMixture:
    """Σ_k weights[k] · t_df(loc[k], scale[k]): every probability an exact CDF evaluation."""

    weights: Floats
    loc: Floats
    scale: Floats
    df: float

    def cdf(self, x: float) -> float:
        """P(X ≤ x)."""
        return float(self.weights @ stdtr(self.df, (x - self.loc) / self.scale))

    def sf(self, x: float) -> float:
        """P(X > x), computed from the upper tail so that small values keep their digits."""
        return float(self.weights @ stdtr(self.df, (self.loc - x) / self.scale))

    def mean(self) -> float:
        return float(self.weights @ self.loc)

    def quantile(self, q: float) -> float:
        """The x with P(X ≤ x) = q, found by Brent's method between the components' own
        q-quantiles (the mixture's lies between them, so an end where the CDF has already
        reached q, by rounding, is the answer)."""
        if not 0.0 < q < 1.0:
            raise ValueError(f"q must be strictly between 0 and 1 (got {q})")
        own = self.loc + self.scale * stdtrit(self.df, q)
        low, high = float(own.min()), float(own.max())
        if self.cdf(low) >= q:  # equal but for rounding: the components nearly coincide
            return low
        if self.cdf(high) <= q:
            return high
        root: float = brentq(lambda v: self.cdf(v) - q, low, high, xtol=1e-13, rtol=1e-15)
        return root
