"""Daily pain, mat against no mat: the primary analysis and its sensitivity analyses.

The primary analysis (spec §2.3) regresses the analysed days' pain on the assigned
condition and a linear trend in weeks, with AR(1) errors on the calendar grid, and leaves
out the first ``washout_days`` days of every period. The benefit is the pain reduction on
mat days. Sensitivity analyses S1-S3 change one choice each and return the same type; they
are reported beside the primary result, never instead of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from enum import StrEnum

import numpy as np

from acumat.trial import diagnostics
from acumat.trial.decision import Category, category, default_mcid
from acumat.trial.minimum import (
    WARN_COMPLETENESS,
    NotEnoughData,
    analysable,
    check_minimum,
    completeness,
)
from acumat.trial.model import (
    IID,
    MODEL_VERSION,
    RHO_GRID,
    GridPosterior,
    TMixture,
    fit,
    prior_for,
)
from acumat.trial.series import DailySeries, Flags, Floats

MAT_COLUMN = 1
"""The design's second column is the mat indicator; the benefit is minus its coefficient."""


class Model(StrEnum):
    AR1 = "ar1"
    """AR(1) errors: ρ on the 59-point grid."""
    IID = "iid"
    """Independent days: ρ fixed at 0."""


class Trend(StrEnum):
    LINEAR = "linear"
    NONE = "none"


class Prior(StrEnum):
    DEFAULT = "default"
    """The weak conjugate prior of spec §2.3."""
    REFERENCE = "reference"
    """p(β, s²) ∝ 1/s²: given ρ, the answers of GLS and the t-test."""


@dataclasses.dataclass(frozen=True)
class AnalysisOptions:
    """The analysis's choices; the defaults are the pre-specified primary analysis.

    ``carryover`` (sensitivity S2) keeps the washout days and gives the days after a switch
    of condition their own indicator per condition instead.
    """

    model: Model = Model.AR1
    trend: Trend = Trend.LINEAR
    prior: Prior = Prior.DEFAULT
    washout_days: int = 1
    mcid: float | None = None
    carryover: bool = False

    def __post_init__(self) -> None:
        if self.washout_days < 0:
            raise ValueError(f"washout_days must be 0 or more (got {self.washout_days})")
        if self.mcid is not None and not self.mcid > 0:
            raise ValueError(f"the MCID must be more than 0 (got {self.mcid})")


PRIMARY = AnalysisOptions()


@dataclasses.dataclass(frozen=True)
class Bands:
    """The posterior's mass in four bands of the benefit b (they add up to 1)."""

    worse_by_mcid: float
    """P(b ≤ −MCID): pain noticeably worse with the mat."""
    worse_a_little: float
    """P(−MCID < b ≤ 0)."""
    better_a_little: float
    """P(0 < b < MCID)."""
    better_by_mcid: float
    """P(b ≥ MCID): a noticeable benefit."""


@dataclasses.dataclass(frozen=True)
class PainResult:
    """The posterior of the benefit (pain points lower on mat days) and what it means."""

    benefit_mean: float
    benefit_median: float
    cri95: tuple[float, float]
    p_benefit: float
    p_mcid: float
    p_harm: float
    p_harm_mcid: float
    bands: Bands
    mcid: float
    category: Category
    rho_post_mean: float
    sd_post_mean: float
    n_days_used: int
    n_days_used_mat: int
    n_days_used_no_mat: int
    n_excluded_washout: int
    n_missing: int
    completeness: float
    residual_autocorrelation: tuple[float, ...]
    warnings: tuple[str, ...]
    options: AnalysisOptions
    schedule_hash: str | None
    model_version: str = MODEL_VERSION


@dataclasses.dataclass(frozen=True, eq=False)
class Fitted:
    """A fit and what it was fitted to: the posterior, the benefit's mixture, the days used."""

    posterior: GridPosterior
    benefit: TMixture
    used: Flags
    mcid: float


def used_days(series: DailySeries, options: AnalysisOptions) -> Flags:
    """The days the model sees: every rated day with ``carryover``, else the analysable."""
    return series.recorded if options.carryover else analysable(series, options.washout_days)


def design(
    series: DailySeries, used: Flags, options: AnalysisOptions
) -> tuple[Floats, tuple[str, ...]]:
    """The design matrix for the days ``used`` and its column names."""
    day = series.day[used]
    columns: dict[str, Floats] = {
        "intercept": np.ones(day.size),
        "mat": series.mat[used].astype(np.float64),
    }
    if options.trend is Trend.LINEAR:
        columns["trend"] = (day - day.mean()) / 7.0
    if options.carryover:
        carry = (series.day_in_period < options.washout_days) & series.after_switch
        for name, on_mat in (("carry_into_mat", True), ("carry_into_no_mat", False)):
            indicator = (carry & (series.mat == on_mat))[used]
            if indicator.any():
                columns[name] = indicator.astype(np.float64)
    return np.column_stack(list(columns.values())), tuple(columns)


