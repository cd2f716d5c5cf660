"""The primary analysis and S1-S3: which days are used, what is reported, and the warnings."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from acumat.trial.analysis import (
    PRIMARY,
    AnalysisOptions,
    Model,
    PainResult,
    Prior,
    Trend,
    analyse_pain,
    design,
    sensitivity_all_days,
    sensitivity_analyses,
    sensitivity_no_trend,
    sensitivity_reference_prior,
)
from acumat.trial.answer import CONTRACT_KEYS, answer_pain
from acumat.trial.decision import Category
from acumat.trial.minimum import NotEnoughData
from acumat.trial.model import MODEL_VERSION
from acumat.trial.schedule import make_schedule
from acumat.trial.series import DailySeries, series_from_runs, series_from_schedule
from acumat.trial.simulate import Truth, simulate_trial


def result_of(series: DailySeries, options: AnalysisOptions = PRIMARY) -> PainResult:
    found = analyse_pain(series, options)
    assert isinstance(found, PainResult)
    return found


@pytest.fixture
def trial(rng: np.random.Generator) -> DailySeries:
    return simulate_trial(rng, Truth(benefit=3.0, sd=1.5, rho=0.3))


def test_a_clear_benefit_is_found_with_its_numbers(trial: DailySeries) -> None:
    result = result_of(trial)
    assert result.category is Category.MEANINGFUL_BENEFIT
    low, high = result.cri95
    assert low < result.benefit_median < high
    assert low < 3.0 < high
    assert result.p_benefit + result.p_harm == pytest.approx(1.0)
    bands = dataclasses.astuple(result.bands)
    assert sum(bands) == pytest.approx(1.0)
    assert result.bands.worse_by_mcid == result.p_harm_mcid
    assert result.bands.better_by_mcid == result.p_mcid
    assert result.model_version == MODEL_VERSION


def test_the_first_day_of_each_period_is_left_out(trial: DailySeries) -> None:
    result = result_of(trial)
    rated_first_days = int((trial.recorded & (trial.day_in_period == 0)).sum())
    assert result.n_excluded_washout == rated_first_days
    assert result.n_days_used == int(trial.recorded.sum()) - rated_first_days
    assert result.n_days_used == result.n_days_used_mat + result.n_days_used_no_mat
    assert result.n_missing == 56 - int(trial.recorded.sum())
    none_left_out = result_of(trial, AnalysisOptions(washout_days=0))
    assert none_left_out.n_excluded_washout == 0
    assert none_left_out.n_days_used == int(trial.recorded.sum())


def test_the_iid_model_fixes_rho_at_zero(trial: DailySeries) -> None:
    assert result_of(trial, AnalysisOptions(model=Model.IID)).rho_post_mean == 0.0
    assert result_of(trial).rho_post_mean != 0.0


def test_the_trend_is_in_weeks_and_centred(trial: DailySeries) -> None:
    x, columns = design(trial, trial.recorded, PRIMARY)
    assert columns == ("intercept", "mat", "trend")
    assert x[:, 2].mean() == pytest.approx(0.0, abs=1e-12)
    used_days = trial.day[trial.recorded]
    assert x[1, 2] - x[0, 2] == pytest.approx((used_days[1] - used_days[0]) / 7)
    _, flat = design(trial, trial.recorded, AnalysisOptions(trend=Trend.NONE))
    assert flat == ("intercept", "mat")


def test_all_days_adds_carry_over_indicators_only_after_a_switch(trial: DailySeries) -> None:
    options = AnalysisOptions(carryover=True)
    x, columns = design(trial, trial.recorded, options)
    assert columns[-2:] == ("carry_into_mat", "carry_into_no_mat")
    flagged = (x[:, 3] + x[:, 4]) > 0
    first_days = (trial.day_in_period == 0)[trial.recorded]
    switched = trial.after_switch[trial.recorded]
    assert np.array_equal(flagged, first_days & switched)


def test_sensitivity_analyses_change_one_thing_each(trial: DailySeries) -> None:
    s1 = sensitivity_reference_prior(trial)
    s2 = sensitivity_all_days(trial)
    s3 = sensitivity_no_trend(trial)
    assert isinstance(s1, PainResult)
    assert isinstance(s2, PainResult)
    assert isinstance(s3, PainResult)
    assert s1.options == dataclasses.replace(PRIMARY, prior=Prior.REFERENCE)
    assert s2.options.carryover
    assert s2.n_excluded_washout == 0
    assert s3.options.trend is Trend.NONE
    assert set(sensitivity_analyses(trial)) == {"S1", "S2", "S3"}
    chosen = AnalysisOptions(trend=Trend.NONE, prior=Prior.REFERENCE)
    assert set(sensitivity_analyses(trial, chosen)) == {"S2"}


def test_the_answer_carries_exactly_the_contract_keys(trial: DailySeries) -> None:
    found = answer_pain(trial)
    assert not isinstance(found, NotEnoughData)
    contract = found.contract()
    assert tuple(contract) == CONTRACT_KEYS
    assert contract["category"] == found.primary.category.value
    assert contract["sentence"] == found.sentence
    assert contract["cri95"] == list(found.primary.cri95)


def test_a_disagreeing_sensitivity_analysis_is_said_in_the_sentence() -> None:
    rng = np.random.default_rng(11)
    for _ in range(40):
        found = answer_pain(simulate_trial(rng, Truth(benefit=1.0, sd=2.0, rho=0.5)))
        assert not isinstance(found, NotEnoughData)
        assert ("less certain answer" in found.sentence) == found.sensitivity_differs
        if found.sensitivity_differs:
            return
    pytest.fail("no simulated trial gave a disagreeing sensitivity analysis")


def test_a_weekly_rhythm_earns_the_lag_seven_warning(rng: np.random.Generator) -> None:
    series = simulate_trial(rng, Truth(rho=0.0, sd=0.5, missing=0.0), n_pairs=6)
    mondays = np.where(series.day % 7 == 3, 3.0, 0.0)
    rhythmic = dataclasses.replace(series, value=series.value + mondays)
    result = result_of(rhythmic)
    assert abs(result.residual_autocorrelation[6]) > 0.3
    assert "weekly_rhythm" in result.warnings
    assert "weekly_rhythm" not in result_of(series).warnings


def test_low_completeness_and_low_ratings_earn_warnings(rng: np.random.Generator) -> None:
    series = simulate_trial(rng, Truth(missing=0.2, baseline=0.5, sd=0.5))
    result = result_of(series)
    assert result.completeness < 0.85
    assert {"incomplete", "near_floor"} <= set(result.warnings)


def test_acumat_schedules_feed_the_run_in_to_the_mcid() -> None:
    schedule = make_schedule(99)
    ratings: dict[int, float | None] = {
        d.day_index: 4.0 + (d.day_index % 3) for d in schedule.days()
    }
    series = series_from_schedule(schedule, ratings)
    assert series.run_in.size == 7
    assert series.schedule_hash == schedule.sha256
    result = result_of(series)
    assert result.mcid == 1.5  # 30% of a run-in mean near 5
    assert result.schedule_hash == schedule.sha256
    assert result_of(series, AnalysisOptions(mcid=1.0)).mcid == 1.0


def test_a_partial_schedule_is_analysed_up_to_a_day() -> None:
    schedule = make_schedule(5)
    ratings: dict[int, float | None] = {d: float(3 + d % 5) for d in range(63)}
    series = series_from_schedule(schedule, ratings, through_day=30)
    assert series.scheduled_days == 24
    assert int(series.day.max()) == 30


def test_options_out_of_range_are_refused() -> None:
    with pytest.raises(ValueError, match="washout_days"):
        AnalysisOptions(washout_days=-1)
    with pytest.raises(ValueError, match="MCID"):
        AnalysisOptions(mcid=0.0)


@pytest.mark.parametrize("prior", list(Prior))
@pytest.mark.parametrize("model", list(Model))
def test_ratings_the_design_fits_exactly_still_give_an_answer(prior: Prior, model: Model) -> None:
    conditions = (["mat"] * 7 + ["no_mat"] * 7) * 4
    pains: list[float | None] = [3.0 if c == "mat" else 6.0 for c in conditions]
    series = series_from_runs(list(range(56)), conditions, pains)
    found = answer_pain(series, AnalysisOptions(model=model, prior=prior))
    assert not isinstance(found, NotEnoughData)
    assert found.primary.category is Category.MEANINGFUL_BENEFIT
    assert found.primary.benefit_median == pytest.approx(3.0, abs=0.2)
