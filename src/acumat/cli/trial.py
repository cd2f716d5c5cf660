"""``acumat trial``: personal trials of the mat. ``analyze`` answers from any daily CSV.

The command reads the file, hands the text to :mod:`acumat.trial` (imported only when it
runs, so ``acumat --help`` stays free of numpy and scipy) and prints the answer: JSON with
exactly the contract's keys, or the sentence and a short table for people. A file that
cannot be analysed is refused with exit code 2, naming the line and what to do.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.core import AcumatGroup
from acumat.cli.options import Decimal, Whole, Word, option
from acumat.cli.output import emit_json
from acumat.errors import InvalidInput

if TYPE_CHECKING:
    from acumat.trial.analysis import PainResult
    from acumat.trial.answer import PainAnswer
    from acumat.trial.minimum import NotEnoughData

app = typer.Typer(
    cls=AcumatGroup,
    help="Personal trials of the mat: is it helping you? analyze answers from a daily diary "
    "of pain on days with and without the mat.",
    no_args_is_help=True,
)
MODELS = {"ar1": "AR(1): each day's pain leans on the day before", "iid": "independent days"}
TRENDS = {"linear": "a straight-line drift over the weeks", "none": "no drift"}
PRIORS = {"default": "acumat's weak prior", "reference": "the data alone"}
MAX_BYTES = 5 * 1024 * 1024
"""Far more than a lifetime of daily ratings; a bigger file is not a pain diary."""
WASHOUT_HINT = "--washout-days sets how many first days of each period are left out (now {days})."


def analyze(
    csv: Annotated[
        str,
        typer.Option(
            "--csv",
            metavar="FILE",
            help="The diary: a CSV file with the header date,condition,pain and one line a "
            "day (condition mat or no_mat; an empty pain is a day without a rating). "
            "- reads standard input.",
            show_default=False,
        ),
    ],
    as_json: Annotated[
        bool,
        typer.Option("--json", help="Print the answer as one JSON object for programs."),
    ] = False,
    model: Annotated[
        str,
        option(
            "--model",
            kind=Word(MODELS),
            help="ar1 (days lean on the day before) or iid (independent days, rho fixed at 0).",
        ),
    ] = "ar1",
    trend: Annotated[
        str,
        option(
            "--trend",
            kind=Word(TRENDS),
            help="linear (allow for a steady drift over the weeks) or none.",
        ),
    ] = "linear",
    prior: Annotated[
        str,
        option(
            "--prior",
            kind=Word(PRIORS),
            help="default (acumat's weak prior) or reference (the data alone: with --model "
            "iid, a t-test's numbers).",
        ),
    ] = "default",
    washout_days: Annotated[
        int,
        option(
            "--washout-days",
            kind=Whole(0, 14, 1),
            help="Leave out this many first days of each period, while the change of "
            "condition settles.",
        ),
    ] = 1,
    mcid: Annotated[
        float | None,
        option(
            "--mcid",
            kind=Decimal(0, 10, "1.5", above_low=True),
            help="The smallest drop in pain (points) that you would call a real "
            "improvement. Default 2 points.",
        ),
    ] = None,
) -> None:
    """Does the mat help? Analyse a diary of daily pain with and without the mat.

    Each run of days in a row with the same condition is a period. The answer is the
    average benefit (points of pain lower on mat days), its 95% credible range, the chance
    of any benefit and of a noticeable one, and a sentence that says what it means. Days
    may be missing; dates may come in any order, each at most once.

    \b
    Examples:
      acumat trial analyze --csv pain.csv
      acumat trial analyze --csv pain.csv --json
      acumat trial analyze --csv pain.csv --model iid --trend none --washout-days 0
    """
    from acumat.trial.analysis import AnalysisOptions, Model, Prior, Trend
    from acumat.trial.answer import answer_pain
    from acumat.trial.csv_input import read_pain_csv
    from acumat.trial.minimum import NotEnoughData

    series = read_pain_csv(_read_text(csv))
    options = AnalysisOptions(Model(model), Trend(trend), Prior(prior), washout_days, mcid)
    found = answer_pain(series, options)
    if isinstance(found, NotEnoughData):
        raise InvalidInput.single("", _not_enough(found))
    if as_json:
        emit_json(found.contract())
    else:
        show_answer(found)


app.command(name="analyze")(analyze)


def _read_text(path: str) -> str:
    """The text of the file at ``path`` (``-``: standard input), or a refusal on --csv."""
    if path == "-":
        return sys.stdin.read()
    from acumat.files import read_text_file

    return read_text_file(Path(path), "--csv", MAX_BYTES)


def _not_enough(found: NotEnoughData) -> str:
    from acumat.trial import sentence

    said = sentence.not_enough(found)
    if any(s.code == "periods" for s in found.shortfalls):
        said.append(WASHOUT_HINT.format(days=found.washout_days))
    return " ".join(said)


def show_answer(found: PainAnswer) -> None:
    """The sentence, then a short table of the numbers behind it."""
    from acumat.trial import sentence

    result = found.primary
    typer.echo(found.sentence + "\n")
    for label, value in _rows(result):
        typer.echo(f"  {label:<40} {value}")
    if found.sensitivity:
        typer.echo("\nHow sure is this? The same data analysed in other reasonable ways:")
        for name, other in found.sensitivity.items():
            typer.echo(f"  {sentence.SENSITIVITY_LABELS[name]:<40} {_in_brief(other)}")
    for warning in found.warnings:
        typer.echo(f"\nWarning: {warning}")


def _rows(result: PainResult) -> list[tuple[str, str]]:
    from acumat.trial.sentence import CATEGORY_LABELS, percent, points

    low, high = result.cri95
    mcid, bands = points(result.mcid), result.bands
    return [
        ("Benefit (points lower with the mat)", f"{result.benefit_mean:.1f}"),
        ("95% credible range", f"{low:.1f} to {high:.1f}"),
        ("Chance of any benefit", percent(result.p_benefit)),
        (f"Chance of {mcid} or more", percent(result.p_mcid)),
        ("Chance pain is worse with the mat", percent(result.p_harm)),
        (f"Chance it is worse by {mcid} or more", percent(bands.worse_by_mcid)),
        ("Result", CATEGORY_LABELS[result.category]),
        ("Days used", _days_used(result)),
        ("Day-to-day correlation (rho)", f"{result.rho_post_mean:.2f}"),
        ("Model", _model(result)),
    ]


def _days_used(result: PainResult) -> str:
    text = (
        f"{result.n_days_used} ({result.n_days_used_mat} with the mat, "
        f"{result.n_days_used_no_mat} without)"
    )
    if result.n_excluded_washout:
        text += f"; {result.n_excluded_washout} washout days left out"
    if result.n_missing:
        text += f"; {result.n_missing} days without a rating"
    return text


def _model(result: PainResult) -> str:
    options = result.options
    trend = "linear trend" if options.trend == "linear" else "no trend"
    washout = f"washout {options.washout_days} day" + ("" if options.washout_days == 1 else "s")
    return f"{options.model}, {trend}, {options.prior} prior, {washout}"


def _in_brief(result: PainResult | NotEnoughData) -> str:
    from acumat.trial.minimum import NotEnoughData
    from acumat.trial.sentence import CATEGORY_LABELS

    if isinstance(result, NotEnoughData):
        return "not enough data"
    low, high = result.cri95
    label = CATEGORY_LABELS[result.category]
    return f"{label}: {result.benefit_mean:.1f} ({low:.1f} to {high:.1f})"
