"""The trial's calendar: a run-in, then pairs of periods with and without the mat.

A schedule is drawn once from a recorded seed and never again: the same seed and design
always give the same days and the same SHA-256, so the allocation can be stored (with its
hash) before day 1 and checked at the end. Orders for all :data:`MAX_PAIRS` pairs are drawn
up front, so extending a 4-pair trial to 6 keeps its first four pairs and commits to the
last two in advance.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import secrets
from enum import StrEnum
from typing import Literal, TypeAlias

import numpy as np

Condition: TypeAlias = Literal["mat", "no_mat"]
Order: TypeAlias = tuple[Condition, Condition]

SCHEDULE_VERSION = "acumat-nof1-schedule/1"
MAX_PAIRS = 6
MAT: Condition = "mat"
NO_MAT: Condition = "no_mat"
RUN_IN: Literal["run_in"] = "run_in"
SEED_BITS = 128


class Scheme(StrEnum):
    """How the order within each pair is chosen."""

    RANDOM_PAIRS = "random_pairs"
    """Each pair is mat-first or mat-last by its own coin flip (the default)."""
    COUNTERBALANCED = "counterbalanced"
    """The first pair's order by a coin flip, then each pair reverses the one before."""
    ALTERNATING = "alternating"
    """The first pair's order by a coin flip, then every pair repeats it."""


class Comparator(StrEnum):
    """What a person does on the days without the mat."""

    NO_MAT = "no_mat"
    """Usual care: does using the mat help me at all?"""
    REST = "rest_without_mat"
    """The same rest lying on a blanket: does the mat itself help, beyond resting?"""


@dataclasses.dataclass(frozen=True)
class Period:
    """One block of days with a single condition; ``number`` counts from 0 in time order."""

    number: int
    pair: int
    condition: Condition
    first_day: int
    days: int


@dataclasses.dataclass(frozen=True)
class ScheduledDay:
    """One calendar day of the trial; ``day_index`` counts from the first day of the run-in."""

    day_index: int
    condition: Condition | Literal["run_in"]
    period: int | None
    pair: int | None
    day_in_period: int | None
    washout: bool


@dataclasses.dataclass(frozen=True)
class Schedule:
    """A drawn allocation: the design, its seed and the order of every pair."""

    seed: int
    scheme: Scheme
    orders: tuple[Order, ...]
    n_pairs: int = 4
    run_in_days: int = 7
    period_days: int = 7
    washout_days: int = 1
    comparator: Comparator = Comparator.NO_MAT
    spec_version: str = SCHEDULE_VERSION

    def __post_init__(self) -> None:
        _check_design(self)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The randomised periods in time order (the run-in is not a period)."""
        conditions = [c for order in self.orders[: self.n_pairs] for c in order]
        return tuple(
            Period(n, n // 2, c, self.run_in_days + n * self.period_days, self.period_days)
            for n, c in enumerate(conditions)
        )

    @property
    def total_days(self) -> int:
        return self.run_in_days + 2 * self.n_pairs * self.period_days

    def days(self) -> tuple[ScheduledDay, ...]:
        """Every day from the first of the run-in to the last of the last period."""
        run_in = [ScheduledDay(d, RUN_IN, None, None, None, False) for d in range(self.run_in_days)]
        return (*run_in, *(self._day_in(p, d) for p in self.periods for d in range(p.days)))

    def _day_in(self, period: Period, offset: int) -> ScheduledDay:
        return ScheduledDay(
            period.first_day + offset,
            period.condition,
            period.number,
            period.pair,
            offset,
            offset < self.washout_days,
        )

    def canonical(self) -> bytes:
        """The schedule as compact, key-sorted JSON: what :attr:`sha256` is taken over."""
        record = {
            "spec_version": self.spec_version,
            "seed": str(self.seed),
            "scheme": self.scheme.value,
            "comparator": self.comparator.value,
            "run_in_days": self.run_in_days,
            "period_days": self.period_days,
            "washout_days": self.washout_days,
            "n_pairs": self.n_pairs,
            "orders": [list(order) for order in self.orders],
            "days": [day.condition for day in self.days()],
        }
        return json.dumps(record, sort_keys=True, separators=(",", ":")).encode()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.canonical()).hexdigest()


def new_seed() -> int:
    """A fresh 128-bit seed from the operating system, to be recorded with the schedule."""
    return secrets.randbits(SEED_BITS)


def draw_orders(seed: int, scheme: Scheme) -> tuple[Order, ...]:
    """The order of each of :data:`MAX_PAIRS` pairs, from ``seed`` alone."""
    if not 0 <= seed < 2**SEED_BITS:
        raise ValueError(f"seed must be a whole number from 0 to 2**{SEED_BITS} - 1")
    flips = np.random.Generator(np.random.PCG64(seed)).integers(0, 2, size=MAX_PAIRS)
    if scheme is Scheme.RANDOM_PAIRS:
        first = [bool(f) for f in flips]
    elif scheme is Scheme.COUNTERBALANCED:
        first = [bool(flips[0]) != bool(n % 2) for n in range(MAX_PAIRS)]
    else:
        first = [bool(flips[0])] * MAX_PAIRS
    return tuple((MAT, NO_MAT) if mat_first else (NO_MAT, MAT) for mat_first in first)


def make_schedule(
    seed: int,
    *,
    scheme: Scheme = Scheme.RANDOM_PAIRS,
    n_pairs: int = 4,
    run_in_days: int = 7,
    period_days: int = 7,
    washout_days: int = 1,
    comparator: Comparator = Comparator.NO_MAT,
) -> Schedule:
    """The schedule ``seed`` gives for this design (the same every time)."""
    return Schedule(
        seed,
        scheme,
        draw_orders(seed, scheme),
        n_pairs,
        run_in_days,
        period_days,
        washout_days,
        comparator,
    )


def extended(schedule: Schedule, n_pairs: int = MAX_PAIRS) -> Schedule:
    """``schedule`` lengthened to ``n_pairs`` pairs, its pairs so far unchanged."""
    if not schedule.n_pairs < n_pairs <= MAX_PAIRS:
        raise ValueError(f"a trial of {schedule.n_pairs} pairs extends to at most {MAX_PAIRS}")
    return dataclasses.replace(schedule, n_pairs=n_pairs)


def _check_design(schedule: Schedule) -> None:
    limits = {
        "seed": (schedule.seed, 0, 2**SEED_BITS - 1),
        "n_pairs": (schedule.n_pairs, 1, MAX_PAIRS),
        "run_in_days": (schedule.run_in_days, 0, 28),
        "period_days": (schedule.period_days, 1, 28),
        "washout_days": (schedule.washout_days, 0, schedule.period_days - 1),
    }
    for name, (value, low, high) in limits.items():
        if not low <= value <= high:
            raise ValueError(f"{name} must be from {low} to {high} (got {value})")
    if len(schedule.orders) != MAX_PAIRS or any(set(o) != {MAT, NO_MAT} for o in schedule.orders):
        raise ValueError(f"orders must give {MAX_PAIRS} pairs, each one mat and one no_mat period")