def fitted(series: DailySeries, options: AnalysisOptions = PRIMARY) -> Fitted | NotEnoughData:
    """The model fitted to ``series``, or why the minimum-data rule gives no result."""
    short = check_minimum(series, options.washout_days)
    if short is not None:
        return short
    used = used_days(series, options)
    x, columns = design(series, used, options)
    prior = prior_for(columns, reference=options.prior is Prior.REFERENCE)
    grid = RHO_GRID if options.model is Model.AR1 else IID
    posterior = fit(series.day[used], series.value[used], x, prior, grid)
    mcid = options.mcid if options.mcid is not None else default_mcid(list(series.run_in))
    return Fitted(posterior, posterior.coefficient(MAT_COLUMN, sign=-1.0), used, mcid)


def analyse_pain(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> PainResult | NotEnoughData:
    """The benefit's posterior summary, category and diagnostics; or not enough data."""
    found = fitted(series, options)
    if isinstance(found, NotEnoughData):
        return found
    return summarise(series, found, options)


def summarise(series: DailySeries, found: Fitted, options: AnalysisOptions) -> PainResult:
    """Every number of a :class:`PainResult` from a fit."""
    benefit, mcid, used = found.benefit, found.mcid, found.used
    p_harm_mcid, p_mcid = benefit.cdf(-mcid), benefit.sf(mcid)
    p_harm, p_benefit = benefit.cdf(0.0), benefit.sf(0.0)
    bands = Bands(p_harm_mcid, p_harm - p_harm_mcid, p_benefit - p_mcid, p_mcid)
    acf = _autocorrelation(series, found)
    return PainResult(
        benefit_mean=benefit.mean(),
        benefit_median=benefit.quantile(0.5),
        cri95=(benefit.quantile(0.025), benefit.quantile(0.975)),
        p_benefit=p_benefit,
        p_mcid=p_mcid,
        p_harm=p_harm,
        p_harm_mcid=p_harm_mcid,
        bands=bands,
        mcid=mcid,
        category=category(p_benefit, p_mcid, p_harm),
        rho_post_mean=found.posterior.rho_mean,
        sd_post_mean=found.posterior.sd_mean,
        n_days_used=int(used.sum()),
        n_days_used_mat=int((used & series.mat).sum()),
        n_days_used_no_mat=int((used & ~series.mat).sum()),
        n_excluded_washout=int((series.recorded & ~used).sum()),
        n_missing=series.scheduled_days - int(series.recorded.sum()),
        completeness=completeness(series),
        residual_autocorrelation=acf,
        warnings=_warnings(series, used, acf),
        options=options,
        schedule_hash=series.schedule_hash,
    )


def _autocorrelation(series: DailySeries, found: Fitted) -> tuple[float, ...]:
    residuals = found.posterior.mode_residuals
    return diagnostics.residual_autocorrelation(series.day[found.used], residuals)


def _warnings(series: DailySeries, used: Flags, acf: tuple[float, ...]) -> tuple[str, ...]:
    found = []
    if completeness(series) < WARN_COMPLETENESS:
        found.append("incomplete")
    if diagnostics.weekly_rhythm(acf):
        found.append("weekly_rhythm")
    if diagnostics.near_floor(series.value[used]):
        found.append("near_floor")
    return tuple(found)


SENSITIVITY: Mapping[str, Callable[[AnalysisOptions], AnalysisOptions]] = {
    "S1": lambda options: dataclasses.replace(options, prior=Prior.REFERENCE),
    "S2": lambda options: dataclasses.replace(options, carryover=True),
    "S3": lambda options: dataclasses.replace(options, trend=Trend.NONE),
}
"""Each pre-specified sensitivity analysis as the one change it makes to the options."""


def sensitivity_reference_prior(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> PainResult | NotEnoughData:
    """S1: the same analysis with the reference prior p(β, s²) ∝ 1/s²."""
    return analyse_pain(series, SENSITIVITY["S1"](options))


def sensitivity_all_days(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> PainResult | NotEnoughData:
    """S2: every rated day, washout days included, with carry-over indicators."""
    return analyse_pain(series, SENSITIVITY["S2"](options))


def sensitivity_no_trend(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> PainResult | NotEnoughData:
    """S3: the same analysis without the linear time trend."""
    return analyse_pain(series, SENSITIVITY["S3"](options))


def sensitivity_analyses(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> Mapping[str, PainResult | NotEnoughData]:
    """S1-S3 by name, leaving out any that would repeat ``options`` unchanged (S3 when
    there is no trend already, say)."""
    changed = {name: change(options) for name, change in SENSITIVITY.items()}
    return {name: analyse_pain(series, o) for name, o in changed.items() if o != options}
