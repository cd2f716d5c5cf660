"""``acumat insights``: what your diary shows, with how sure the numbers are, and never a cause."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.options import Whole, option
from acumat.cli.state import open_diary

if TYPE_CHECKING:
    from acumat.services.insights import Insights


def register(app: typer.Typer) -> None:
    """Add the ``insights`` command to ``app``."""
    app.command(name="insights")(insights)


def insights(
    ctx: typer.Context,
    days: Annotated[
        int,
        option(
            "--days",
            kind=Whole(1, 10**9, 90),
            metavar="N",
            help="How many days back, today included (90 unless you say).",
        ),
    ] = 90,
    as_json: Annotated[bool, typer.Option("--json", help="Print the insights as JSON.")] = False,
) -> None:
    """What your diary shows: your pain over time, pain before and after mat sessions, days
    with a session or with heat, cold or stretching against days without, sleep against the
    next day's pain, and spasms by what you said set them off.

    Each comes with a 95% interval and one line on what it can and cannot tell you: these are
    days you chose, so they show links, not causes.

    Example: acumat insights --days 60
    """
    from acumat.services import insights as service

    db, actor = open_diary(ctx)
    found = service.insights(db, actor, days)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(service.as_data(found))
    else:
        show(found)


def show(found: Insights) -> None:
    from acumat.present.time import long_day

    typer.echo(f"Your diary from {long_day(found.start)} to {long_day(found.end)}")
    if found.trend:
        first, last = found.trend[0], found.trend[-1]
        typer.echo(
            f"Pain, smoothed: {first.smoothed:.1f} on {long_day(first.day)}, "
            f"{last.smoothed:.1f} on {long_day(last.day)} ({len(found.trend)} check-ins)."
        )
    else:
        typer.echo("No check-ins in this period yet: log one with acumat log checkin.")
    for finding in found.findings:
        typer.echo("")
        typer.echo(typer.style(finding.title, bold=True))
        typer.echo(f"  {finding.reading}")
