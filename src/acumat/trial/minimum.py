"""The minimum-data rule (spec §2.6): below it there is no result, only "not enough data yet".

A result needs at least two periods of each condition with three or more analysable days
(rated, and past the washout), and ratings on at least 70% of the trial's days. Below 85%
a result is given with a warning about completeness.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

import numpy as np

from acumat.trial.schedule import MAT, NO_MAT, Condition
from acumat.trial.series import DailySeries, Flags

MIN_PERIODS = 2
MIN_DAYS_IN_PERIOD = 3
MIN_COMPLETENESS = 0.70
WARN_COMPLETENESS = 0.85


@dataclasses.dataclass(frozen=True)
class Shortfall:
    """One way the data fall short: ``found`` of what must be at least ``needed``.

    ``periods`` counts periods of ``condition`` with enough analysable days; ``completeness``
    is the share of the trial's days with a rating; ``no_variation`` means every analysed
    rating is the same number, so there is no day-to-day spread to judge a difference by.
    """

    code: Literal["periods", "completeness", "no_variation"]
    found: float
    needed: float
    condition: Condition | None = None


@dataclasses.dataclass(frozen=True)
class NotEnoughData:
    """No result yet: the rule was not met. ``washout_days`` is the washout that was used."""

    shortfalls: tuple[Shortfall, ...]
    washout_days: int
    scheduled_days: int
    recorded_days: int


def analysable(series: DailySeries, washout_days: int) -> Flags:
    """Days with a rating that are past the first ``washout_days`` days of their period."""
    return series.recorded & (series.day_in_period >= washout_days)


def completeness(series: DailySeries) -> float:
    """The share of the trial's days that have a rating."""
    if series.scheduled_days == 0:
        return 0.0
    return int(series.recorded.sum()) / series.scheduled_days


def check_minimum(
    series: DailySeries, washout_days: int, *, needs_spread: bool = True
) -> NotEnoughData | None:
    """What keeps ``series`` from a result under the rule, or None when it has enough.

    ``needs_spread`` also refuses ratings that are all the same number (a normal model has
    nothing to work with; counts that are all zero are a fine answer)."""
    usable = analysable(series, washout_days)
    found: list[Shortfall] = []
    for condition in (MAT, NO_MAT):
        in_condition = usable & (series.mat == (condition == MAT))
        per_period = np.bincount(series.period[in_condition], minlength=series.n_periods)
        good = int((per_period >= MIN_DAYS_IN_PERIOD).sum())
        if good < MIN_PERIODS:
            found.append(Shortfall("periods", good, MIN_PERIODS, condition))
    share = completeness(series)
    if share < MIN_COMPLETENESS:
        found.append(Shortfall("completeness", share, MIN_COMPLETENESS))
    if needs_spread and not found and np.ptp(series.value[usable]) == 0:
        found.append(Shortfall("no_variation", 0.0, 1.0))
    if not found:
        return None
    return NotEnoughData(
        tuple(found), washout_days, series.scheduled_days, int(series.recorded.sum())
    )
