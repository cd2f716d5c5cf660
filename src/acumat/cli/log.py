"""``acumat log``: record, change and delete diary entries.

Values are read exactly from the flags (:mod:`acumat.cli.options`), defaults come from
:mod:`acumat.services.entry_input`, and the diary service alone decides what is valid, so
the CLI, the web pages and the API refuse the same things; the CLI names the flag.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli import options as kinds
from acumat.cli.core import AcumatGroup, flags_of
from acumat.cli.options import option, words
from acumat.cli.state import open_diary
from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.errors import Conflict
from acumat.kinds import ENTRY_NAMES

if TYPE_CHECKING:
    from pydantic import BaseModel

    from acumat.actor import Actor
    from acumat.diary.schemas import CheckInOut, EntryKind
    from acumat.services.daily import DailyResult
    from acumat.store.engine import Database

app = typer.Typer(
    cls=AcumatGroup,
    help="Record a check-in, spasm episode, mat session or care activity.\n\n"
    "Add:     acumat log checkin|episode|session|care [FLAGS]\n\n"
    "Change:  acumat log episode|session|care --edit ID [FLAGS], or acumat log checkin "
    "--edit DAY [FLAGS] (flags you give replace the stored values, the rest stay)\n\n"
    "Delete:  acumat log delete episode|session|care ID, or acumat log delete checkin DAY\n\n"
    "Missing required values are asked for when you type at a terminal, or with -i; "
    "ids are shown by `acumat diary`.",
    no_args_is_help=True,
)

NAMES = ENTRY_NAMES
TIME_HELP = '"YYYY-MM-DD HH:MM", HH:MM (today), "yesterday 22:15" or now, in your own time'

AsJson = Annotated[bool, typer.Option("--json", help="Print the stored entry as JSON.")]
Interactive = Annotated[
    bool,
    typer.Option(
        "--interactive",
        "-i",
        help="Ask for every value not given as a flag (Enter skips optional ones).",
    ),
]
Note = Annotated[
    str | None, typer.Option("--note", metavar="TEXT", help="Free text, up to 2000 characters.")
]
Edit = Annotated[
    int | None,
    option(
        "--edit",
        kind=kinds.Whole(1, 10**20 - 1, 3),
        metavar="ID",
        help="Change entry ID instead of adding one; flags you give replace its values.",
    ),
]
Start = Annotated[
    Any, option("--start", "--started-at", kind=kinds.MOMENT, help=f"Start: {TIME_HELP}.")
]


def score(*names: str, what: str) -> Any:
    """An optional 0-10 option; ``names`` end with the field's own name as an alias."""
    return option(*names, kind=kinds.SCORE, help=f"{what}, 0-10.")


