"""The decision table of spec §2.8 and the MCID default of §1.5."""

from __future__ import annotations

import pytest

from acumat.trial.decision import Category, category, default_mcid


@pytest.mark.parametrize(
    ("p_benefit", "p_mcid", "p_harm", "expected"),
    [
        (0.95, 0.50, 0.05, Category.MEANINGFUL_BENEFIT),
        (0.99, 0.80, 0.01, Category.MEANINGFUL_BENEFIT),
        (0.95, 0.49, 0.05, Category.SMALL_BENEFIT),
        (0.999, 0.01, 0.001, Category.SMALL_BENEFIT),
        (0.05, 0.00, 0.95, Category.LIKELY_WORSE),
        (0.20, 0.04, 0.80, Category.NO_MEANINGFUL_BENEFIT),
        (0.90, 0.049, 0.10, Category.NO_MEANINGFUL_BENEFIT),
        (0.87, 0.004, 0.13, Category.NO_MEANINGFUL_BENEFIT),
        (0.90, 0.05, 0.10, Category.INCONCLUSIVE),
        (0.60, 0.30, 0.40, Category.INCONCLUSIVE),
        (0.949, 0.60, 0.051, Category.INCONCLUSIVE),
    ],
)
def test_the_first_rule_that_applies_names_the_category(
    p_benefit: float, p_mcid: float, p_harm: float, expected: Category
) -> None:
    assert category(p_benefit, p_mcid, p_harm) is expected


def test_likely_worse_comes_before_no_meaningful_benefit() -> None:
    assert category(0.01, 0.0, 0.99) is Category.LIKELY_WORSE


@pytest.mark.parametrize(
    ("run_in", "expected"),
    [
        ([], 2.0),
        ([8.0] * 7, 2.0),  # 30% of 8 is 2.4: capped at 2
        ([2.0] * 7, 1.0),  # 30% of 2 is 0.6: the floor of 1
        ([5.0] * 7, 1.5),  # 1.5 exactly
        ([4.0, 5.0, 6.0, 5.0, 5.0, 6.0, 4.0], 1.5),
        ([4.0] * 7, 1.0),  # 1.2 rounds to 1
        ([4.5] * 7, 1.5),  # 1.35 rounds to 1.5
        ([6.0] * 7, 2.0),  # 1.8 rounds to 2
    ],
)
def test_the_default_mcid_is_30_percent_of_the_run_in_between_one_and_two(
    run_in: list[float], expected: float
) -> None:
    assert default_mcid(run_in) == expected
