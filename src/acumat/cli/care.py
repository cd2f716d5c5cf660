"""``acumat care``: short guides for warmth, cold, gentle stretches and a walk, and one of
them timed at the terminal and saved as a care activity.

Which guides a person is offered, the timer's length and the moves' times, and the save
come from :mod:`acumat.services.care`; the clock and the keyboard are watched by
:mod:`acumat.cli.session_timer`, as for a mat session. This module talks to the person.

The list is the command's result (stdout); a guide's words and the timer are guidance
(stderr), and the saved activity is the result again (stdout; ``--json`` for a program).
The timer ends in one of four ways: the time runs out; the person types ``s`` and Enter;
the person presses Ctrl+C; or the terminal closes. Each saves the minutes done at once, as
an activity that has just ended; one stopped before any time had passed saves nothing.
"""

from __future__ import annotations

import signal
import sys
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from acumat.cli import options as kinds
from acumat.cli.core import INTERRUPTED, STOPPED
from acumat.cli.session_timer import (
    CLOSED,
    CTRL_C,
    HOW_TO_STOP,
    Cues,
    Ended,
    hangup_raises,
    run_clock,
)
from acumat.cli.state import open_diary

if TYPE_CHECKING:
    from rich.console import Console

    from acumat.actor import Actor
    from acumat.diary.schemas import CareOut
    from acumat.plan.care import Guide
    from acumat.services.care import CareChoice, CareTimer, GuideLeftOut, UnknownGuide

HUNG_UP = 128 + signal.SIGHUP  # the shell's code for a hang-up
MINUTES = kinds.Decimal(0, 240, "20", above_low=True)
"""240 minutes is the diary's longest care activity (``entry_input.MAX_CARE_MINUTES``),
written here so --help stays fast."""
CHECK = "acumat check"
LEFT_OUT_BECAUSE = {
    "numb_skin": "you said some of your skin feels numb, or you were not sure. On numb skin "
    "you might not notice it getting too hot or too cold",
}
"""Why a guide is left out, by the safety question it is hidden for (SC-07)."""
LEFT_OUT_OTHERWISE = "your latest safety answers rule it out"
REST = "That was the last move. Rest, or repeat any move that felt good, until the time is up."


def register(app: typer.Typer) -> None:
    """Add the ``care`` command to ``app``."""
    app.command(name="care")(care)


def care(
    ctx: typer.Context,
    guide: Annotated[
        str | None,
        typer.Argument(
            metavar="GUIDE",
            help="heat, cold, stretching or walking (or the guide's title, in any letter "
            "case). Leave it out to see the guides for you.",
            show_default=False,
        ),
    ] = None,
    minutes: Annotated[
        float | None,
        kinds.option(
            "--minutes",
            kind=MINUTES,
            help="Time the guide for this many minutes instead of its usual length (more "
            "than 0, at most 240). Decimals are allowed: 0.05 is a three-second try, saved "
            "like any other.",
        ),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the guides, or the saved activity, as JSON.")
    ] = False,
) -> None:
    """Short guides for warmth, cold, gentle stretches and a walk, each with a timer.

    Without GUIDE it lists the guides suggested for you, and says why any are left out.
    With one it shows the steps and what to take care of (for the stretches, each move and
    its time), then times it for its usual length or --minutes, saying each stretch as its
    time comes. When the time is up it is saved in your diary as a care activity; type s
    and Enter or press Ctrl+C to stop early, and the minutes you did are saved.

    \b
    Examples:
      acumat care
      acumat care heat
      acumat care stretching --minutes 5
    """
    from acumat.services import care as service

    db, actor = open_diary(ctx)
    if guide is None:
        list_guides(service.care_choice(db, actor), as_json=as_json)
        return
    try:
        timer = service.prepare_timer(db, actor, guide, minutes)
    except service.UnknownGuide as exc:
        refuse_unknown(exc)
    except service.GuideLeftOut as exc:
        refuse_left_out(exc)
    out = guidance_console()
    show_guide(timer, out)
    if not at_terminal():
        refuse_without_terminal(timer)
    typer.prompt("Press Enter to start the timer", default="", show_default=False, err=True)
    with hangup_raises() as line:
        ended = run_clock(timer.minutes, line, out, cues_of(timer), timer.guide.title)
        saved = service.save_timed(db, actor, timer, ended.seconds)
    report(saved, ended, actor, out, as_json=as_json)


# --- the list of guides ------------------------------------------------------------------------


def list_guides(choice: CareChoice, *, as_json: bool) -> None:
    """The guides offered (title, summary, minutes, how to start one) and any left out."""
    if as_json:
        from acumat.cli.output import emit_json

        emit_json({"offered": guide_list(choice.offered), "left_out": guide_list(choice.left_out)})
        return
    typer.echo("Care for your back: short guides with a timer, saved in your diary when done.")
    for offered in choice.offered:
        typer.echo(f"\n{offered.title}: about {offered.minutes} minutes. acumat care {offered.id}")
        typer.echo(f"  {offered.summary}")
    if choice.left_out:
        titles = " and ".join(g.title for g in choice.left_out)
        typer.echo(
            f"\nNot suggested for you: {titles}. {why_left_out(choice.left_out[0])}, so "
            f"acumat leaves them out. If that has changed: {CHECK}"
        )


