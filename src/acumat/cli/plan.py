"""``acumat plan``: your next mat sessions, how long, on a fabric layer or not, and why."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.options import DAY, option
from acumat.cli.state import open_diary

if TYPE_CHECKING:
    from acumat.plan import Plan


NEXT_STEP = {
    "PLAN-NOT-SCREENED": "Answer the safety questions: acumat check",
    "PLAN-DO-NOT-USE": "What you can do instead: acumat check status",
    "PLAN-NEEDS-CLINICIAN": "Once a clinician has said a mat is fine: acumat check approve",
    "PLAN-SKIN-PAUSE": "Once your skin has healed: acumat plan --skin-healed today",
}
"""The command that moves a plan on, by the rule that stopped it."""


def register(app: typer.Typer) -> None:
    """Add the ``plan`` command to ``app``."""
    app.command(name="plan")(plan)


def plan(
    ctx: typer.Context,
    skin_healed_on: Annotated[
        str | None,
        option(
            "--skin-healed",
            kind=DAY,
            help="Your skin has fully healed after a reaction to the mat (on DAY: YYYY-MM-DD, "
            "today or yesterday); the paused plan starts again, gently.",
        ),
    ] = None,
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write your calendar to FILE (.ics): the planned sessions, your "
            "reminders and review days, for any calendar app. Importing a newer file "
            "updates the events instead of adding copies.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
) -> None:
    """Show your next mat sessions: how long, whether on a fabric layer, and why.

    The plan starts short (5 minutes on a fabric layer), grows by at most 5 minutes after
    a session that went well, steps back after one that hurt or that you stopped, and
    pauses after skin damage until you say it has healed. It never plans a session longer
    than your limit (30 minutes unless you change it with `acumat settings --mat-cap`,
    never more than 40), and none at all while your safety result says not to use a mat.

    The sessions go in your calendar at the time you choose with `acumat settings
    --session-time` (20:00 unless you change it), with your other reminders.

    \b
    Examples:
      acumat plan
      acumat plan --skin-healed today
      acumat plan --ics acumat.ics
    """
    from acumat.cli import input as typed
    from acumat.services import plan as service

    db, actor = open_diary(ctx)
    if skin_healed_on is not None:
        result = service.record_skin_healed(db, actor, typed.day(skin_healed_on, actor.today()))
    else:
        result = service.current_plan(db, actor)
    if ics is not None:
        from pathlib import Path

        from acumat.services.reminders import write_calendar

        written = write_calendar(db, actor, Path(ics))
        events = "1 event" if written.events == 1 else f"{written.events} events"
        note = f"Your calendar is in {ics} ({events})."
        typer.echo(note, err=as_json)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(result.contract())
        return
    show(result, healed=skin_healed_on is not None)


def show(result: Plan, *, healed: bool = False) -> None:
    """The plan as a short table, or the reason there is none and what to do."""
    from rich.console import Console
    from rich.table import Table

    if healed:
        typer.echo("Noted: your skin has healed.")
    typer.echo(result.status)
    if not result.sessions:
        typer.echo(NEXT_STEP[result.rules[0]])
        return
    typer.echo(f"Why: {result.sessions[0].reason}")
    grid = Table(title="Your next mat sessions", title_justify="left", show_edge=False)
    for column in ("day", "minutes", "fabric layer"):
        grid.add_column(column)
    for planned in result.sessions:
        grid.add_row(
            f"{planned.date:%a} {planned.date.isoformat()}",
            str(planned.minutes),
            "yes" if planned.fabric_layer else "no",
        )
    Console(markup=False, highlight=False).print(grid)
    typer.echo(
        "Each later session assumes the one before it goes well; the plan changes with how "
        f"your sessions go. Your limit: {result.cap} minutes.\n"
        "Stop at once if the pain turns sharp or gets worse, or you feel numb, dizzy or "
        "sick; get up slowly afterwards."
    )
