"""``acumat log checkin``: one check-in a day, added, changed only where asked, or replaced.

A day that has a check-in is refused before any question is asked; ``--edit DAY`` changes
only the values given, ``--replace`` replaces the whole check-in after saying what it
clears. The short set of warning signs is re-checked with it and any result shown first.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli import options as kinds
from acumat.cli.core import flags_of
from acumat.cli.fields import field_option
from acumat.cli.log.group import AsJson, Interactive, asking, complete, given, report
from acumat.cli.state import open_diary
from acumat.errors import Conflict

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.diary.schemas import CheckInOut
    from acumat.services.daily import DailyResult
    from acumat.store.engine import Database


def field(name: str, *flags: str, extra: str = "") -> Any:
    """The flag of check-in field ``name``, in the schema's words."""
    return field_option("checkin", name, *flags, extra=extra)


def checkin(
    ctx: typer.Context,
    day: Annotated[str | None, field("day", "--day", extra="Default today.")] = None,
    pain: Annotated[int | None, field("pain", "--pain")] = None,
    enjoyment: Annotated[
        int | None, field("peg_enjoyment", "--enjoyment", "--peg-enjoyment")
    ] = None,
    activity: Annotated[int | None, field("peg_activity", "--activity", "--peg-activity")] = None,
    sleep: Annotated[int | None, field("sleep_quality", "--sleep", "--sleep-quality")] = None,
    spasms: Annotated[int | None, field("spasm_count", "--spasms", "--spasm-count")] = None,
    stress: Annotated[int | None, field("stress", "--stress")] = None,
    sitting: Annotated[float | None, field("hours_sitting", "--sitting", "--hours-sitting")] = None,
    pain_relief: Annotated[
        bool | None, field("took_pain_relief", "--pain-relief/--no-pain-relief")
    ] = None,
    note: Annotated[str | None, field("note", "--note")] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Replace this day's check-in with exactly the values you give now; values "
            "you leave out are cleared (you are asked first; without a terminal, add --yes).",
        ),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --replace: clear what you leave out.")
    ] = False,
    red_flag: Annotated[
        list[str] | None,
        typer.Option(
            "--red-flag",
            metavar="ITEM[=ANSWER]",
            help="A warning sign you have now (answer yes, or =unsure); repeatable. "
            "See `acumat check --items` for the ids marked for daily re-checks.",
        ),
    ] = None,
    no_red_flags: Annotated[
        bool,
        typer.Option("--no-red-flags", help="None of the daily warning signs apply today."),
    ] = False,
    edit: Annotated[
        str | None,
        typer.Option(
            "--edit",
            metavar="DAY",
            parser=kinds.Reader(kinds.DAY, "--edit"),
            help="Change the check-in of DAY (YYYY-MM-DD, today or yesterday) instead of "
            "adding one; only the flags you give change, the rest stay.",
        ),
    ] = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record how a day went: pain, PEG-3, sleep, spasms, stress and sitting.

    One check-in per day: if the day has one already you are told so before any question.
    --edit DAY changes only the values you give of that day's check-in. --replace
    replaces that day's check-in with exactly the values you give now, after telling you
    which stored values that clears. The short set of warning signs is asked
    at a terminal (or given with --red-flag / --no-red-flags); a new one is triaged at once
    and shown before anything else.

    \b
    Examples:
      acumat log checkin --day yesterday --pain 4 --sleep 6 --spasms 1 --no-red-flags
      acumat log checkin --edit yesterday --sleep 7
    """
    from acumat.cli import input as typed
    from acumat.cli.red_flags import flags_from_options
    from acumat.services import daily

    db, actor = open_diary(ctx)
    the_day = typed.day(day, actor.today()) if day else actor.today()
    values = given(
        pain=pain,
        peg_enjoyment=enjoyment,
        peg_activity=activity,
        sleep_quality=sleep,
        spasm_count=spasms,
        stress=stress,
        hours_sitting=sitting,
        took_pain_relief=pain_relief,
        note=note,
    )
    if edit is not None:
        refuse_with_edit(replace=replace, red_flags=bool(red_flag) or no_red_flags)
        moved = {"day": the_day.isoformat()} if day else {}
        changed = edit_checkin(db, actor, typed.day(edit, actor.today()), values | moved)
        message = f"Updated check-in for {changed.day}: pain {changed.pain}/10."
        report(changed, message, as_json)
        return
    raw = {"day": the_day.isoformat(), **values}
    existing = stored_checkin(db, actor, the_day)
    if existing is not None and not replace and not red_flag:
        raise day_taken(the_day.isoformat())  # before any question is asked
    data = daily.validated_checkin(actor, complete(raw, "checkin", interactive, actor))
    if existing is not None and replace:
        confirm_replacing(ctx, existing, raw, yes=yes)
    flags = flags_from_options(red_flag or [], no_red_flags, ask=asking(interactive))
    if flags is None:
        typer.echo(
            "Note: the daily warning signs were not checked; add --no-red-flags, or "
            "--red-flag ITEM for any you have (see `acumat check --items`).",
            err=True,
        )
    result = save_checkin(db, actor, data, flags, replace=replace)
    verb = "Saved" if result.created else "Replaced"
    message = f"{verb} check-in for {result.checkin.day}: pain {result.checkin.pain}/10."
    report_daily(result, message, as_json, actor.region)


def refuse_with_edit(*, replace: bool, red_flags: bool) -> None:
    """--edit changes some values of a stored check-in; it neither replaces it nor re-checks."""
    from acumat.errors import InvalidInput

    if replace:
        raise InvalidInput.single(
            "",
            "--edit changes only the values you give; to replace the whole check-in, use "
            "--day with --replace instead of --edit",
        )
    if red_flags:
        raise InvalidInput.single(
            "",
            "--edit does not re-check the warning signs; run `acumat check` for those, then "
            "--edit again without --red-flag or --no-red-flags",
        )


def edit_checkin(db: Database, actor: Actor, day: Any, changes: dict[str, Any]) -> CheckInOut:
    """Change only ``changes`` of the check-in of ``day``, in one transaction."""
    from acumat.errors import InvalidInput, NotFound
    from acumat.services import diary

    if not changes:
        raise InvalidInput.single(
            "", "give at least one value to change with --edit; for example --edit today --sleep 7"
        )
    try:
        return diary.patch_checkin(db, actor, day, changes)
    except NotFound:
        raise Conflict(
            f"there is no check-in for {day.isoformat()} to change; add one with "
            f"`acumat log checkin --day {day.isoformat()}` and its values"
        ) from None
    except Conflict as refused:  # moved with --day onto a day that has one
        raise day_taken(changes.get("day", day.isoformat())) from refused


def day_taken(day: str) -> Conflict:
    """The refusal of a second check-in for ``day``, pointing to a change of only some values."""
    return Conflict(
        f"there is already a check-in for {day}. To change some of its values, use "
        f"`acumat log checkin --edit {day}` with only those flags (for example --sleep 7); "
        "see it with `acumat diary`, or replace it whole with --day "
        f"{day} --replace"
    )


def stored_checkin(db: Database, actor: Actor, day: Any) -> CheckInOut | None:
    from acumat.errors import NotFound
    from acumat.services import diary

    try:
        return diary.get_checkin(db, actor, day)
    except NotFound:
        return None


def confirm_replacing(
    ctx: typer.Context, existing: CheckInOut, raw: dict[str, Any], *, yes: bool
) -> None:
    """Say which stored values replacing would clear; go on only if the person agrees."""
    from acumat.services.entry_input import cleared_by_replacing

    cleared = cleared_by_replacing(existing, raw)
    if not cleared or yes:
        return
    flags = flags_of(ctx.command.params)
    shown = [f"{flags.get(name, name)} {shown_value(getattr(existing, name))}" for name in cleared]
    listed = ", ".join(shown)
    if not sys.stdin.isatty():
        raise Conflict(
            f"replacing the check-in for {existing.day} would clear {listed}; give those "
            "flags again, or add --yes to clear them"
        )
    typer.echo(f"Replacing the check-in for {existing.day} clears: {listed}.", err=True)
    if not typer.confirm("Replace it?", default=False, err=True):
        typer.echo("Nothing was changed.", err=True)
        raise typer.Exit(1)


def shown_value(value: Any) -> str:
    """A stored value as a person would type it again."""
    from acumat.cli.output import number, safe_text

    if isinstance(value, bool):
        return "(yes)" if value else "(no)"
    if isinstance(value, str):
        return repr(safe_text(value if len(value) <= 30 else value[:27] + "..."))
    return number(value)


def save_checkin(
    db: Database,
    actor: Actor,
    data: Any,
    flags: dict[str, str] | None,
    *,
    replace: bool,
) -> DailyResult:
    """Store the check-in; a taken day still shows a re-check's result before the refusal."""
    from acumat.services import daily

    try:
        return daily.check_in(db, actor, data, flags, replace=replace)
    except daily.CheckInConflict as refused:
        if refused.triage is not None:
            from acumat.cli.safety_text import print_triage

            print_triage(refused.triage, region=actor.region)
        raise day_taken(data.day.isoformat()) from refused


def report_daily(result: DailyResult, message: str, as_json: bool, region: str) -> None:
    """The check-in, with any triage it raised shown first (JSON: under ``safety``)."""
    from acumat.cli.output import emit_json

    if as_json:
        emit_json({**result.checkin.model_dump(mode="json"), "safety": result.triage})
        return
    if result.triage is not None:
        from acumat.cli.safety_text import print_triage

        print_triage(result.triage, region=region)
    typer.echo(message)