def guide_list(guides: list[Guide]) -> list[dict[str, object]]:
    return [
        {"id": g.id, "title": g.title, "minutes": g.minutes, "summary": g.summary} for g in guides
    ]


def why_left_out(guide: Guide) -> str:
    """Why ``guide`` is left out, as a sentence without its full stop, capitalised."""
    reasons = [LEFT_OUT_BECAUSE.get(q, LEFT_OUT_OTHERWISE) for q in guide.hidden_when]
    reason = reasons[0] if reasons else LEFT_OUT_OTHERWISE
    return reason[:1].upper() + reason[1:]


# --- refusals (exit 2, nothing started) ---------------------------------------------------------


def refuse_unknown(exc: UnknownGuide) -> NoReturn:
    from acumat.cli.output import safe_text

    choices = ", ".join(exc.choices[:-1]) + f" or {exc.choices[-1]}"
    typer.echo(
        f'Error: GUIDE: there is no guide called "{safe_text(exc.name)}"; choose {choices} '
        "(to see them: acumat care)",
        err=True,
    )
    raise typer.Exit(2)


def refuse_left_out(exc: GuideLeftOut) -> NoReturn:
    """The guide is not for this person: why, and the guides that are."""
    others = ", ".join(f"acumat care {g.id}" for g in exc.others)
    typer.echo(
        f"Error: {exc.guide.title} is not for you, for now. {why_left_out(exc.guide)}, so "
        f"please do not use it. The other guides: {others}. If that has changed: {CHECK}",
        err=True,
    )
    raise typer.Exit(2)


def at_terminal() -> bool:
    """Whether someone is typing here (a timer needs them to start and stop it)."""
    return sys.stdin.isatty()


def refuse_without_terminal(timer: CareTimer) -> NoReturn:
    typer.echo(
        "Error: acumat care times a guide at a terminal, and no one is typing here. To record "
        f"care you have done: acumat log care --kind {timer.guide.id} --minutes "
        f"{timer.guide.minutes}",
        err=True,
    )
    raise typer.Exit(2)


# --- the guide and its timer -------------------------------------------------------------------


def guidance_console() -> Console:
    from acumat.cli.safety_text import console

    return console(err=True)


def show_guide(timer: CareTimer, out: Console) -> None:
    """The length, the steps, each move with its time, and the cautions."""
    guide = timer.guide
    if timer.chosen:
        out.print(
            f"{guide.title}: {timer.minutes:g} minutes, as you chose (usually {guide.minutes})."
        )
    else:
        out.print(f"{guide.title}: {guide.minutes} minutes.")
    out.print(guide.evidence)
    out.print("\nHow:")
    for number, step in enumerate(timer.steps, 1):
        out.print(f"  {number}. {step}")
    if timer.moves:
        out.print("\nThe moves, one after another:")
        for cue in timer.moves:
            out.print(f"  {cue.number}. {cue.move.name} ({duration(cue.seconds)}): {cue.move.text}")
    if timer.cautions:
        out.print("\nTake care:")
        for caution in timer.cautions:
            out.print(f"  - {caution}")
    out.print(f"\n{HOW_TO_STOP}")


def duration(seconds: float) -> str:
    """``2 minutes``, ``1.5 minutes``, ``40 seconds``: a move's time in words."""
    whole = max(1, int(-(-round(seconds, 6) // 1)))
    if whole < 60:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = round(whole / 60, 1)
    return f"{minutes:g} minute{'s' if minutes != 1 else ''}"


def cues_of(timer: CareTimer) -> Cues:
    """Each stretching move as its time comes, then the word to rest (nothing for others)."""

    def due(since: float, now: float) -> list[str]:
        said = [
            f"Move {cue.number} of {len(timer.moves)}: {cue.move.name}, for "
            f"{duration(cue.seconds)}. {cue.move.text}"
            for cue in timer.moves_due(since, now)
        ]
        return [*said, REST] if timer.rest_due(since, now) else said

    return due


# --- afterwards --------------------------------------------------------------------------------


def report(
    saved: CareOut | None, ended: Ended, actor: Actor, out: Console, *, as_json: bool
) -> None:
    """What was saved (stdout), or that nothing was; a closed terminal is told nothing."""
    if ended.how == CLOSED:
        raise typer.Exit(HUNG_UP)
    if not ended.early:
        show_end(out)
    if saved is None:
        said = STOPPED if ended.early else "That was too short to keep: nothing was saved."
        typer.echo(f"\n{said}", err=True)
        raise typer.Exit(INTERRUPTED if ended.how == CTRL_C else 1)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(saved)
        return
    from acumat.cli.output import summary

    done = "stopped early" if ended.early else "done"
    typer.echo(f"Saved care activity {saved.id} ({done}): {summary('care', saved, actor.zone)}.")


def show_end(out: Console) -> None:
    """The bell and a cue no one can miss."""
    from rich.panel import Panel
    from rich.text import Text

    out.bell()
    out.print(Panel(Text("Time is up.", style="bold green"), expand=False))
