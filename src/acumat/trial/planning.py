"""How long one person's trial should be, from the variability of their run-in (§2.2).

The run-in's SD and day-to-day correlation are clipped to [1, 3] and [0, 0.8]; then, for
each candidate number of pairs, simulated trials under that variability and the target
benefit are analysed with the engine itself, and the power is the share that declare a
benefit (P(b > 0) ≥ 0.95). The smallest candidate reaching 80% power is recommended.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np

from acumat.trial.analysis import PRIMARY, AnalysisOptions, Fitted, fitted
from acumat.trial.decision import SURE
from acumat.trial.series import Floats, Ints
from acumat.trial.simulate import Truth, simulate_trial

SD_RANGE = (1.0, 3.0)
RHO_RANGE = (0.0, 0.8)
CANDIDATES = (3, 4, 5, 6)
POWER_GOAL = 0.8
DEFAULT_TARGET = 2.0


@dataclasses.dataclass(frozen=True)
class DurationPlan:
    """The recommended number of pairs and the simulated power of each candidate tried
    (smallest first, stopping at the first that reaches the goal).

    ``recommended_pairs`` is the largest candidate when none reaches the goal
    (``reaches_goal`` is then False).
    """

    recommended_pairs: int
    reaches_goal: bool
    power: Mapping[int, float]
    sd: float
    rho: float
    target: float
    simulations: int


def run_in_variability(day: Ints, pain: Floats) -> tuple[float, float]:
    """The run-in's SD and lag-one correlation over pairs of consecutive rated days
    (0 when there are fewer than three such pairs), before clipping."""
    rated = ~np.isnan(pain)
    day, pain = day[rated], pain[rated]
    sd = float(np.std(pain, ddof=1)) if pain.size > 1 else SD_RANGE[0]
    next_day = np.flatnonzero(np.diff(day) == 1)
    if next_day.size < 3 or sd == 0.0:
        return sd, 0.0
    centred = pain - pain.mean()
    rho = float(np.mean(centred[next_day] * centred[next_day + 1]) / np.mean(centred**2))
    return sd, rho


def power(
    rng: np.random.Generator,
    truth: Truth,
    n_pairs: int,
    simulations: int,
    options: AnalysisOptions = PRIMARY,
) -> float:
    """The share of ``simulations`` trials under ``truth`` that declare a benefit."""
    declared = 0
    for _ in range(simulations):
        found = fitted(simulate_trial(rng, truth, n_pairs=n_pairs), options)
        declared += isinstance(found, Fitted) and found.benefit.sf(0.0) >= SURE
    return declared / simulations


def plan_duration(
    sd: float,
    rho: float,
    *,
    target: float = DEFAULT_TARGET,
    simulations: int = 400,
    candidates: Sequence[int] = CANDIDATES,
    seed: int = 0,
) -> DurationPlan:
    """The fewest pairs of 7-day periods that give 80% power for a benefit of ``target``
    points at this person's variability; seeded, so the same inputs give the same plan."""
    sd = float(np.clip(sd, *SD_RANGE))
    rho = float(np.clip(rho, *RHO_RANGE))
    truth = Truth(benefit=target, sd=sd, rho=rho)
    rng = np.random.Generator(np.random.PCG64(seed))
    powers: dict[int, float] = {}
    for n_pairs in sorted(candidates):
        powers[n_pairs] = power(rng, truth, n_pairs, simulations)
        if powers[n_pairs] >= POWER_GOAL:
            return DurationPlan(n_pairs, True, powers, sd, rho, target, simulations)
    return DurationPlan(max(candidates), False, powers, sd, rho, target, simulations)
