"""``acumat settings``: your time zone (which day "today" is), region, mat limit, and when
acumat reminds you of things (your mat sessions, a daily check-in, movement breaks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.options import Whole, Word, option
from acumat.cli.state import open_diary, state

if TYPE_CHECKING:
    from acumat.services.settings import SettingsOut

MOVEMENT_DAYS = {"weekdays": "Monday to Friday", "every_day": "Every day"}
CALENDAR_FEED = {"new": "a new address (the old one stops working)", "off": "no address"}


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
    session_time: Annotated[
        str | None,
        typer.Option(
            "--session-time",
            metavar="HH:MM",
            help="When your planned mat sessions go in your calendar (20:00 unless you change it).",
        ),
    ] = None,
    checkin_reminder: Annotated[
        str | None,
        typer.Option(
            "--checkin-reminder",
            metavar="HH:MM|off",
            help="A daily reminder to check in, at this time; off to stop it (off unless "
            "you choose a time).",
        ),
    ] = None,
    movement_hours: Annotated[
        str | None,
        typer.Option(
            "--movement-hours",
            metavar="HH:MM-HH:MM|off",
            help="Your working hours: a reminder every 30 minutes to stand up and move; off "
            "to stop them (off unless you choose the hours).",
        ),
    ] = None,
    movement_days: Annotated[
        str | None,
        option(
            "--movement-days",
            kind=Word(MOVEMENT_DAYS),
            metavar="weekdays|every-day",
            help="Movement breaks on weekdays (Monday to Friday, unless you change it) or "
            "every day.",
        ),
    ] = None,
    calendar_feed: Annotated[
        str | None,
        option(
            "--calendar-feed",
            kind=Word(CALENDAR_FEED),
            metavar="new|off",
            help="new: make a secret address your calendar app can subscribe to while "
            "acumat serve runs (an older address stops working); off: no address.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the settings as JSON.")] = False,
) -> None:
    """Show your settings, or change them with the flags below.

    Your time zone decides which day "today" is, the days of your diary, and every time
    acumat shows you. It starts as this computer's zone. Your region decides which
    emergency and urgent-care services acumat names. The reminder settings decide what
    goes in your calendar (acumat plan --ics FILE, or the calendar feed).

    \b
    Examples:
      acumat settings --timezone Europe/Oslo --mat-cap 35
      acumat settings --session-time 19:30 --checkin-reminder 09:00
      acumat settings --movement-hours 09:00-17:00 --movement-days weekdays
      acumat settings --calendar-feed new
    """
    from acumat.services import settings as service

    db, actor = open_diary(ctx)
    given = {
        "timezone": timezone,
        "region": region,
        "mat_cap": mat_cap,
        "session_time": session_time,
        "checkin_reminder": checkin_reminder,
        "movement_hours": movement_hours,
        "movement_days": movement_days,
    }
    changes = {k: v for k, v in given.items() if v is not None}
    if changes:
        actor = service.change_settings(db, actor, changes)
    token = None
    if calendar_feed == "new":
        token = service.new_calendar_token(db, actor)
    elif calendar_feed == "off":
        service.stop_calendar_feed(db, actor)
    current = service.read_settings(db, actor)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json(current)
        return
    show(current, saved=bool(changes or calendar_feed))
    if token is not None:
        where = state(ctx).settings()
        typer.echo(
            "Your calendar feed address, for a calendar app on this computer while "
            f"`acumat serve` runs:\nhttp://{where.host}:{where.port}/calendar/{token}.ics\n"
            "Keep it to yourself: anyone with it can read your reminders. Any older "
            "address no longer works."
        )


def show(current: SettingsOut, *, saved: bool) -> None:
    """The settings as a few short lines."""
    verb = "Saved" if saved else "Your settings"
    days = "every day" if current.movement_days == "every_day" else "on weekdays"
    movement = f"{current.movement_hours} {days}" if current.movement_hours else "off"
    typer.echo(
        f"{verb}: time zone {current.timezone}, region {current.region}, longest mat session "
        f"{current.mat_cap} minutes.\n"
        f"Reminders: mat sessions at {current.session_time}; daily check-in "
        f"{current.checkin_reminder or 'off'}; movement breaks {movement}; calendar feed "
        f"{'on' if current.calendar_feed else 'off'}."
    )