@app.command()
def checkin(
    ctx: typer.Context,
    day: Annotated[
        str | None,
        option("--day", kind=kinds.DAY, help="YYYY-MM-DD, today or yesterday; default today."),
    ] = None,
    pain: Annotated[int | None, score("--pain", what="Average back pain")] = None,
    enjoyment: Annotated[
        int | None,
        score("--enjoyment", "--peg-enjoyment", what="How much pain spoiled enjoying life"),
    ] = None,
    activity: Annotated[
        int | None,
        score("--activity", "--peg-activity", what="How much pain got in the way of activity"),
    ] = None,
    sleep: Annotated[
        int | None, score("--sleep", "--sleep-quality", what="How well you slept")
    ] = None,
    spasms: Annotated[
        int | None,
        option("--spasms", "--spasm-count", kind=kinds.SPASMS, help="Number of spasms, 0-50."),
    ] = None,
    stress: Annotated[int | None, score("--stress", what="Stress")] = None,
    sitting: Annotated[
        float | None,
        option(
            "--sitting", "--hours-sitting", kind=kinds.SITTING, help="Hours spent sitting, 0-24."
        ),
    ] = None,
    pain_relief: Annotated[
        bool | None,
        typer.Option("--pain-relief/--no-pain-relief", help="Whether you took pain relief."),
    ] = None,
    note: Note = None,
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


@app.command()
def episode(
    ctx: typer.Context,
    start: Start = None,
    end: Annotated[
        Any,
        option(
            "--end",
            "--ended-at",
            kind=kinds.MOMENT,
            help=f"End: {TIME_HELP}; leave out while it goes on.",
        ),
    ] = None,
    peak: Annotated[
        int | None, score("--peak", "--peak-intensity", what="Intensity at its worst")
    ] = None,
    location: Annotated[
        list[str] | None,
        option(
            "--location",
            "--locations",
            kind=kinds.LOCATIONS,
            help=f"Where: a code, a label or a number; repeat or separate with commas. "
            f"{words(BACK_LOCATIONS)}.",
        ),
    ] = None,
    trigger: Annotated[
        list[str] | None,
        option(
            "--trigger",
            "--triggers",
            kind=kinds.TRIGGER_WORDS,
            help=f"What set it off; repeat or separate with commas. {words(TRIGGERS)}.",
        ),
    ] = None,
    note: Note = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record a spasm episode: when, how bad, where on the back, and what set it off.

    \b
    Example:
      acumat log episode --start "today 09:30" --end now --peak 7 \\
        --location lower_left,hip_left --trigger lifting
    """
    raw = given(
        started_at=start,
        ended_at=end,
        peak_intensity=peak,
        locations=kinds.codes(location),
        triggers=kinds.codes(trigger),
        note=note,
    )
    save_timed(ctx, "episode", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def session(
    ctx: typer.Context,
    start: Start = None,
    minutes: Annotated[
        float | None,
        option(
            "--minutes",
            "--actual-minutes",
            kind=kinds.SESSION_MINUTES,
            help="Minutes you lay on the mat, 0-60.",
        ),
    ] = None,
    planned: Annotated[
        int | None,
        option("--planned", "--planned-minutes", kind=kinds.PLANNED, help="Minutes you planned."),
    ] = None,
    before: Annotated[int | None, score("--before", "--pain-before", what="Pain before")] = None,
    after: Annotated[int | None, score("--after", "--pain-after", what="Pain after")] = None,
    fabric: Annotated[
        bool | None,
        typer.Option("--fabric/--no-fabric", help="Whether a fabric layer was between you."),
    ] = None,
    stopped_early: Annotated[
        bool | None,
        typer.Option("--stopped-early/--not-stopped-early", help="Whether you stopped early."),
    ] = None,
    stop_reason: Annotated[
        str | None,
        option(
            "--stop-reason",
            kind=kinds.STOP_REASON,
            help=f"Why you stopped (with --stopped-early). {words(STOP_REASONS)}.",
        ),
    ] = None,
    skin: Annotated[
        str | None,
        option(
            "--skin",
            "--skin-reaction",
            kind=kinds.SKIN,
            help=f"Any skin reaction. {words(SKIN_REACTIONS)}.",
        ),
    ] = None,
    note: Note = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record a mat session, finished or stopped early, with pain before and after.

    Without --start the session is taken to have just ended: it started --minutes ago.
    A session of 0 minutes is kept only when you stopped early (say why).

    \b
    Example:
      acumat log session --start "today 21:00" --minutes 10 --planned 10 \\
        --before 6 --after 4 --fabric
    """
    raw = given(
        started_at=start,
        actual_minutes=minutes,
        planned_minutes=planned,
        pain_before=before,
        pain_after=after,
        fabric_layer=fabric,
        stopped_early=stopped_early,
        stop_reason=stop_reason,
        skin_reaction=skin,
        note=note,
    )
    save_timed(ctx, "session", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def care(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        option(
            "--kind",
            kind=kinds.CARE_KIND,
            help=f"A code, a label or a number: {words(CARE_KINDS)}.",
        ),
    ] = None,
    minutes: Annotated[
        float | None,
        option("--minutes", kind=kinds.CARE_MINUTES, help="How long, in minutes."),
    ] = None,
    start: Annotated[
        Any,
        option("--start", "--started-at", kind=kinds.MOMENT, help=f"{TIME_HELP}; default now."),
    ] = None,
    note: Note = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record heat, cold, stretching, walking or other care you gave your back.

    Example: acumat log care --kind heat --minutes 15
    """
    raw = given(kind=kind, minutes=minutes, started_at=start, note=note)
    save_timed(ctx, "care", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def delete(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="checkin, episode, session or care (or check-in, spasm episode, mat "
            "session, care activity).",
            parser=kinds.Reader(kinds.Word(NAMES), "KIND"),
        ),
    ],
    key: Annotated[
        str,
        typer.Argument(
            metavar="ID|DAY",
            help="The entry's id (see `acumat diary`), or a check-in's day: YYYY-MM-DD, "
            "today or yesterday.",
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
    as_json: AsJson = False,
) -> None:
    """Delete one entry for good: by id, or by day for a check-in.

    At a terminal you are shown the entry and asked to confirm unless you pass --yes.

    \b
    Examples:
      acumat log delete episode 12
      acumat log delete checkin 2026-03-14
    """
    from acumat.cli.output import summary
    from acumat.services import diary

    db, actor = open_diary(ctx)
    if kind == "checkin":
        the_day = parse_day(key, actor)
        found: Any = diary.get_checkin(db, actor, the_day)
        what = f"check-in for {the_day}: pain {found.pain}/10"
    else:
        entry_id = parse_id(key)
        found = diary.get_entry(db, actor, kind, entry_id)
        what = f"{NAMES[kind]} {entry_id}: {summary(kind, found, actor.zone)}"
    if sys.stdin.isatty() and not yes and not confirmed(f"Delete {what}? This cannot be undone."):
        typer.echo("Nothing was deleted.", err=True)
        raise typer.Exit(1)
    if kind == "checkin":
        diary.delete_checkin(db, actor, found.day)
    else:
        diary.delete_entry(db, actor, kind, found.id)
    if as_json:
        from acumat.cli.output import emit_json

        emit_json({"kind": kind, "key": key, "deleted": True})
    else:
        typer.echo(f"Deleted {what}.")


# --- shared steps ---------------------------------------------------------------------------


def confirmed(question: str) -> bool:
    return typer.confirm(question, default=False, err=True)


def given(**values: Any) -> dict[str, Any]:
    """Only the values the person gave: flags left out arrive as ``None`` or ``[]``."""
    return {name: value for name, value in values.items() if value not in (None, [])}


def asking(interactive: bool) -> bool:
    """Whether questions may be asked: with -i, or whenever a person is at the terminal."""
    return interactive or sys.stdin.isatty()


def complete(
    raw: dict[str, Any], kind: EntryKind, interactive: bool, actor: Actor
) -> dict[str, Any]:
    """Ask for missing values at a terminal (required ones) or with -i (all of them)."""
    if not asking(interactive):
        return raw
    from acumat.cli.prompts import ask_missing

    return ask_missing(raw, kind, actor, everything=interactive)


def placed(raw: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """``raw`` with typed times (``now``, ``today 09:30``) placed in the person's own time."""
    from acumat.cli.input import When

    now = actor.now()
    return {k: v.resolve(now) if isinstance(v, When) else v for k, v in raw.items()}


def save_timed(
    ctx: typer.Context,
    kind: EntryKind,
    raw: dict[str, Any],
    *,
    edit: int | None,
    interactive: bool,
    as_json: bool,
) -> None:
    """Add an episode, session or care entry, or change only ``raw``'s values of entry
    ``edit`` (nothing is asked then: the stored entry has every required value)."""
    from acumat.cli.output import summary
    from acumat.services import diary
    from acumat.services.entry_input import with_defaults

    db, actor = open_diary(ctx)
    raw = placed(raw, actor)
    if kind == "session" and edit is None:
        mat_advice_first(db, actor, interactive)
    if edit is None:
        raw = complete(with_defaults(kind, raw, actor.now()), kind, interactive, actor)
        entry = diary.add_entry(db, actor, kind, with_defaults(kind, raw, actor.now()))
    else:
        entry = edit_entry(db, actor, kind, edit, raw)
    verb = "Saved" if edit is None else "Updated"
    message = f"{verb} {NAMES[kind]} {entry.id}: {summary(kind, entry, actor.zone)}."
    report(entry, message, as_json)


def mat_advice_first(db: Database, actor: Actor, interactive: bool) -> None:
    """When the latest result says not to use a mat: a gentle word, and at a terminal a
    question about how the person is. What they did is saved all the same."""
    from acumat.cli.safety_text import print_mat_advice
    from acumat.services import screening

    status = screening.mat_status(db, actor)
    if status.verdict != "do-not-use" or status.screening is None:
        return
    print_mat_advice(status.screening, ask=asking(interactive))


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


def edit_entry(
    db: Database, actor: Actor, kind: EntryKind, entry_id: int, changes: dict[str, Any]
) -> Any:
    """Change only the values given of entry ``entry_id``: read, check and write in one
    transaction, so nothing another writer changed in between is undone."""
    from acumat.errors import InvalidInput
    from acumat.services import diary

    if not changes:
        raise InvalidInput.single(
            "", f"give at least one value to change with --edit; see `acumat log {kind} --help`"
        )
    return diary.patch_entry(db, actor, kind, entry_id, changes)


def report(entry: BaseModel, message: str, as_json: bool) -> None:
    from acumat.cli.output import emit_json

    if as_json:
        emit_json(entry)
    else:
        typer.echo(message)


def parse_day(key: str, actor: Actor) -> Any:
    from acumat.cli import input as typed
    from acumat.errors import InvalidInput

    try:
        return typed.day(key, actor.today())
    except typed.Refused as refused:
        raise InvalidInput.single("DAY", str(refused)) from None


def parse_id(key: str) -> int:
    from acumat.errors import InvalidInput

    if not (key.isascii() and key.isdigit() and len(key) <= 12):
        raise InvalidInput.single(
            "ID", f"must be a whole number (got {key!r}); ids are shown by `acumat diary`"
        )
    return int(key)
