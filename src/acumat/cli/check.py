"""``acumat check``: the safety questions, their result, and a clinician's approval.

Rendering lives here; every decision is the safety engine's, reached through
:mod:`acumat.services.screening`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli.core import AcumatGroup
from acumat.cli.options import DAY, option
from acumat.cli.output import emit_json
from acumat.cli.state import state

if TYPE_CHECKING:
    from acumat.safety import Item

app = typer.Typer(cls=AcumatGroup, invoke_without_command=True)
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also show rule and source ids.")]
YOUNGER = (
    "acumat's questions are written for people aged 16 and over; for someone younger, "
    "please ask a GP, a pharmacist or NHS 111 about their back"
)


@app.callback()
def check(
    ctx: typer.Context,
    items: Annotated[bool, typer.Option("--items", help="List the questions.")] = False,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", metavar="FILE", help="JSON file mapping question ids to answers."
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Evaluate --answers without saving.")
    ] = False,
    verbose: Verbose = False,
    as_json: AsJson = False,
) -> None:
    """Is it safe to use a mat now, and do you need a doctor? Answer the safety questions.

    You get what to do now, whether a mat is safe for you, and why.

    Without options the questions are asked one at a time, and an answer that needs help
    straight away stops the questions and tells you what to do. The result is saved, and
    an urgent one is shown first by every command until you answer the questions again.

    \b
    Examples:
      acumat check
      acumat check status
      acumat check --items --json
      acumat check --answers answers.json --json --dry-run
    """
    if ctx.invoked_subcommand is not None:
        return
    _refuse_mixed_options(items=items, answers=answers, dry_run=dry_run)
    if items:
        _print_items(as_json)
    elif answers is not None:
        _check_file(ctx, answers, dry_run=dry_run, as_json=as_json, verbose=verbose)
    else:
        _ask(ctx, as_json=as_json, verbose=verbose)


@app.command()
def approve(
    ctx: typer.Context,
    clinician: Annotated[
        str, typer.Option("--clinician", metavar="NAME", help="Who approved, e.g. 'Dr Lee, GP'.")
    ],
    on: Annotated[
        str | None,
        option(
            "--on",
            kind=DAY,
            help="Day they said so: YYYY-MM-DD, today or yesterday; default today.",
        ),
    ] = None,
    note: Annotated[str, typer.Option("--note", metavar="TEXT", help="Anything they added.")] = "",
    as_json: AsJson = False,
) -> None:
    """Record that a clinician said using a mat is fine, clearing a caution-consult verdict.

    A "check with a clinician" result stays until you record their answer here.

    Example: acumat check approve --clinician "Dr Lee, GP" --on 2026-03-14
    """
    from acumat.cli import input as typed
    from acumat.services import screening

    cli = state(ctx)
    actor = cli.actor()
    day = typed.day(on, actor.today()) if on else actor.today()
    raw = {"clinician": clinician, "approved_on": day.isoformat(), "note": note}
    approval = screening.record_approval(cli.database(), actor, raw)
    if as_json:
        emit_json(approval)
        return
    typer.echo(f"Recorded: {approval.clinician} approved mat use on {approval.approved_on}.")


@app.command()
def status(ctx: typer.Context, verbose: Verbose = False, as_json: AsJson = False) -> None:
    """Show your latest safety result, when it was given, and whether a mat may be used now.

    Example: acumat check status --verbose
    """
    from acumat.cli.safety_text import print_status
    from acumat.services import screening

    cli = state(ctx)
    current = screening.mat_status(cli.database(), cli.actor())
    if as_json:
        emit_json(current)
        return
    actor = cli.actor()
    print_status(current, actor.zone, region=actor.region, verbose=verbose)


def _refuse_mixed_options(*, items: bool, answers: Path | None, dry_run: bool) -> None:
    from acumat.errors import InvalidInput

    if items and answers is not None:
        raise InvalidInput.single("items", "use --items or --answers, not both")
    if dry_run and answers is None:
        raise InvalidInput.single("dry-run", "--dry-run needs --answers FILE")


def _print_items(as_json: bool) -> None:
    from acumat.safety import screening_items

    listed = screening_items()
    if as_json:
        emit_json([item.to_dict() for item in listed])
        return
    for item in listed:
        typer.echo(f"{item.id:28} {item.kind:9} {item.text}")


def _check_file(
    ctx: typer.Context, path: Path, *, dry_run: bool, as_json: bool, verbose: bool
) -> None:
    from acumat.services import screening

    answers = screening.read_answers_file(path)
    cli = state(ctx)
    actor = cli.actor()
    if dry_run:
        result = screening.judge(answers, actor.region).contract()
    else:
        result = screening.record_screening(cli.database(), actor, answers).contract()
    _finish(result, region=actor.region, as_json=as_json, verbose=verbose, saved=not dry_run)


def _ask(ctx: typer.Context, *, as_json: bool, verbose: bool) -> None:
    from acumat.safety import load_ruleset, missing_items
    from acumat.services import screening

    if not _is_terminal():
        from acumat.errors import InvalidInput

        raise InvalidInput.single(
            "answers", "no terminal to ask questions at; pass --answers FILE (see --items)"
        )
    cli = state(ctx)
    actor = cli.actor()
    if screening.latest_screening(cli.database(), actor) is None:
        typer.echo(region_notice(actor.region), err=True)
    answers: dict[str, Any] = {}
    shown_group = ""
    while gaps := missing_items(answers):
        item = load_ruleset().items[gaps[0]]
        shown_group = _show_group(item, shown_group)
        answers[item.id] = _ask_one(item)
        stopped = screening.record_emergency_stop(cli.database(), actor, answers)
        if stopped is not None:
            _finish(stopped.contract(), region=actor.region, as_json=as_json, verbose=verbose)
            return
    result = screening.record_screening(cli.database(), actor, answers).contract()
    _finish(result, region=actor.region, as_json=as_json, verbose=verbose)


def region_notice(code: str) -> str:
    """The one line a person reads before their first check: which region acumat took from
    the computer, its emergency number, and how to change it. Shown only while they have
    no result yet, so once, with no setting to remember it by."""
    from acumat.safety.regions import region

    guessed = region(code)
    return (
        f"acumat took your region from this computer: {guessed.name} (emergency number "
        f"{guessed.emergency_number}). If that is wrong, change it with "
        "`acumat settings --region CODE`."
    )


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _show_group(item: Item, shown: str) -> str:
    from acumat.safety import load_ruleset

    if item.group != shown:
        title = next(g.title for g in load_ruleset().groups if g.id == item.group)
        typer.echo(f"\n{title}", err=True)
    return item.group


def _ask_one(item: Item) -> str:
    """Ask until the answer is one the question allows, naming the question when it is not.

    A number is taken exactly or refused (``12`` is never 120); only yes/no/unsure have
    short forms (``y``, ``n``, ``u``).
    """
    from acumat.safety.model import NumberRange

    if item.help:
        typer.echo(f"  ({item.help})", err=True)
    if isinstance(item.answers, NumberRange):
        hint = f"{item.answers.min}-{item.answers.max}"
    else:
        hint = "/".join(item.answers)
    while True:
        typed_answer = str(typer.prompt(f"{item.text} [{hint}]", err=True))
        try:
            return _read_answer(item, typed_answer)
        except ValueError as refused:
            typer.echo(f'  "{item.text}": {refused}. Please answer again.', err=True)


def _read_answer(item: Item, text: str) -> str:
    """One answer to ``item`` exactly as allowed, or :class:`ValueError` saying why not."""
    from acumat.cli import input as typed
    from acumat.safety.model import NumberRange

    if isinstance(item.answers, NumberRange):
        low, high = item.answers.min, item.answers.max
        if item.id == "age" and text.strip().isdigit() and int(text.strip()) < low:
            raise ValueError(YOUNGER)
        return str(typed.whole_number(text, low, high))
    answer = text.strip().lower()
    found = [a for a in item.answers if answer and a.startswith(answer)]
    if len(found) != 1:
        raise ValueError(f"please answer {', '.join(item.answers)} (the first letter is enough)")
    return found[0]


def _finish(
    result: dict[str, Any], *, region: str, as_json: bool, verbose: bool, saved: bool = True
) -> None:
    from acumat.cli.safety_text import print_result

    if as_json:
        emit_json(result)
    else:
        print_result(result, region=region, verbose=verbose, saved=saved)
