"""``acumat log delete``: delete one entry for good, after showing it and asking."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli import options as kinds
from acumat.cli.log.group import AsJson
from acumat.cli.state import open_diary
from acumat.kinds import ENTRY_NAMES

if TYPE_CHECKING:
    from acumat.actor import Actor


def delete(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Argument(
            metavar="KIND",
            help="checkin, episode, session or care (or check-in, spasm episode, mat "
            "session, care activity).",
            parser=kinds.Reader(kinds.Word(ENTRY_NAMES), "KIND"),
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
        what = f"{ENTRY_NAMES[kind]} {entry_id}: {summary(kind, found, actor.zone)}"
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


def confirmed(question: str) -> bool:
    return typer.confirm(question, default=False, err=True)


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
