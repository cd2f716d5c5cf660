"""Checks of the model's fit that become warnings, never changes to the result (spec §5).

The whitened residuals of an AR(1) model that fits should look like independent noise. A
weekly rhythm (pain worse every Monday, say) shows as a correlation between residuals seven
days apart, which AR(1) cannot absorb.
"""

from __future__ import annotations

import numpy as np

from acumat.trial.series import Floats, Ints

MAX_LAG = 7
WEEKLY_LIMIT = 0.3
"""|r| at lag 7 above this earns the weekly-rhythm warning."""
MIN_PAIRS = 10
"""Fewer pairs of days this far apart than this give no estimate (NaN) for that lag."""
FLOOR_PAIN = 1.0
FLOOR_SHARE = 0.5


def residual_autocorrelation(day: Ints, residuals: Floats) -> tuple[float, ...]:
    """The correlation of residuals 1..7 calendar days apart (NaN where too few pairs):
    the mean product over pairs of days exactly ``lag`` apart, over the mean square."""
    centred = residuals - residuals.mean()
    scale = float(np.mean(centred * centred))
    found: list[float] = []
    for lag in range(1, MAX_LAG + 1):
        later = np.searchsorted(day, day + lag)
        paired = later < day.size
        paired[paired] = day[later[paired]] == day[paired] + lag
        if paired.sum() < MIN_PAIRS or scale == 0.0:
            found.append(float("nan"))
            continue
        products = centred[paired] * centred[later[paired]]
        found.append(float(products.mean()) / scale)
    return tuple(found)


def weekly_rhythm(autocorrelation: tuple[float, ...]) -> bool:
    """Whether the lag-7 residual correlation is strong enough to warn about."""
    lag7 = autocorrelation[MAX_LAG - 1]
    return bool(np.isfinite(lag7) and abs(lag7) > WEEKLY_LIMIT)


def near_floor(pain: Floats) -> bool:
    """Whether most ratings are 0 or 1, where a normal model fits poorly."""
    return bool(np.mean(pain <= FLOOR_PAIN) > FLOOR_SHARE)
