"""plan_duration: the fewest pairs that give 80% power at this person's variability."""

from __future__ import annotations

import numpy as np
import pytest

from acumat.trial.planning import plan_duration, run_in_variability


def test_a_steady_person_needs_the_fewest_pairs() -> None:
    plan = plan_duration(1.0, 0.0, simulations=60)
    assert plan.recommended_pairs == 3
    assert plan.reaches_goal
    assert plan.power[3] >= 0.8


def test_a_variable_person_chasing_a_small_benefit_is_told_the_goal_is_out_of_reach() -> None:
    plan = plan_duration(3.0, 0.8, target=1.0, simulations=40)
    assert plan.recommended_pairs == 6
    assert not plan.reaches_goal
    assert list(plan.power) == [3, 4, 5, 6]


def test_inputs_are_clipped_and_the_plan_is_repeatable() -> None:
    plan = plan_duration(0.2, -0.4, simulations=20, seed=5)
    assert (plan.sd, plan.rho) == (1.0, 0.0)
    assert plan == plan_duration(0.2, -0.4, simulations=20, seed=5)
    assert plan_duration(9.0, 0.99, simulations=10, candidates=(6,)).rho == 0.8


def test_run_in_variability_reads_sd_and_lag_one_correlation() -> None:
    day = np.arange(7, dtype=np.int64)
    pain = np.array([4.0, 5.0, 6.0, 7.0, 6.0, 5.0, 4.0])
    sd, rho = run_in_variability(day, pain)
    assert sd == pytest.approx(float(np.std(pain, ddof=1)))
    assert rho > 0.3
    gappy = np.array([4.0, np.nan, 6.0, np.nan, 6.0, np.nan, 4.0])
    assert run_in_variability(day, gappy)[1] == 0.0  # no two rated days in a row
