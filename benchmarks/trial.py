"""Speed of the n-of-1 trial engine: fit, fit plus summary, the whole answer, plan_duration.

Run: .venv/bin/python benchmarks/trial.py [--runs 300] [--cli-runs 10]

Times each operation in-process with ``time.perf_counter`` over ``--runs`` repetitions
after a warm-up, on simulated trials (ρ = 0.3, SD 1.5, seeded): a 4-pair trial of 7-day
periods with the first day of each period left out (48 of its 56 days used), and a year of
daily ratings (365 days used, no washout). "fit" is the grid
posterior and the benefit's mixture; "fit + summary" adds the mean, the three quantiles by
root finding, the probabilities, the category and the residual checks; "answer" adds
S1-S3 and the sentence. ``plan_duration`` runs 400 simulated trials for each of 4
candidates (a person whose goal is out of reach, so no candidate is skipped). The last row
is ``acumat trial analyze --csv FILE --json`` as a new process, start-up included, over
``--cli-runs`` runs. Prints a Markdown table of median and 95th-percentile milliseconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from timing import timed

from acumat.trial.analysis import AnalysisOptions, analyse_pain, fitted
from acumat.trial.answer import answer_pain
from acumat.trial.counts import analyse_counts
from acumat.trial.planning import plan_duration
from acumat.trial.series import DailySeries
from acumat.trial.simulate import Truth, simulate_trial

YEAR = AnalysisOptions(washout_days=0)


def a_year(rng: np.random.Generator) -> DailySeries:
    """365 consecutive rated days in 7-day periods (the first 365 of 27 pairs)."""
    long = simulate_trial(rng, Truth(missing=0.0), n_pairs=27)
    keep = slice(0, 365)
    return dataclasses.replace(
        long,
        day=long.day[keep],
        mat=long.mat[keep],
        value=long.value[keep],
        period=long.period[keep],
        day_in_period=long.day_in_period[keep],
        after_switch=long.after_switch[keep],
        scheduled_days=365,
    )


def counts_of(series: DailySeries, rng: np.random.Generator) -> DailySeries:
    episodes = rng.poisson(np.where(series.mat, 0.8, 1.2)).astype(np.float64)
    return dataclasses.replace(series, value=np.where(series.recorded, episodes, np.nan))


def as_csv(series: DailySeries) -> str:
    """The series as the contract's CSV, ratings kept within 0-10."""
    lines = ["date,condition,pain"]
    start = date(2026, 1, 5)
    for day, mat, pain in zip(series.day, series.mat, series.value, strict=True):
        shown = "" if np.isnan(pain) else f"{min(max(pain, 0.0), 10.0):.1f}"
        lines.append(f"{start + timedelta(int(day))},{'mat' if mat else 'no_mat'},{shown}")
    return "\n".join(lines) + "\n"


def cli_run(csv: Path) -> None:
    acumat = Path(sys.executable).parent / "acumat"
    subprocess.run(
        [str(acumat), "trial", "analyze", "--csv", str(csv), "--json"],
        check=True,
        capture_output=True,
    )


def measure(runs: int, cli_runs: int) -> list[tuple[str, int, tuple[float, float]]]:
    rng = np.random.Generator(np.random.PCG64(2026))
    trial, year = simulate_trial(rng, Truth(missing=0.0)), a_year(rng)
    n_trial = analyse_pain(trial)
    n_used = getattr(n_trial, "n_days_used", 0)
    spasms = counts_of(trial, rng)
    rows = [
        (f"fit, {n_used} days", runs, timed(lambda: fitted(trial), runs)),
        (f"fit + summary, {n_used} days", runs, timed(lambda: analyse_pain(trial), runs)),
        (
            f"answer (primary + S1-S3 + sentence), {n_used} days",
            runs,
            timed(lambda: answer_pain(trial), runs),
        ),
        ("fit, 365 days", runs, timed(lambda: fitted(year, YEAR), runs)),
        ("fit + summary, 365 days", runs, timed(lambda: analyse_pain(year, YEAR), runs)),
        (
            "spasm counts (Gamma-Poisson), 56 days",
            runs,
            timed(lambda: analyse_counts(spasms), runs),
        ),
        (
            "plan_duration, 4 candidates × 400 trials",
            3,
            timed(lambda: plan_duration(2.5, 0.6), 3),
        ),
    ]
    with tempfile.TemporaryDirectory() as folder:
        csv = Path(folder) / "pain.csv"
        csv.write_text(as_csv(trial), encoding="utf-8")
        rows.append(
            (
                "`acumat trial analyze --json` process, 56 days",
                cli_runs,
                timed(lambda: cli_run(csv), cli_runs),
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--cli-runs", type=int, default=10)
    arguments = parser.parse_args()
    print("| operation | runs | median ms | p95 ms |")
    print("| --- | --- | --- | --- |")
    for label, runs, (median, p95) in measure(arguments.runs, arguments.cli_runs):
        print(f"| {label} | {runs} | {median:.2f} | {p95:.2f} |")


if __name__ == "__main__":
    main()
