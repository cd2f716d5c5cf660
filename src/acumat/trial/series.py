"""The data every analysis reads: one value a day, with each day's condition and period.

Days are numbers on the calendar grid (day 0 is any fixed day), so gaps are real gaps in
time. A day listed with no value is a missing day; so is a day of the trial not listed at
all. Two ways in: from acumat's own :class:`~acumat.trial.schedule.Schedule`, or from any
list of dated conditions (such as a CSV), where a period is a run of days in a row with
the same condition.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence

import numpy as np
from numpy.typing import NDArray

from acumat.trial.schedule import MAT, NO_MAT, Schedule

Floats = NDArray[np.float64]
Ints = NDArray[np.int64]
Flags = NDArray[np.bool_]
NO_DATA: Floats = np.zeros(0)


@dataclasses.dataclass(frozen=True, eq=False)
class DailySeries:
    """Daily values of one outcome over the randomised part of a trial, in time order.

    ``value`` is NaN on a listed day without a rating. ``after_switch`` marks the days of a
    period that follows a period of the other condition (where carry-over could show).
    ``scheduled_days`` is how many days the trial had so far (listed or not), for the
    completeness rule; ``run_in`` holds the ratings from before randomisation.
    """

    day: Ints
    mat: Flags
    value: Floats
    period: Ints
    day_in_period: Ints
    after_switch: Flags
    scheduled_days: int
    run_in: Floats = dataclasses.field(default_factory=lambda: NO_DATA)
    schedule_hash: str | None = None

    def __post_init__(self) -> None:
        n = self.day.shape[0]
        arrays = (self.mat, self.value, self.period, self.day_in_period, self.after_switch)
        if any(a.shape != (n,) for a in arrays):
            raise ValueError("every array of a DailySeries needs one entry per day")
        if n > 1 and np.any(np.diff(self.day) <= 0):
            raise ValueError("days must be strictly increasing (one value per day)")

    @property
    def recorded(self) -> Flags:
        return ~np.isnan(self.value)

    @property
    def n_periods(self) -> int:
        return int(self.period.max()) + 1 if self.period.size else 0


def series_from_runs(
    days: Sequence[int], conditions: Sequence[str], values: Sequence[float | None]
) -> DailySeries:
    """A series from dated conditions (``mat`` or ``no_mat``) in any order, with no run-in:
    each maximal run of listed days with the same condition is a period, starting on its
    first listed day."""
    if not set(conditions) <= {MAT, NO_MAT}:
        raise ValueError(f"conditions must be {MAT} or {NO_MAT}")
    order = np.argsort(np.asarray(days, dtype=np.int64), kind="stable")
    day = np.asarray(days, dtype=np.int64)[order]
    mat = np.asarray([conditions[i] == MAT for i in order], dtype=np.bool_)
    value = np.asarray([_number(values[i]) for i in order], dtype=np.float64)
    new_period = np.r_[True, mat[1:] != mat[:-1]][: day.size]
    period = (np.cumsum(new_period) - 1).astype(np.int64)
    day_in_period = day - day[np.flatnonzero(new_period)][period]
    span = int(day[-1] - day[0]) + 1 if day.size else 0
    return DailySeries(day, mat, value, period, day_in_period, period > 0, span)


def series_from_schedule(
    schedule: Schedule, ratings: Mapping[int, float | None], *, through_day: int | None = None
) -> DailySeries:
    """A series from acumat's own schedule and ratings by day index (days since the run-in
    began), up to and including ``through_day`` (default: the whole trial)."""
    last = schedule.total_days - 1 if through_day is None else through_day
    days = [d for d in schedule.days() if d.day_index <= last]
    randomised = [d for d in days if d.period is not None]
    periods = schedule.periods
    switched = {p.number for p in periods[1:] if p.condition != periods[p.number - 1].condition}
    run_in = [_number(ratings.get(d.day_index)) for d in days if d.period is None]
    return DailySeries(
        day=np.asarray([d.day_index for d in randomised], dtype=np.int64),
        mat=np.asarray([d.condition == MAT for d in randomised], dtype=np.bool_),
        value=np.asarray([_number(ratings.get(d.day_index)) for d in randomised]),
        period=np.asarray([d.period for d in randomised], dtype=np.int64),
        day_in_period=np.asarray([d.day_in_period for d in randomised], dtype=np.int64),
        after_switch=np.asarray([d.period in switched for d in randomised], dtype=np.bool_),
        scheduled_days=len(randomised),
        run_in=np.asarray([v for v in run_in if not math.isnan(v)], dtype=np.float64),
        schedule_hash=schedule.sha256,
    )


def _number(value: float | None) -> float:
    return math.nan if value is None else float(value)
