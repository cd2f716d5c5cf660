"""``acumat log``: record, change and delete diary entries.

Every value goes to the diary service as given; the service alone decides what is valid,
so the CLI, the web pages and the API refuse the same things with the same words.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat import clock
from acumat.cli.state import open_diary
from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)
from acumat.errors import InvalidInput
from acumat.kinds import ENTRY_NAMES

if TYPE_CHECKING:
    from pydantic import BaseModel

    from acumat.diary.schemas import EntryKind
    from acumat.services.daily import DailyResult

app = typer.Typer(
    help="Record a check-in, spasm episode, mat session or care activity.\n\n"
    "Add:     acumat log checkin|episode|session|care [FLAGS]\n\n"
    "Change:  acumat log episode|session|care --edit ID [FLAGS] (flags you give replace "
    "the stored values, the rest stay); acumat log checkin --day DAY --replace [FLAGS]\n\n"
    "Delete:  acumat log delete episode|session|care ID, or acumat log delete checkin DAY\n\n"
    "Missing required values are asked for when you type at a terminal, or with -i; "
    "ids are shown by `acumat diary`.",
    no_args_is_help=True,
)

NAMES = ENTRY_NAMES
TIME = "YYYY-MM-DD HH:MM, local time"

AsJson = Annotated[bool, typer.Option("--json", help="Print the stored entry as JSON.")]
Interactive = Annotated[
    bool,
    typer.Option(
        "--interactive",
        "-i",
        help="Ask for every value not given as a flag (Enter skips optional ones).",
    ),
]
Note = Annotated[str | None, typer.Option("--note", help="Free text, up to 2000 characters.")]
Edit = Annotated[
    int | None,
    typer.Option(
        "--edit",
        metavar="ID",
        help="Change entry ID instead of adding one; flags you give replace its values.",
    ),
]
Start = Annotated[str | None, typer.Option("--start", "--started-at", help=f"Start ({TIME}).")]


def words(vocabulary: dict[str, str]) -> str:
    return "one of: " + ", ".join(vocabulary)


def score(*names: str, what: str) -> Any:
    """An optional 0-10 option; ``names`` end with the field's own name as an alias."""
    return typer.Option(*names, help=f"{what}, 0-10.")


