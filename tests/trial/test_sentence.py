"""The plain-language result: the template of §2.8, percents clipped, ranges in words."""

from __future__ import annotations

import dataclasses

import pytest

from acumat.trial.analysis import PRIMARY, Bands, PainResult
from acumat.trial.decision import Category
from acumat.trial.minimum import NotEnoughData, Shortfall
from acumat.trial.sentence import (
    WORDS,
    a_percent,
    credible_range,
    headline,
    not_enough,
    percent,
    warnings,
)

WORKED_EXAMPLE = PainResult(
    benefit_mean=0.55,
    benefit_median=0.55,
    cri95=(-0.43, 1.48),
    p_benefit=0.87,
    p_mcid=0.004,
    p_harm=0.13,
    p_harm_mcid=0.0,
    bands=Bands(0.0, 0.13, 0.866, 0.004),
    mcid=2.0,
    category=Category.NO_MEANINGFUL_BENEFIT,
    rho_post_mean=0.3,
    sd_post_mean=1.5,
    n_days_used=48,
    n_days_used_mat=24,
    n_days_used_no_mat=24,
    n_excluded_washout=8,
    n_missing=0,
    completeness=1.0,
    residual_autocorrelation=(0.0,) * 7,
    warnings=(),
    options=PRIMARY,
    schedule_hash=None,
)


def test_the_headline_follows_the_template() -> None:
    assert headline(WORKED_EXAMPLE) == (
        "Over 48 days, your pain was on average 0.6 points lower on days with the mat than "
        "on days without it (95% credible range: from 0.4 points higher to 1.5 points lower). "
        "There is an 87% chance the mat lowers your pain at all, and a less than 1% chance it "
        "lowers it by 2 points or more, about the amount most people notice as a real "
        "improvement. A noticeable benefit from the mat is unlikely for you. This trial could "
        "not be blinded, so part of any difference may come from expectations."
    )


def test_a_changed_sensitivity_category_is_said_before_the_caveat() -> None:
    said = headline(WORKED_EXAMPLE, sensitivity_differs=True)
    assert said.endswith(WORDS["sensitivity"] + " " + WORDS["unblinded"])


@pytest.mark.parametrize("category", list(Category))
def test_every_category_has_its_sentence(category: Category) -> None:
    said = headline(dataclasses.replace(WORKED_EXAMPLE, category=category))
    assert WORDS[category] in said


def test_a_worse_result_says_higher() -> None:
    worse = dataclasses.replace(WORKED_EXAMPLE, benefit_mean=-1.26, cri95=(-2.3, -0.21))
    said = headline(worse)
    assert "1.3 points higher on days with the mat" in said
    assert "(95% credible range: 0.2 to 2.3 points higher)" in said


def test_a_mean_that_rounds_to_zero_is_about_the_same() -> None:
    said = headline(dataclasses.replace(WORKED_EXAMPLE, benefit_mean=-0.04))
    assert "about the same on days with the mat as on days without it" in said


@pytest.mark.parametrize(
    ("p", "shown"),
    [
        (0.999, "more than 99%"),
        (0.995, "more than 99%"),
        (0.994, "99%"),
        (0.5, "50%"),
        (0.0051, "1%"),
        (0.0049, "less than 1%"),
        (0.0, "less than 1%"),
    ],
)
def test_probabilities_are_whole_percents_clipped_at_the_ends(p: float, shown: str) -> None:
    assert percent(p) == shown


@pytest.mark.parametrize(
    ("p", "said"),
    [
        (0.87, "an 87%"),
        (0.08, "an 8%"),
        (0.11, "an 11%"),
        (0.18, "an 18%"),
        (0.67, "a 67%"),
        (0.999, "a more than 99%"),
        (0.001, "a less than 1%"),
        (0.01, "a 1%"),
    ],
)
def test_percents_take_the_article_they_are_read_with(p: float, said: str) -> None:
    assert a_percent(p) == said


def test_ranges_never_say_minus_points_lower() -> None:
    assert credible_range(0.42, 2.01) == "95% credible range: 0.4 to 2.0 points lower"
    assert credible_range(-0.04, 2.01) == "95% credible range: 0.0 to 2.0 points lower"
    assert "-" not in credible_range(-3.0, -0.5)


def test_one_point_is_singular() -> None:
    assert "by 1 point or more" in headline(dataclasses.replace(WORKED_EXAMPLE, mcid=1.0))
    assert "by 1.5 points or more" in headline(dataclasses.replace(WORKED_EXAMPLE, mcid=1.5))


def test_warnings_are_sentences() -> None:
    flagged = dataclasses.replace(
        WORKED_EXAMPLE, warnings=("incomplete", "weekly_rhythm"), completeness=0.8
    )
    said = warnings(flagged)
    assert said[0].startswith("Only 80% of the days have a rating")
    assert "weekly rhythm" in said[1]


def test_not_enough_data_says_what_is_short_and_what_to_do() -> None:
    short = NotEnoughData(
        (Shortfall("periods", 1, 2, "mat"), Shortfall("completeness", 0.6, 0.7)),
        washout_days=1,
        scheduled_days=30,
        recorded_days=18,
    )
    said = not_enough(short)
    assert said[0] == "There is not enough data for a result yet."
    assert said[1] == (
        "Only 1 period with the mat has 3 or more rated days after its first day (left out "
        "as a washout); a result needs at least 2."
    )
    assert said[2].startswith("Only 60% of the days")
    assert said[-1].startswith("Keep rating your pain every day")
    none = NotEnoughData((Shortfall("periods", 0, 2, "no_mat"),), 0, 10, 10)
    assert not_enough(none)[1].startswith("No period without the mat has 3 or more rated days;")
