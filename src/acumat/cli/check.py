"""``acumat check``: the safety questions, their result, and a clinician's approval.

Rendering lives here; every decision is the safety engine's, reached through
:mod:`acumat.services.screening`.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli.core import AcumatGroup
from acumat.cli.options import DAY, option
from acumat.cli.output import emit_json
from acumat.cli.state import state

if TYPE_CHECKING:
    from acumat.errors import Problem
    from acumat.present.fields import FieldInfo
    from acumat.safety import Item

app = typer.Typer(cls=AcumatGroup, invoke_without_command=True)
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
Verbose = Annotated[bool, typer.Option("--verbose", "-v", help="Also show rule and source ids.")]
APPROVAL_FLAGS = {"approved_on": "on"}
"""Fields of a clinician's approval whose flag is not named after them (``--on``)."""
ASK_AGAIN = "Please answer again."
TOO_YOUNG_AGAIN = "If you typed it by mistake, answer again; otherwise stop here with Ctrl+C."


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
    with _named_by_flag(APPROVAL_FLAGS):
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
    from acumat.services.care import instead_answers

    answers = instead_answers(cli.database(), actor)
    print_status(current, actor.zone, region=actor.region, verbose=verbose, answers=answers)


@contextmanager
def _named_by_flag(flags: Mapping[str, str]) -> Iterator[None]:
    """Refusals of fields named ``flags``' keys re-raised naming their option instead, so
    the message names the flag a person typed (``--on``), never a field key."""
    from acumat.errors import InvalidInput

    try:
        yield
    except InvalidInput as exc:
        renamed = [dataclasses.replace(p, field=flags.get(p.field, p.field)) for p in exc.problems]
        raise InvalidInput(renamed) from exc


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
    _finish(
        result,
        region=actor.region,
        as_json=as_json,
        verbose=verbose,
        saved=not dry_run,
        answers=answers,
    )


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
        answers[item.id] = _ask_one(item, actor.region)
        stopped = screening.record_emergency_stop(cli.database(), actor, answers)
        if stopped is not None:
            _finish(stopped.contract(), region=actor.region, as_json=as_json, verbose=verbose)
            return
    result = screening.record_screening(cli.database(), actor, answers).contract()
    _finish(result, region=actor.region, as_json=as_json, verbose=verbose, answers=answers)


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


def _ask_one(item: Item, region: str | None) -> str:
    """Ask until the answer is one the question allows, naming the question when it is not.

    A number is taken exactly or refused (``12`` is never 120); only yes/no/unsure have
    short forms (``y``, ``n``, ``u``). A refusal is worded by the catalogue from the
    question's own range or choices; an age under 16 gets kind advice to see a doctor.
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
        answer, refused = _read_answer(item, typed_answer, region)
        if refused is None:
            return answer
        typer.echo(f"  {refused}", err=True)


def _read_answer(item: Item, text: str, region: str | None) -> tuple[str, str | None]:
    """One answer to ``item`` exactly as allowed, or what to do instead, in words: the
    question, what it takes, and how to go on."""
    from acumat.present.messages import labelled, question_field
    from acumat.safety import load_ruleset
    from acumat.safety.answers import split_valid
    from acumat.safety.model import NumberRange
    from acumat.services.screening import in_their_words

    answer = text.strip().lower()
    if not isinstance(item.answers, NumberRange):
        found = [a for a in item.answers if answer and a.startswith(answer)]
        answer = found[0] if len(found) == 1 else answer
    clean, problems = split_valid({item.id: answer}, load_ruleset())
    if not problems:
        return str(clean[item.id]), None
    (problem,) = in_their_words(problems, region)
    return "", labelled(item.text, _person_words(problem, question_field(item)))


def _person_words(problem: Problem, info: FieldInfo) -> str:
    """What to do about ``problem`` and how to go on, as finished sentences; a choice
    question says that the first letter is enough."""
    from acumat.present.messages import for_person

    if problem.code == "unknown_word":
        return f"please answer {', '.join(info.choices)} (the first letter is enough)."
    text = for_person(problem, info).rstrip(".")
    tail = TOO_YOUNG_AGAIN if problem.code == "below_minimum_age" else ASK_AGAIN
    return f"{text}. {tail}"


def _finish(
    result: dict[str, Any],
    *,
    region: str,
    as_json: bool,
    verbose: bool,
    saved: bool = True,
    answers: Mapping[str, object] | None = None,
) -> None:
    """Print the result; ``answers`` (those just given) decide which alternatives to the mat
    suit the person (none known: warmth is left out, SC-07)."""
    from acumat.cli.safety_text import print_result

    if as_json:
        emit_json(result)
    else:
        print_result(result, region=region, verbose=verbose, saved=saved, answers=answers)
