"""What a diary shows, honestly: averages with 95% intervals over the days a person chose, never
a cause. Pure: plain numbers in, estimates out (numpy and scipy; no I/O).

Every comparison here is observational — days with a mat session are days the person chose to
lie on it, often because the pain was bad — so each reading says what was seen, how sure the
numbers are, and that only a trial (randomised days) can say what the mat does.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MIN_EACH = 3
"""Fewer values than this on either side and there is nothing worth a number yet."""
LEVEL = 0.95


@dataclass(frozen=True)
class Estimate:
    """A value with its 95% interval, from ``n`` values (``n_other`` on the other side of a
    comparison, when there is one)."""

    value: float
    low: float
    high: float
    n: int
    n_other: int = 0

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def mean_change(pairs: Sequence[tuple[float, float]]) -> Estimate | None:
    """The mean of ``after − before`` with a t interval; ``None`` below :data:`MIN_EACH` pairs."""
    if len(pairs) < MIN_EACH:
        return None
    from scipy import stats

    changes = [after - before for before, after in pairs]
    n = len(changes)
    mean = math.fsum(changes) / n
    sd = _sd(changes, mean)
    half = float(stats.t.ppf(0.5 + LEVEL / 2, n - 1)) * sd / math.sqrt(n)
    return Estimate(mean, mean - half, mean + half, n)


def difference_of_means(first: Sequence[float], second: Sequence[float]) -> Estimate | None:
    """``mean(first) − mean(second)`` with a Welch interval; ``None`` when either side has fewer
    than :data:`MIN_EACH` values."""
    if len(first) < MIN_EACH or len(second) < MIN_EACH:
        return None
    from scipy import stats

    m1, m2 = math.fsum(first) / len(first), math.fsum(second) / len(second)
    v1, v2 = _sd(first, m1) ** 2 / len(first), _sd(second, m2) ** 2 / len(second)
    se = math.sqrt(v1 + v2)
    if se == 0:
        return Estimate(m1 - m2, m1 - m2, m1 - m2, len(first), len(second))
    dof = (v1 + v2) ** 2 / (v1**2 / (len(first) - 1) + v2**2 / (len(second) - 1))
    half = float(stats.t.ppf(0.5 + LEVEL / 2, dof)) * se
    return Estimate(m1 - m2, m1 - m2 - half, m1 - m2 + half, len(first), len(second))


def rate(count: int, days: int, per_days: int = 30) -> Estimate | None:
    """Events per ``per_days`` days, with the exact (Garwood) Poisson interval; ``None`` for no
    days at all."""
    if days <= 0:
        return None
    from scipy import stats

    scale = per_days / days
    low = 0.0 if count == 0 else float(stats.chi2.ppf((1 - LEVEL) / 2, 2 * count)) / 2
    high = float(stats.chi2.ppf(0.5 + LEVEL / 2, 2 * count + 2)) / 2
    return Estimate(count * scale, low * scale, high * scale, days)


def correlation(pairs: Sequence[tuple[float, float]]) -> Estimate | None:
    """Pearson's r with its Fisher-z interval; ``None`` below 4 pairs or when either side never
    changes (r is undefined then)."""
    if len(pairs) < MIN_EACH + 1:
        return None
    import numpy as np

    xs, ys = np.array([p[0] for p in pairs], float), np.array([p[1] for p in pairs], float)
    if xs.std() == 0 or ys.std() == 0:
        return None
    r = float(np.corrcoef(xs, ys)[0, 1])
    r = max(min(r, 0.999999), -0.999999)
    from scipy import stats

    half = float(stats.norm.ppf(0.5 + LEVEL / 2)) / math.sqrt(len(pairs) - 3)
    z = math.atanh(r)
    return Estimate(r, math.tanh(z - half), math.tanh(z + half), len(pairs))


def smoothed(points: Sequence[tuple[date, float]], days: float = 3.0) -> list[tuple[date, float]]:
    """Each point's Gaussian-weighted mean of its neighbours on the calendar (``days`` is the
    kernel's standard deviation), so a missing day weighs nothing and a lone bad day does not
    swing the line."""
    if not points:
        return []
    import numpy as np

    ordinals = np.array([d.toordinal() for d, _ in points], float)
    values = np.array([v for _, v in points], float)
    weights = np.exp(-0.5 * ((ordinals[:, None] - ordinals[None, :]) / days) ** 2)
    means = weights @ values / weights.sum(axis=1)
    return [(d, round(float(m), 2)) for (d, _), m in zip(points, means, strict=True)]


def _sd(values: Sequence[float], mean: float) -> float:
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))
