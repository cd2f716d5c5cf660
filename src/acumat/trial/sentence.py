"""The words of a trial result: one table of strings (:data:`WORDS`) and the code that
fills them in (spec §2.8).

Probabilities are whole percents, clipped to "more than 99%" and "less than 1%"; effects
have one decimal place. Only daily pain makes the headline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from acumat.trial.analysis import PainResult
from acumat.trial.decision import Category
from acumat.trial.minimum import MIN_DAYS_IN_PERIOD, NotEnoughData, Shortfall

WORDS: Mapping[str, str] = {
    # The headline, in the order it is read.
    "lower": "Over {days} days, your pain was on average {size} lower on days with the mat "
    "than on days without it ({range}).",
    "higher": "Over {days} days, your pain was on average {size} higher on days with the mat "
    "than on days without it ({range}).",
    "same": "Over {days} days, your pain was on average about the same on days with the mat "
    "as on days without it ({range}).",
    "range_lower": "95% credible range: {near} to {far} points lower",
    "range_higher": "95% credible range: {near} to {far} points higher",
    "range_across": "95% credible range: from {higher} points higher to {lower} points lower",
    "chances": "There is {p_benefit} chance the mat lowers your pain at all, and {p_mcid} "
    "chance it lowers it by {mcid} or more, about the amount most people notice as a real "
    "improvement.",
    Category.MEANINGFUL_BENEFIT: "The mat very likely helps you, and probably by a "
    "noticeable amount.",
    Category.SMALL_BENEFIT: "The mat probably helps a little, but likely less than a "
    "noticeable amount.",
    Category.NO_MEANINGFUL_BENEFIT: "A noticeable benefit from the mat is unlikely for you.",
    Category.LIKELY_WORSE: "Your pain was probably worse with the mat.",
    Category.INCONCLUSIVE: "The results are not clear enough to say; adding two more weeks "
    "of each condition would help.",
    "sensitivity": "A different but reasonable way of analysing your data gives a less "
    "certain answer.",
    "unblinded": "This trial could not be blinded, so part of any difference may come from "
    "expectations.",
    # Warnings shown under a result.
    "incomplete": "Only {share} of the days have a rating, so this result is less sure than "
    "it could be.",
    "weekly_rhythm": "Your pain seems to follow a weekly rhythm that this analysis does not "
    "allow for, so take the result with extra care.",
    "near_floor": "Most of your ratings are 0 or 1. This analysis fits such low ratings "
    "poorly, so take the result with extra care.",
    # Not enough data yet.
    "not_enough": "There is not enough data for a result yet.",
    "periods": "{count} {condition} {have} {days} or more rated days{washout}; a result needs "
    "at least {needed}.",
    "count_none": "No period",
    "count_one": "Only 1 period",
    "count_many": "Only {n} periods",
    "washout_one": " after its first day (left out as a washout)",
    "washout_many": " after its first {n} days (left out as a washout)",
    "completeness": "Only {share} of the days from the first to the last have a rating; a "
    "result needs at least {needed}.",
    "no_variation": "Every rating used is the same number, so there is no day-to-day spread "
    "to compare the two conditions by.",
    "keep_going": "Keep rating your pain every day, and try again when there are more periods "
    "of each condition.",
}
CATEGORY_LABELS: Mapping[Category, str] = {
    Category.MEANINGFUL_BENEFIT: "meaningful benefit",
    Category.SMALL_BENEFIT: "small benefit",
    Category.NO_MEANINGFUL_BENEFIT: "no meaningful benefit",
    Category.LIKELY_WORSE: "likely worse",
    Category.INCONCLUSIVE: "inconclusive",
}
SENSITIVITY_LABELS: Mapping[str, str] = {
    "S1": "S1, the data alone (reference prior)",
    "S2": "S2, every day, allowing for carry-over",
    "S3": "S3, no time trend",
}
CONDITION_WORDS = {"mat": "with the mat", "no_mat": "without the mat"}


def percent(p: float) -> str:
    """``p`` as a whole percent, clipped to "more than 99%" and "less than 1%"."""
    shown = math.floor(100.0 * p + 0.5)
    if shown > 99:
        return "more than 99%"
    if shown < 1:
        return "less than 1%"
    return f"{shown}%"


def a_percent(p: float) -> str:
    """``a 67%``, ``an 87%``, ``an 11%``: :func:`percent` with the article it is read with."""
    shown = percent(p)
    spoken_with_a_vowel = shown.startswith("8") or shown in ("11%", "18%")
    return ("an " if spoken_with_a_vowel else "a ") + shown


def points(value: float) -> str:
    """``1 point``, ``1.5 points``: a size in points of pain, as few digits as it needs."""
    return f"{value:g} point" + ("" if value == 1 else "s")


def credible_range(low: float, high: float) -> str:
    """The 95% range in words that never say "-0.4 points lower"."""
    low, high = round(low, 1) + 0.0, round(high, 1) + 0.0
    if low >= 0:
        return WORDS["range_lower"].format(near=f"{low:.1f}", far=f"{high:.1f}")
    if high <= 0:
        return WORDS["range_higher"].format(near=f"{-high:.1f}", far=f"{-low:.1f}")
    return WORDS["range_across"].format(higher=f"{-low:.1f}", lower=f"{high:.1f}")


def headline(result: PainResult, *, sensitivity_differs: bool = False) -> str:
    """The plain-language sentence for ``result``, ending with the blinding caveat."""
    size = round(result.benefit_mean, 1) + 0.0
    shape = "lower" if size > 0 else "higher" if size < 0 else "same"
    opening = WORDS[shape].format(
        days=result.n_days_used,
        size=f"{abs(size):.1f} points",
        range=credible_range(*result.cri95),
    )
    chances = WORDS["chances"].format(
        p_benefit=a_percent(result.p_benefit),
        p_mcid=a_percent(result.p_mcid),
        mcid=points(result.mcid),
    )
    parts = [opening, chances, WORDS[result.category]]
    if sensitivity_differs:
        parts.append(WORDS["sensitivity"])
    parts.append(WORDS["unblinded"])
    return " ".join(parts)


def warnings(result: PainResult) -> list[str]:
    """A sentence for each warning the result carries."""
    return [WORDS[code].format(share=percent(result.completeness)) for code in result.warnings]


def not_enough(result: NotEnoughData) -> list[str]:
    """Why there is no result yet, one sentence a shortfall, then what to do."""
    said = [WORDS["not_enough"]]
    said += [_shortfall(s, result.washout_days) for s in result.shortfalls]
    return [*said, WORDS["keep_going"]]


def _shortfall(shortfall: Shortfall, washout_days: int) -> str:
    if shortfall.code == "periods":
        found = int(shortfall.found)
        count = {0: WORDS["count_none"], 1: WORDS["count_one"]}.get(found, WORDS["count_many"])
        washout = {0: "", 1: WORDS["washout_one"]}.get(washout_days, WORDS["washout_many"])
        return WORDS["periods"].format(
            count=count.format(n=found),
            condition=CONDITION_WORDS[shortfall.condition or "mat"],
            have="have" if found > 1 else "has",
            days=MIN_DAYS_IN_PERIOD,
            washout=washout.format(n=washout_days),
            needed=int(shortfall.needed),
        )
    if shortfall.code == "completeness":
        return WORDS["completeness"].format(
            share=percent(shortfall.found), needed=percent(shortfall.needed)
        )
    return WORDS["no_variation"]
