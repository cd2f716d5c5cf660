"""``acumat insights``: what your diary shows, with how sure the numbers are, and never a cause."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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
    from acumat.services.insights import insights as gather

    db, actor = open_diary(ctx)
    found = gather(db, actor, days)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(as_data(found))
    else:
        show(found)


def as_data(found: Insights) -> dict[str, Any]:
    """The insights as JSON data: ``GET /api/v1/insights`` gives the same."""
    from acumat.services.insights import as_data as data

    return data(found)


def show(found: Insights) -> None:
    typer.echo(f"Your diary from {found.start:%d %b %Y} to {found.end:%d %b %Y}")
    if found.trend:
        first, last = found.trend[0], found.trend[-1]
        typer.echo(
            f"Pain, smoothed: {first[2]:.1f} on {first[0]:%d %b}, {last[2]:.1f} on {last[0]:%d %b} "
            f"({len(found.trend)} check-ins)."
        )
    else:
        typer.echo("No check-ins in this period yet: log one with acumat log checkin.")
    for finding in found.findings:
        typer.echo("")
        typer.echo(typer.style(finding.title, bold=True))
        typer.echo(f"  {finding.reading}")
