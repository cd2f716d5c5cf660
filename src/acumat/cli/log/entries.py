"""``acumat log episode|session|care``: add a timed entry, or change some of its values.

Times are typed as a person says them (``now``, ``today 09:30``) and placed in their own
zone; a session logged while the latest result says not to use a mat is still saved, after
a gentle word.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli.fields import field_option
from acumat.cli.log.group import AsJson, Edit, Interactive, asking, complete, given, report
from acumat.cli.options import codes
from acumat.cli.state import open_diary
from acumat.kinds import ENTRY_NAMES

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.diary.schemas import EntryKind
    from acumat.store.engine import Database


def episode_field(name: str, *flags: str, extra: str = "") -> Any:
    return field_option("episode", name, *flags, extra=extra)


def session_field(name: str, *flags: str, extra: str = "") -> Any:
    return field_option("session", name, *flags, extra=extra)


def care_field(name: str, *flags: str, extra: str = "") -> Any:
    return field_option("care", name, *flags, extra=extra)


def episode(
    ctx: typer.Context,
    start: Annotated[Any, episode_field("started_at", "--start", "--started-at")] = None,
    end: Annotated[Any, episode_field("ended_at", "--end", "--ended-at")] = None,
    peak: Annotated[
        int | None, episode_field("peak_intensity", "--peak", "--peak-intensity")
    ] = None,
    location: Annotated[
        list[str] | None, episode_field("locations", "--location", "--locations")
    ] = None,
    trigger: Annotated[
        list[str] | None, episode_field("triggers", "--trigger", "--triggers")
    ] = None,
    note: Annotated[str | None, episode_field("note", "--note")] = None,
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
        locations=codes(location),
        triggers=codes(trigger),
        note=note,
    )
    save_timed(ctx, "episode", raw, edit=edit, interactive=interactive, as_json=as_json)


def session(
    ctx: typer.Context,
    start: Annotated[
        Any,
        session_field(
            "started_at",
            "--start",
            "--started-at",
            extra="Default: it has just ended, so it began --minutes ago.",
        ),
    ] = None,
    minutes: Annotated[
        float | None, session_field("actual_minutes", "--minutes", "--actual-minutes")
    ] = None,
    planned: Annotated[
        int | None, session_field("planned_minutes", "--planned", "--planned-minutes")
    ] = None,
    before: Annotated[int | None, session_field("pain_before", "--before", "--pain-before")] = None,
    after: Annotated[int | None, session_field("pain_after", "--after", "--pain-after")] = None,
    fabric: Annotated[bool | None, session_field("fabric_layer", "--fabric/--no-fabric")] = None,
    stopped_early: Annotated[
        bool | None, session_field("stopped_early", "--stopped-early/--not-stopped-early")
    ] = None,
    stop_reason: Annotated[str | None, session_field("stop_reason", "--stop-reason")] = None,
    skin: Annotated[str | None, session_field("skin_reaction", "--skin", "--skin-reaction")] = None,
    effect: Annotated[list[str] | None, session_field("effects", "--effect", "--effects")] = None,
    note: Annotated[str | None, session_field("note", "--note")] = None,
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
        effects=codes(effect),
        note=note,
    )
    save_timed(ctx, "session", raw, edit=edit, interactive=interactive, as_json=as_json)


def care(
    ctx: typer.Context,
    kind: Annotated[str | None, care_field("kind", "--kind")] = None,
    minutes: Annotated[float | None, care_field("minutes", "--minutes")] = None,
    start: Annotated[
        Any,
        care_field(
            "started_at",
            "--start",
            "--started-at",
            extra="Default: it has just ended, so it began --minutes ago.",
        ),
    ] = None,
    note: Annotated[str | None, care_field("note", "--note")] = None,
    edit: Edit = None,
    interactive: Interactive = False,
    as_json: AsJson = False,
) -> None:
    """Record heat, cold, stretching, walking or other care you gave your back.

    Example: acumat log care --kind heat --minutes 15
    """
    raw = given(kind=kind, minutes=minutes, started_at=start, note=note)
    save_timed(ctx, "care", raw, edit=edit, interactive=interactive, as_json=as_json)


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
    message = f"{verb} {ENTRY_NAMES[kind]} {entry.id}: {summary(kind, entry, actor.zone)}."
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
