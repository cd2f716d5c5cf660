"""The whole answer to "does the mat help my pain?": the primary result, the sensitivity
analyses beside it, and the sentence that says it, built once for every interface."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from acumat.trial import sentence
from acumat.trial.analysis import (
    PRIMARY,
    AnalysisOptions,
    PainResult,
    analyse_pain,
    sensitivity_analyses,
)
from acumat.trial.minimum import NotEnoughData
from acumat.trial.series import DailySeries

CONTRACT_KEYS = (
    "benefit_mean",
    "cri95",
    "p_benefit",
    "p_mcid",
    "mcid",
    "category",
    "n_days_used",
    "rho_mean",
    "sentence",
)
"""The keys of ``acumat trial analyze --json``, exactly and in this order."""


@dataclasses.dataclass(frozen=True)
class PainAnswer:
    """The primary result, S1-S3 by name (and whether any lands in another category),
    and the headline sentence with its warnings."""

    primary: PainResult
    sensitivity: Mapping[str, PainResult | NotEnoughData]
    sensitivity_differs: bool
    sentence: str
    warnings: tuple[str, ...]

    def contract(self) -> dict[str, Any]:
        """The JSON object of the command-line contract, with exactly :data:`CONTRACT_KEYS`."""
        result = self.primary
        return {
            "benefit_mean": result.benefit_mean,
            "cri95": list(result.cri95),
            "p_benefit": result.p_benefit,
            "p_mcid": result.p_mcid,
            "mcid": result.mcid,
            "category": result.category.value,
            "n_days_used": result.n_days_used,
            "rho_mean": result.rho_post_mean,
            "sentence": self.sentence,
        }


def answer_pain(
    series: DailySeries, options: AnalysisOptions = PRIMARY
) -> PainAnswer | NotEnoughData:
    """The answer for daily pain in ``series``, or why there is none yet."""
    primary = analyse_pain(series, options)
    if isinstance(primary, NotEnoughData):
        return primary
    others = sensitivity_analyses(series, options)
    differs = categories_differ(primary, others)
    said = sentence.headline(primary, sensitivity_differs=differs)
    return PainAnswer(primary, others, differs, said, tuple(sentence.warnings(primary)))


def categories_differ(
    primary: PainResult, others: Mapping[str, PainResult | NotEnoughData]
) -> bool:
    """Whether any sensitivity analysis lands in another decision category (or none)."""
    return any(
        isinstance(r, NotEnoughData) or r.category != primary.category for r in others.values()
    )