@app.command()
def checkin(
    ctx: typer.Context,
    day: Annotated[str | None, typer.Option("--day", help="YYYY-MM-DD; default today.")] = None,
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
        int | None, typer.Option("--spasms", "--spasm-count", help="Number of spasms.")
    ] = None,
    stress: Annotated[int | None, score("--stress", what="Stress")] = None,
    sitting: Annotated[
        float | None, typer.Option("--sitting", "--hours-sitting", help="Hours spent sitting.")
    ] = None,
    pain_relief: Annotated[
        bool | None,
        typer.Option("--pain-relief/--no-pain-relief", help="Whether you took pain relief."),
    ] = None,
    note: Note = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace this day's check-in instead of refusing."),
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
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record how a day went: pain, PEG-3, sleep, spasms, stress and sitting.

    One check-in per day: a second one for the same day is refused unless you pass
    --replace, which replaces that day's check-in with exactly the values you give now.
    The short set of warning signs is asked at a terminal (or given with --red-flag /
    --no-red-flags); a new one is triaged at once and shown before anything else.

    \b
    Example:
      acumat log checkin --day 2026-03-14 --pain 4 --sleep 6 --spasms 1 --no-red-flags
    """
    from acumat.cli.red_flags import flags_from_options
    from acumat.services import daily

    db, actor = open_diary(ctx)
    raw = given(
        day=day or actor.today().isoformat(),
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
    data = daily.validated_checkin(actor, complete(raw, "checkin", interactive))
    flags = flags_from_options(red_flag or [], no_red_flags, ask=interactive or sys.stdin.isatty())
    if flags is None:
        typer.echo(
            "Note: the daily warning signs were not checked; add --no-red-flags, or "
            "--red-flag ITEM for any you have (see `acumat check --items`).",
            err=True,
        )
    try:
        result = daily.check_in(db, actor, data, flags, replace=replace)
    except daily.CheckInConflict as refused:
        if refused.triage is not None:  # the signs were triaged: show that before the error
            from acumat.cli.safety_text import render_triage

            typer.echo(render_triage(refused.triage))
        raise
    verb = "Saved" if result.created else "Replaced"
    message = f"{verb} check-in for {result.checkin.day}: pain {result.checkin.pain}/10."
    report_daily(result, message, as_json)


@app.command()
def episode(
    ctx: typer.Context,
    start: Start = None,
    end: Annotated[
        str | None,
        typer.Option("--end", "--ended-at", help=f"End ({TIME}); leave out while it goes on."),
    ] = None,
    peak: Annotated[
        int | None, score("--peak", "--peak-intensity", what="Intensity at its worst")
    ] = None,
    location: Annotated[
        list[str] | None,
        typer.Option("--location", "--locations", help=f"Repeatable; {words(BACK_LOCATIONS)}."),
    ] = None,
    trigger: Annotated[
        list[str] | None,
        typer.Option("--trigger", "--triggers", help=f"Repeatable; {words(TRIGGERS)}."),
    ] = None,
    note: Note = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record a spasm episode: when, how bad, where on the back, and what set it off.

    \b
    Example:
      acumat log episode --start "2026-03-14 09:30" --end "2026-03-14 10:15" \\
        --peak 7 --location lower_left --trigger lifting
    """
    raw = given(
        started_at=start,
        ended_at=end,
        peak_intensity=peak,
        locations=location,
        triggers=trigger,
        note=note,
    )
    save_timed(ctx, "episode", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def session(
    ctx: typer.Context,
    start: Start = None,
    minutes: Annotated[
        float | None,
        typer.Option("--minutes", "--actual-minutes", help="Minutes you lay on the mat."),
    ] = None,
    planned: Annotated[
        int | None,
        typer.Option("--planned", "--planned-minutes", help="Minutes you planned."),
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
        typer.Option("--stop-reason", help=f"Why you stopped; {words(STOP_REASONS)}."),
    ] = None,
    skin: Annotated[
        str | None,
        typer.Option("--skin", "--skin-reaction", help=f"{words(SKIN_REACTIONS)}."),
    ] = None,
    note: Note = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record a mat session, finished or stopped early, with pain before and after.

    Without --start the session is taken to have just ended (it started --minutes ago).

    \b
    Example:
      acumat log session --start "2026-03-14 21:00" --minutes 10 --planned 10 \\
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
    if edit is None and minutes is not None:
        ended = clock.utcnow()  # "a session that just ended"; nonsense minutes are refused later
        raw.setdefault(
            "started_at", ended - timedelta(minutes=minutes) if 0 <= minutes <= 60 else ended
        )
    save_timed(ctx, "session", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def care(
    ctx: typer.Context,
    kind: Annotated[str | None, typer.Option("--kind", help=f"{words(CARE_KINDS)}.")] = None,
    minutes: Annotated[float | None, typer.Option("--minutes", help="How long.")] = None,
    start: Annotated[
        str | None, typer.Option("--start", "--started-at", help=f"{TIME}; default now.")
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
    if edit is None:
        raw.setdefault("started_at", clock.utcnow())
    save_timed(ctx, "care", raw, edit=edit, interactive=interactive, as_json=as_json)


@app.command()
def delete(
    ctx: typer.Context,
    kind: Annotated[str, typer.Argument(metavar="KIND", help="checkin, episode, session or care.")],
    key: Annotated[
        str,
        typer.Argument(metavar="ID|DAY", help="The entry's id, or a check-in's day."),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask to confirm.")] = False,
    as_json: AsJson = False,
) -> None:
    """Delete one entry for good: by id, or by day for a check-in.

    At a terminal you are asked to confirm unless you pass --yes.

    \b
    Examples:
      acumat log delete episode 12
      acumat log delete checkin 2026-03-14
    """
    from acumat.services import diary

    name = NAMES.get(kind, kind)
    if sys.stdin.isatty() and not yes:
        typer.confirm(f"Delete {name} {key}? This cannot be undone.", abort=True, err=True)
    db, actor = open_diary(ctx)
    if kind == "checkin":
        diary.delete_checkin(db, actor, parse_day(key))
    else:
        diary.delete_entry(db, actor, kind, parse_id(key))
    if as_json:
        from acumat.cli.output import emit_json

        emit_json({"kind": kind, "key": key, "deleted": True})
    else:
        typer.echo(f"Deleted {name} {key}.")


# --- shared steps ---------------------------------------------------------------------------


def given(**values: Any) -> dict[str, Any]:
    """Only the values the person gave: flags left out arrive as ``None`` or ``[]``."""
    return {name: value for name, value in values.items() if value not in (None, [])}


def complete(raw: dict[str, Any], kind: EntryKind, interactive: bool) -> dict[str, Any]:
    """Ask for missing values at a terminal (required ones) or with -i (all of them)."""
    if not (interactive or sys.stdin.isatty()):
        return raw
    from acumat.cli.prompts import ask_missing
    from acumat.diary.schemas import INPUT_SCHEMAS

    return ask_missing(raw, INPUT_SCHEMAS[kind], everything=interactive)


def save_timed(
    ctx: typer.Context,
    kind: EntryKind,
    raw: dict[str, Any],
    *,
    edit: int | None,
    interactive: bool,
    as_json: bool,
) -> None:
    """Add an episode, session or care entry, or overlay ``raw`` on entry ``edit``."""
    from acumat.cli.output import summary
    from acumat.services import diary

    db, actor = open_diary(ctx)
    if edit is None:
        entry = diary.add_entry(db, actor, kind, complete(raw, kind, interactive))
    else:
        stored = stored_values(diary.get_entry(db, actor, kind, edit), kind)
        raw = complete(stored | raw, kind, interactive)
        entry = diary.update_entry(db, actor, kind, edit, raw)
    verb = "Saved" if edit is None else "Updated"
    message = f"{verb} {NAMES[kind]} {entry.id}: {summary(kind, entry, actor.zone)}."
    report(entry, message, as_json)


def report_daily(result: DailyResult, message: str, as_json: bool) -> None:
    """The check-in, with any triage it raised shown first (JSON: under ``safety``)."""
    from acumat.cli.output import emit_json

    if as_json:
        emit_json({**result.checkin.model_dump(mode="json"), "safety": result.triage})
        return
    if result.triage is not None:
        from acumat.cli.safety_text import render_triage

        typer.echo(render_triage(result.triage))
    typer.echo(message)


def stored_values(entry: BaseModel, kind: EntryKind) -> dict[str, Any]:
    """The fields of a stored entry that a person may submit again."""
    from acumat.diary.schemas import INPUT_SCHEMAS

    return entry.model_dump(include=set(INPUT_SCHEMAS[kind].model_fields))


def report(entry: BaseModel, message: str, as_json: bool) -> None:
    from acumat.cli.output import emit_json

    if as_json:
        emit_json(entry)
    else:
        typer.echo(message)


def parse_day(key: str) -> date:
    from acumat.timecheck import iso_day

    try:
        found = iso_day(key)
    except ValueError:
        found = None
    if not isinstance(found, date):
        raise InvalidInput.single("day", "must be a date like 2026-03-14")
    return found


def parse_id(key: str) -> int:
    if not (key.isascii() and key.isdigit() and len(key) <= 12):
        raise InvalidInput.single("id", "must be a whole number; ids are shown by `acumat diary`")
    return int(key)
