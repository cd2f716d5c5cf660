"""Simulated trials with a known truth, for planning a trial's length and for calibration.

Pain follows ``baseline − benefit·mat + trend·weeks + e`` with stationary AR(1) errors e of
SD ``sd`` and lag-one correlation ``rho`` on the calendar grid; days go missing at random.
Each call draws from the generator it is given, so a seeded generator repeats its trials.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from acumat.trial.schedule import MAT, NO_MAT, Order
from acumat.trial.series import DailySeries, Floats


@dataclasses.dataclass(frozen=True)
class Truth:
    """The world a simulated trial is drawn from."""

    benefit: float = 0.0
    sd: float = 1.5
    rho: float = 0.3
    missing: float = 0.1
    trend_per_week: float = 0.0
    baseline: float = 5.0
    rounded: bool = False
    """Round and clip ratings to the whole numbers 0-10, as a diary records them."""


def random_orders(rng: np.random.Generator, n_pairs: int) -> tuple[Order, ...]:
    """Each pair mat-first or mat-last with probability ½."""
    flips = rng.integers(0, 2, size=n_pairs)
    return tuple((MAT, NO_MAT) if f else (NO_MAT, MAT) for f in flips)


def ar1_errors(rng: np.random.Generator, n_days: int, sd: float, rho: float) -> Floats:
    """Stationary AR(1) noise on ``n_days`` consecutive days."""
    shocks = rng.standard_normal(n_days) * sd
    errors = np.empty(n_days)
    errors[0] = shocks[0]
    innovation = np.sqrt(1.0 - rho * rho)
    for i in range(1, n_days):
        errors[i] = rho * errors[i - 1] + innovation * shocks[i]
    return errors


def simulate_trial(
    rng: np.random.Generator, truth: Truth, *, n_pairs: int = 4, period_days: int = 7
) -> DailySeries:
    """One random-pairs trial without a run-in, drawn under ``truth``."""
    orders = random_orders(rng, n_pairs)
    conditions = [c for order in orders for c in order]
    n_days = len(conditions) * period_days
    day = np.arange(n_days, dtype=np.int64)
    period = day // period_days
    mat = np.asarray([conditions[p] == MAT for p in period], dtype=np.bool_)
    weeks = (day - day.mean()) / 7.0
    pain = truth.baseline - truth.benefit * mat + truth.trend_per_week * weeks
    pain = pain + ar1_errors(rng, n_days, truth.sd, truth.rho)
    if truth.rounded:
        pain = np.clip(np.round(pain), 0.0, 10.0)
    pain[rng.random(n_days) < truth.missing] = np.nan
    switched = np.r_[False, mat[period_days::period_days] != mat[:-period_days:period_days]]
    return DailySeries(
        day=day,
        mat=mat,
        value=pain,
        period=period,
        day_in_period=day % period_days,
        after_switch=switched[period],
        scheduled_days=n_days,
    )
