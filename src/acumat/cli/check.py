"""``acumat check``: the safety questions, their result, and a clinician's approval.

Rendering lives here; every decision is the safety engine's, reached through
:mod:`acumat.services.screening`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli.output import emit_json
from acumat.cli.state import state

if TYPE_CHECKING:
    from acumat.safety import Item, TriageResult
    from acumat.safety.schemas import MatStatus

app = typer.Typer(
    help="Is it safe to use a mat now, and do you need a doctor? Answer the safety questions.",
    invoke_without_command=True,
)
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]


@app.callback()
def check(
    ctx: typer.Context,
    items: Annotated[bool, typer.Option("--items", help="List the questions.")] = False,
    answers: Annotated[
        Path | None, typer.Option("--answers", help="JSON file mapping question ids to answers.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Evaluate --answers without saving.")
    ] = False,
    as_json: AsJson = False,
) -> None:
    """Answer the safety questions and get what to do now, whether a mat is safe, and why.

    Without options the questions are asked one at a time, and an answer that needs help
    straight away stops the questions and tells you what to do. The result is saved.

    \b
    Example:
      acumat check
      acumat check --items --json
      acumat check --answers answers.json --json --dry-run
    """
    if ctx.invoked_subcommand is not None:
        return
    _refuse_mixed_options(items=items, answers=answers, dry_run=dry_run)
    if items:
        _print_items(as_json)
    elif answers is not None:
        _check_file(ctx, answers, dry_run=dry_run, as_json=as_json)
    else:
        _ask(ctx, as_json=as_json)


@app.command()
def approve(
    ctx: typer.Context,
    clinician: Annotated[str, typer.Option("--clinician", help="Who approved, e.g. 'Dr Lee, GP'.")],
    on: Annotated[str | None, typer.Option("--on", help="Day they said so; default today.")] = None,
    note: Annotated[str, typer.Option("--note", help="Anything they added.")] = "",
    as_json: AsJson = False,
) -> None:
    """Record that a clinician said using a mat is fine, clearing a caution-consult verdict.

    Example: acumat check approve --clinician "Dr Lee, GP" --on 2026-03-14
    """
    from acumat.services import screening

    cli = state(ctx)
    actor = cli.actor()
    raw = {"clinician": clinician, "approved_on": on or actor.today().isoformat(), "note": note}
    approval = screening.record_approval(cli.database(), actor, raw)
    if as_json:
        emit_json(approval)
        return
    typer.echo(f"Recorded: {approval.clinician} approved mat use on {approval.approved_on}.")


@app.command()
def status(ctx: typer.Context, as_json: AsJson = False) -> None:
    """Show your latest safety result and whether a mat may be used now.

    Example: acumat check status
    """
    from acumat.services import screening

    cli = state(ctx)
    current = screening.mat_status(cli.database(), cli.actor())
    if as_json:
        emit_json(current)
        return
    _print_status(current)


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


def _check_file(ctx: typer.Context, path: Path, *, dry_run: bool, as_json: bool) -> None:
    from acumat.services import screening

    answers = screening.read_answers_file(path)
    if dry_run:
        result = screening.judge(answers).contract()
    else:
        cli = state(ctx)
        stored = screening.record_screening(cli.database(), cli.actor(), answers)
        result = stored.contract()
    if as_json:
        emit_json(result)
        return
    _print_result(result)


def _ask(ctx: typer.Context, *, as_json: bool) -> None:
    from acumat.safety import load_ruleset, missing_items
    from acumat.services import screening

    if not _is_terminal():
        from acumat.errors import InvalidInput

        raise InvalidInput.single(
            "answers", "no terminal to ask questions at; pass --answers FILE (see --items)"
        )
    cli = state(ctx)
    answers: dict[str, Any] = {}
    shown_group = ""
    while gaps := missing_items(answers):
        item = load_ruleset().items[gaps[0]]
        shown_group = _show_group(item, shown_group)
        answers[item.id] = _ask_one(item)
        stopped = screening.record_emergency_stop(cli.database(), cli.actor(), answers)
        if stopped is not None:
            _finish(stopped.contract(), as_json)
            return
    _finish(screening.record_screening(cli.database(), cli.actor(), answers).contract(), as_json)


def _is_terminal() -> bool:
    return sys.stdin.isatty()


def _show_group(item: Item, shown: str) -> str:
    from acumat.safety import load_ruleset

    if item.group != shown:
        title = next(g.title for g in load_ruleset().groups if g.id == item.group)
        typer.echo(f"\n{title}", err=True)
    return item.group


def _ask_one(item: Item) -> str:
    """Ask until the answer is one the question allows (y/n/u are accepted as short forms)."""
    from acumat.safety.model import NumberRange

    if item.help:
        typer.echo(f"  ({item.help})", err=True)
    if isinstance(item.answers, NumberRange):
        allowed = [str(n) for n in range(item.answers.min, item.answers.max + 1)]
        hint = f"{item.answers.min}-{item.answers.max}"
    else:
        allowed, hint = list(item.answers), "/".join(item.answers)
    while True:
        answer = str(typer.prompt(f"{item.text} [{hint}]", err=True)).strip().lower()
        if not isinstance(item.answers, NumberRange):  # "y" for yes; a number must be exact
            answer = next((a for a in allowed if answer and a.startswith(answer)), answer)
        if answer in allowed:
            return answer
        typer.echo(f"  Please answer {hint}.", err=True)


def _finish(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(result)
    else:
        _print_result(result)


def _print_result(result: dict[str, Any] | TriageResult) -> None:
    from acumat.cli.safety_text import render_result

    typer.echo(render_result(result if isinstance(result, dict) else result.to_dict()))


def _print_status(current: MatStatus) -> None:
    from acumat.cli.safety_text import render_status

    typer.echo(render_status(current))
