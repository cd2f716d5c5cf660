"""Spasm episodes a day, mat against no mat: a Gamma-Poisson model per condition (§2.4).

Each condition's daily rate λ has a Gamma(0.5, 0.5 per day) prior, so after Σy episodes in
n days its posterior is Gamma(0.5 + Σy, 0.5 + n). The rate ratio RR = λ_mat / λ_no_mat then
has exact tail probabilities: with X = b_no·λ_no and Y = b_mat·λ_mat, X/(X + Y) is
Beta(a_no, a_mat), so P(RR ≤ r) = 1 − I_u(a_no, a_mat) with u = 1 / (1 + r·b_mat/b_no).

Counts on nearby days are rarely independent. The correction here estimates the Pearson
dispersion φ from period totals (one per period), floors it at 1, and divides both the
episode and the day counts by φ: a quasi-Bayesian widening, so a corrected result is
labelled approximate.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from scipy.special import betainc, betaincinv

from acumat.trial.minimum import NotEnoughData, analysable, check_minimum
from acumat.trial.series import DailySeries, Flags

PRIOR_SHAPE = 0.5
PRIOR_RATE = 0.5
"""Gamma(shape 0.5, rate 0.5 per day): weak, centred on one episode a day."""
MEANINGFUL_RR = 0.7
"""30% fewer episodes, mirroring the 30% convention for pain; an assumption the person may
change."""


@dataclasses.dataclass(frozen=True)
class RateRatio:
    """The posterior of λ_mat / λ_no_mat, each λ ~ Gamma(shape a, rate b)."""

    a_mat: float
    b_mat: float
    a_no_mat: float
    b_no_mat: float

    def cdf(self, r: float) -> float:
        """P(RR ≤ r), exactly."""
        u = 1.0 / (1.0 + r * self.b_mat / self.b_no_mat)
        return float(1.0 - betainc(self.a_no_mat, self.a_mat, u))

    def sf(self, r: float) -> float:
        """P(RR > r), from the other tail."""
        u = 1.0 / (1.0 + r * self.b_mat / self.b_no_mat)
        return float(betainc(self.a_no_mat, self.a_mat, u))

    def quantile(self, q: float) -> float:
        """The r with P(RR ≤ r) = q, by inverting the same formula."""
        u = float(betaincinv(self.a_no_mat, self.a_mat, 1.0 - q))
        return (1.0 / u - 1.0) * self.b_no_mat / self.b_mat


@dataclasses.dataclass(frozen=True)
class CountResult:
    """Episodes a day by condition and how their ratio stands; RR < 1 means fewer with the
    mat. ``approximate`` says the dispersion correction widened the answer."""

    rate_mat: float
    rate_no_mat: float
    rr_median: float
    rr_cri95: tuple[float, float]
    p_fewer: float
    p_meaningful: float
    p_more: float
    meaningful_rr: float
    dispersion: float
    approximate: bool
    n_days_mat: int
    n_days_no_mat: int


def dispersion(series: DailySeries, used: Flags) -> float:
    """Pearson's φ over period totals (at least 1; 1 when there are too few periods)."""
    period = series.period[used]
    totals = np.bincount(period, weights=series.value[used], minlength=series.n_periods)
    days = np.bincount(period, minlength=series.n_periods).astype(np.float64)
    on_mat = np.bincount(period, weights=series.mat[used], minlength=series.n_periods) > 0
    expected = np.zeros_like(totals)
    for side in (True, False):
        mine = (on_mat == side) & (days > 0)
        expected[mine] = days[mine] * totals[mine].sum() / max(days[mine].sum(), 1.0)
    counted = expected > 0
    degrees = int((days > 0).sum()) - 2
    if degrees <= 0 or not counted.any():
        return 1.0
    pearson = float((((totals - expected)[counted]) ** 2 / expected[counted]).sum())
    return max(1.0, pearson / degrees)


def analyse_counts(
    series: DailySeries,
    *,
    washout_days: int = 1,
    meaningful_rr: float = MEANINGFUL_RR,
    correct_dispersion: bool = True,
) -> CountResult | NotEnoughData:
    """The rate ratio's posterior from daily counts (``series.value``, whole numbers ≥ 0)."""
    counted = series.value[series.recorded]
    if np.any(counted < 0) or np.any(counted != np.round(counted)):
        raise ValueError("counts must be whole numbers of 0 or more")
    short = check_minimum(series, washout_days, needs_spread=False)
    if short is not None:
        return short
    used = analysable(series, washout_days)
    phi = dispersion(series, used) if correct_dispersion else 1.0
    on, off = used & series.mat, used & ~series.mat
    ratio = RateRatio(
        PRIOR_SHAPE + float(series.value[on].sum()) / phi,
        PRIOR_RATE + int(on.sum()) / phi,
        PRIOR_SHAPE + float(series.value[off].sum()) / phi,
        PRIOR_RATE + int(off.sum()) / phi,
    )
    return CountResult(
        rate_mat=ratio.a_mat / ratio.b_mat,
        rate_no_mat=ratio.a_no_mat / ratio.b_no_mat,
        rr_median=ratio.quantile(0.5),
        rr_cri95=(ratio.quantile(0.025), ratio.quantile(0.975)),
        p_fewer=ratio.cdf(1.0),
        p_meaningful=ratio.cdf(meaningful_rr),
        p_more=ratio.sf(1.0),
        meaningful_rr=meaningful_rr,
        dispersion=phi,
        approximate=phi > 1.0,
        n_days_mat=int(on.sum()),
        n_days_no_mat=int(off.sum()),
    )
