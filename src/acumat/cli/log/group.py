"""The ``acumat log`` group and what its commands share: common flags and the last steps.

Values are read exactly from the flags (:mod:`acumat.cli.fields`, in the diary schemas'
own words), defaults come from :mod:`acumat.services.entry_input`, and the diary service
alone decides what is valid, so the CLI, the web pages and the API refuse the same things;
the CLI names the flag.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated, Any

import typer

from acumat.cli import options as kinds
from acumat.cli.core import AcumatGroup
from acumat.cli.options import option

if TYPE_CHECKING:
    from pydantic import BaseModel

    from acumat.actor import Actor
    from acumat.kinds import EntryKind

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

AsJson = Annotated[bool, typer.Option("--json", help="Print the stored entry as JSON.")]
Interactive = Annotated[
    bool,
    typer.Option(
        "--interactive",
        "-i",
        help="Ask for every value not given as a flag (Enter skips optional ones).",
    ),
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


def report(entry: BaseModel, message: str, as_json: bool) -> None:
    """The stored entry as JSON, or one sentence saying what was stored."""
    from acumat.cli.output import emit_json

    if as_json:
        emit_json(entry)
    else:
        typer.echo(message)
