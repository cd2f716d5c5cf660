"""What a result means: the decision category (spec §2.8) and the default MCID (§1.5).

The category is the first rule of the table that applies; thresholds are fixed before the
data are seen and are never tuned per person.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

SURE = 0.95
"""P(b > 0) or P(b < 0) at least this high counts as "very likely" (fixed design)."""
UNLIKELY = 0.05
"""P(b ≥ MCID) below this makes a noticeable benefit unlikely."""
MCID_FLOOR, MCID_CAP, MCID_SHARE = 1.0, 2.0, 0.30
MCID_WITHOUT_RUN_IN = 2.0


class Category(StrEnum):
    """The decision categories, in the order their rules are tried."""

    MEANINGFUL_BENEFIT = "meaningful_benefit"
    SMALL_BENEFIT = "small_benefit"
    LIKELY_WORSE = "likely_worse"
    NO_MEANINGFUL_BENEFIT = "no_meaningful_benefit"
    INCONCLUSIVE = "inconclusive"


def category(p_benefit: float, p_mcid: float, p_harm: float) -> Category:
    """The category from P(b > 0), P(b ≥ MCID) and P(b < 0), b being the benefit.

    P(b ≥ MCID) ≥ 0.5 means the posterior median is at least the MCID.
    """
    if p_benefit >= SURE:
        return Category.MEANINGFUL_BENEFIT if p_mcid >= 0.5 else Category.SMALL_BENEFIT
    if p_harm >= SURE:
        return Category.LIKELY_WORSE
    if p_mcid < UNLIKELY:
        return Category.NO_MEANINGFUL_BENEFIT
    return Category.INCONCLUSIVE


def default_mcid(run_in: Sequence[float]) -> float:
    """30% of the mean run-in pain, kept between 1 and 2 points and rounded to the nearest
    half point; 2 points when there is no run-in."""
    if len(run_in) == 0:
        return MCID_WITHOUT_RUN_IN
    share = MCID_SHARE * sum(run_in) / len(run_in)
    return math.floor(2.0 * max(MCID_FLOOR, min(MCID_CAP, share)) + 0.5) / 2.0
