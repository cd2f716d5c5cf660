"""``acumat session``: a guided mat session at the terminal, timed, and saved however it ends.

The steps come from ``plan/steps.toml`` (:mod:`acumat.plan.steps`); the arithmetic of the
timer and what is saved from :mod:`acumat.plan.guided`; the saves from
:mod:`acumat.services.guided`; the clock and the keyboard are watched by
:mod:`acumat.cli.session_timer`. This module talks to the person.

Guidance goes to stderr and the saved session to stdout (``--json`` for a program). A
session ends in one of four ways: the time runs out; the person types ``s`` and Enter; the
person presses Ctrl+C; or the terminal closes (SIGHUP, or SIGTERM). Each saves the session
at once, before anything else is asked, so nothing is lost; a closed terminal is not asked
anything. ``--minutes`` takes decimals, so ``--minutes 0.1`` is a six-second session, saved
like any other: the documented way to try the whole flow quickly (the terminal tests do).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from acumat.cli import options as kinds
from acumat.cli.core import INTERRUPTED
from acumat.cli.session_timer import (
    CHECK,
    CLOSED,
    HOW_TO_STOP,
    Ended,
    TerminalClosed,
    hangup_raises,
    run_timer,
)
from acumat.cli.state import open_diary

if TYPE_CHECKING:
    from rich.console import Console

    from acumat.actor import Actor
    from acumat.cli.prompts import Question
    from acumat.diary.schemas import MatSessionOut
    from acumat.plan.guided import GuidedSession
    from acumat.plan.steps import SessionSteps
    from acumat.services.guided import Prepared
    from acumat.store.engine import Database

HUNG_UP = 128 + signal.SIGHUP  # the shell's code for a hang-up
MINUTES = kinds.Decimal(0.1, 40, "8")
"""Read as typed: 40 is the plan rules' hard cap (SES-03), written here so --help stays
fast; the person's own limit is the service's to check."""


def register(app: typer.Typer) -> None:
    """Add the ``session`` command to ``app``."""
    app.command(name="session")(session)


def session(
    ctx: typer.Context,
    minutes: Annotated[
        float | None,
        kinds.option(
            "--minutes",
            kind=MINUTES,
            help="Time this session for this many minutes instead of the plan's length, "
            "within your limit (30 unless you changed it; never more than 40). Decimals are "
            "allowed: 0.1 is a six-second try of the whole flow, saved like any session.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the saved session as JSON.")
    ] = False,
) -> None:
    """Lie on the mat with a timer: the steps, a progress bar, and a bell when time is up.

    It asks your pain now, shows how to lie down, times the session the plan holds for you
    (or --minutes), and asks your pain and your skin afterwards. However it ends — the time
    is up, you type s and Enter, you press Ctrl+C or the terminal closes — the session is
    saved at once with the minutes you did; a session stopped early asks why.

    \b
    Examples:
      acumat session
      acumat session --minutes 8
    """
    from acumat.plan.steps import load_steps
    from acumat.services import guided

    db, actor = open_diary(ctx)
    try:
        prepared = guided.prepare(db, actor, minutes)
    except guided.NothingPlanned as exc:
        nothing_planned(exc.plan.status, exc.plan.rules[0], as_json=as_json)
    if not sys.stdin.isatty():
        refuse_without_terminal()
    out = guidance_console()
    introduce(prepared, out)
    pain = ask_pain_before(actor)
    steps = load_steps()
    show_steps(prepared, steps, out)
    typer.prompt("Press Enter to start the timer", default="", show_default=False, err=True)
    with hangup_raises() as line:
        underway = guided.begin(prepared, actor, pain)
        ended = run_timer(underway.timing.minutes, line, out, steps)
        saved = save(db, actor, underway, ended)
        saved = ask_afterwards(db, actor, saved, ended, steps, out)
    report(saved, actor, as_json=as_json)
    show_next(db, actor)


# --- before the timer ------------------------------------------------------------------------


def nothing_planned(status: str, rule: str, *, as_json: bool) -> NoReturn:
    """No mat use may be planned: why, and what moves the plan on (exit 1, nothing started;
    on stderr under --json, where stdout is kept for a saved session)."""
    from acumat.cli.plan import NEXT_STEP

    typer.echo(status, err=as_json)
    typer.echo(NEXT_STEP[rule], err=as_json)
    raise typer.Exit(1)


def refuse_without_terminal() -> NoReturn:
    typer.echo(
        "Error: acumat session guides you at a terminal, and no one is typing here. To "
        "record a session you have had: acumat log session --minutes 10 --before 5 --after 4",
        err=True,
    )
    raise typer.Exit(2)


def guidance_console() -> Console:
    from acumat.cli.safety_text import console

    return console(err=True)


def introduce(prepared: Prepared, out: Console) -> None:
    """The length and why, a chosen length said as such, and a second session confirmed."""
    planned = prepared.planned
    layer = " on a fabric layer" if prepared.fabric_layer else ""
    if prepared.later_day:
        out.print(
            f"You have had a mat session today; the plan's next one is on {planned.date:%a %d %b}."
        )
        if not typer.confirm("Start another one now anyway?", default=False, err=True):
            typer.echo("Nothing was started.", err=True)
            raise typer.Exit(1)
    if prepared.chosen:
        out.print(
            f"This session: {prepared.minutes:g} minutes{layer}, as you chose, instead of the "
            f"planned {planned.minutes} (your limit is {prepared.plan.cap} minutes)."
        )
    else:
        out.print(f"This session: {planned.minutes} minutes{layer}. Why: {planned.reason}")


def ask_pain_before(actor: Actor) -> int:
    from acumat.cli.prompts import Question, ask_until_valid

    question = Question(
        text="Your back pain now (0 no pain, 10 worst imaginable)",
        label="Pain now",
        kind=kinds.Whole(0, 10, 5),
    )
    pain: int = ask_until_valid(question, "pain_before", "session", {}, actor, required=True)
    return pain


def show_steps(prepared: Prepared, steps: SessionSteps, out: Console) -> None:
    out.print("\nBefore you start:")
    for number, step in enumerate(steps.before(fabric_layer=prepared.fabric_layer), 1):
        out.print(f"  {number}. {step.say(CHECK)}")
    out.print(HOW_TO_STOP)


# --- saving and afterwards ---------------------------------------------------------------------


def save(db: Database, actor: Actor, underway: GuidedSession, ended: Ended) -> MatSessionOut:
    """Save the session now, however it ended; a closed terminal ends the command here."""
    from acumat.services import guided

    if not ended.early:
        return guided.save_finished(db, actor, underway)
    saved = guided.save_stopped(db, actor, underway, ended.seconds)
    if ended.how == CLOSED:
        raise typer.Exit(HUNG_UP)
    return saved


def ask_afterwards(
    db: Database,
    actor: Actor,
    saved: MatSessionOut,
    ended: Ended,
    steps: SessionSteps,
    out: Console,
) -> MatSessionOut:
    """The end cue or the early stop and why, then pain and skin; each answer is saved.

    The session is already saved: a Ctrl+C or a closed terminal here keeps it as it is.
    """
    from acumat.services import guided

    try:
        if ended.early:
            saved = ask_why_stopped(db, actor, saved, steps, out)
        else:
            show_end(steps, out)
        pain_after, skin = ask_pain_and_skin(actor)
        return guided.note_afterwards(db, actor, saved.id, pain_after, skin) or saved
    except (KeyboardInterrupt, typer.Abort):  # a prompt turns Ctrl+C into Abort
        typer.echo(
            f"\nYour session is saved as it was. To add the rest: acumat log session "
            f"--edit {saved.id} --after N --skin WORD",
            err=True,
        )
        raise typer.Exit(INTERRUPTED) from None
    except TerminalClosed:
        raise typer.Exit(HUNG_UP) from None


def show_end(steps: SessionSteps, out: Console) -> None:
    """The bell and a cue no one can miss, then how to get up."""
    from rich.panel import Panel
    from rich.text import Text

    out.bell()
    out.print(Panel(Text(steps.at("end").say(CHECK), style="bold green"), expand=False))
    out.print(steps.at("after").say(CHECK))


def ask_why_stopped(
    db: Database, actor: Actor, saved: MatSessionOut, steps: SessionSteps, out: Console
) -> MatSessionOut:
    """Say the session is saved, ask why it stopped, and answer a worrying reason calmly."""
    from acumat.cli.output import number
    from acumat.diary.vocabulary import STOP_REASONS
    from acumat.plan.guided import UNTIL_TOLD
    from acumat.services import guided

    out.print(f"\nStopped. Saved as stopped early, after {number(saved.actual_minutes)} min.")
    reason = ask_word(
        actor, "stop_reason", "Why did you stop?", "Why you stopped", STOP_REASONS, UNTIL_TOLD
    )
    if reason != UNTIL_TOLD:
        saved = guided.note_stop_reason(db, actor, saved.id, reason)
    calm = steps.after_stop(reason)
    out.print((calm or steps.at("after")).say(CHECK))
    return saved


def ask_pain_and_skin(actor: Actor) -> tuple[int | None, str | None]:
    from acumat.cli.prompts import Question, ask_until_valid
    from acumat.diary.vocabulary import SKIN_REACTIONS

    question = Question(
        text="Once you are up: your back pain now (0-10; Enter skips)",
        label="Pain after",
        kind=kinds.Whole(0, 10, 4),
    )
    pain = ask_until_valid(question, "pain_after", "session", {}, actor, required=False)
    skin = ask_word(
        actor, "skin_reaction", "Your skin where it lay on the mat", "Skin afterwards",
        SKIN_REACTIONS, "none",
    )  # fmt: skip
    return pain, skin


def ask_word(
    actor: Actor, name: str, text: str, label: str, words: Mapping[str, str], default: str
) -> str:
    """One word of ``words``, asked by number with their labels; Enter means ``default``."""
    from acumat.cli.prompts import ask_until_valid

    for number, meaning in enumerate(words.values(), 1):
        typer.echo(f"  {number:>2}  {meaning}", err=True)
    question = _word_question(text, label, words, default)
    answered = {"stopped_early": True} if name == "stop_reason" else {}
    found: str | None = ask_until_valid(question, name, "session", answered, actor, required=False)
    return default if found is None else found


def _word_question(text: str, label: str, words: Mapping[str, str], default: str) -> Question:
    from acumat.cli.prompts import Question

    hint = f"a number; Enter: {words[default].lower()}"
    return Question(text=f"{text} ({hint})", label=label, kind=kinds.Word(words))


def report(saved: MatSessionOut, actor: Actor, *, as_json: bool) -> None:
    """The saved session on stdout: JSON, or one sentence."""
    from acumat.cli.output import emit_json, summary

    if as_json:
        emit_json(saved)
        return
    ended = "stopped early" if saved.stopped_early else "done"
    typer.echo(f"Saved mat session {saved.id} ({ended}): {summary('session', saved, actor.zone)}.")


def show_next(db: Database, actor: Actor) -> None:
    """What the plan holds next, now that this session counts (on stderr)."""
    from acumat.services.plan import current_plan

    typer.echo(f"Next: {current_plan(db, actor).status}", err=True)
