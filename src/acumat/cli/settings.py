"""``acumat settings``: your time zone (which day "today" is) and region."""

from __future__ import annotations

from typing import Annotated

import typer

from acumat.cli.options import Whole, option
from acumat.cli.state import open_diary


def register(app: typer.Typer) -> None:
    """Add the ``settings`` command to ``app``."""
    app.command(name="settings")(settings)


def settings(
    ctx: typer.Context,
    timezone: Annotated[
        str | None,
        typer.Option("--timezone", metavar="ZONE", help="Your IANA time zone, e.g. Europe/Oslo."),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option("--region", metavar="CODE", help="Your region: GB, IE, EU, US, CA, AU or NZ."),
    ] = None,
    mat_cap: Annotated[
        int | None,
        option(
            "--mat-cap",
            kind=Whole(5, 40, 35),
            help="The longest mat session your plan may build up to, in minutes (30 unless "
            "you change it; never more than 40).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show your settings, or change them with --timezone, --region and --mat-cap.

    Your time zone decides which day "today" is, the days of your diary, and every time
    acumat shows you. It starts as this computer's zone. Your region decides which
    emergency and urgent-care services acumat names.

    Example: acumat settings --timezone Europe/Oslo --mat-cap 35
    """
    from acumat.services import settings as service

    db, actor = open_diary(ctx)
    given = (("timezone", timezone), ("region", region), ("mat_cap", mat_cap))
    changes = {k: v for k, v in given if v is not None}
    if changes:
        actor = service.change_settings(db, actor, changes)
    current = service.read_settings(db, actor)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(current)
        return
    verb = "Saved" if changes else "Your settings"
    typer.echo(
        f"{verb}: time zone {current.timezone}, region {current.region}, longest mat session "
        f"{current.mat_cap} minutes."
    )
