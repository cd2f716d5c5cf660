"""``acumat export|import|backup|restore|demo``: moving a diary in and out of the database."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.options import Whole, option
from acumat.cli.state import open_diary, state

if TYPE_CHECKING:
    from acumat.services.backup import RestoreResult
    from acumat.services.transfer import EntryCounts, TransferCounts

JsonFlag = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
ForceFlag = Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")]


def register(app: typer.Typer) -> None:
    """Add the data-moving commands to ``app``."""
    app.command(name="export")(export)
    app.command(name="import")(import_)
    app.command(name="backup")(backup)
    app.command(name="restore")(restore)
    app.command(name="demo")(demo)


def export(
    ctx: typer.Context,
    out: Annotated[
        str, typer.Option("--out", "-o", metavar="FILE", help="File to write, or - for the screen.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="csv|json",
            help="csv or json; default: the file's extension, else json.",
        ),
    ] = None,
    force: ForceFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Write your whole diary to a CSV or JSON file that `acumat import` reads back.

    JSON also keeps your safety screenings and clinician approvals; CSV holds the diary only.

    Example: acumat export --format csv --out diary.csv
    """
    from acumat.services import transfer

    db, actor = open_diary(ctx)
    if out == "-":
        typer.echo(transfer.export_diary(db, actor, fmt), nl=False)
        return
    result = transfer.write_export(db, actor, Path(out), fmt, overwrite=force)
    if as_json:
        _emit(result)
    else:
        typer.echo(f"Exported {describe_file(result.counts, result.format)} to {result.path}.")


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(metavar="FILE", help="An acumat CSV or JSON export.")],
    as_json: JsonFlag = False,
) -> None:
    """Add the entries of an acumat export that your diary does not have yet.

    All or nothing: if any row is wrong, or holds an entry your diary has with different
    content, nothing is imported. Entries already present are skipped, so importing the
    same file twice adds nothing the second time.

    Example: acumat import diary.json
    """
    from acumat.services import transfer

    db, actor = open_diary(ctx)
    summary = transfer.import_file(db, actor, file)
    if as_json:
        _emit(summary)
    else:
        added, fmt = describe_added(summary, summary.format), summary.format
        present = summary.already_present.total
        tail = f"; {present} already present" if present else ""
        typer.echo(f"Imported {added} from {file} ({fmt}){tail}.")


def backup(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="FILE", help="File to write the backup to.")
    ],
    force: ForceFlag = False,
    as_json: JsonFlag = False,
) -> None:
    """Copy the whole database to one file: a SQLite copy, or a JSON export for PostgreSQL.

    The SQLite copy is safe to take while acumat is running; open it with --db sqlite:///FILE.

    Example: acumat backup --out ~/acumat-backup.db
    """
    from acumat.services import backup as service

    db, actor = open_diary(ctx)
    result = service.backup(db, actor, out, overwrite=force)
    if as_json:
        _emit(result)
    else:
        kind = "SQLite copy" if result.method == "sqlite-online-backup" else "JSON export"
        typer.echo(f"Backed up to {result.path} ({kind}, {result.size_bytes} bytes).")


def restore(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="A backup: a SQLite copy from `acumat backup`, or a JSON export."
        ),
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace a diary that already holds entries (SQLite copies); "
            "the database it replaces is kept next to it.",
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Get your diary back from a backup made by `acumat backup`.

    A SQLite copy replaces the database: only an empty one unless --force is given, and the
    one it replaces is kept next to it as acumat.db.before-restore-YYYYmmdd-HHMMSS (UTC).
    A JSON export (the backup on PostgreSQL) is imported: entries already present are
    skipped.

    Example: acumat restore ~/acumat-backup.db
    """
    from acumat.services import backup as service
    from acumat.services.database import local_actor

    result = service.restore(state(ctx).settings(), file, local_actor, force=force)
    if as_json:
        _emit(result)
    else:
        typer.echo(describe_restore(result))


def demo(
    ctx: typer.Context,
    seed: Annotated[
        int | None,
        option(
            "--seed", kind=Whole(0, 2**63, 7), metavar="N", help="Another seed gives another story."
        ),
    ] = None,
    remove: Annotated[
        bool,
        typer.Option(
            "--remove", help="Delete every demo entry in one step; your own entries stay."
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Fill an empty diary with ten weeks of made-up entries, marked as demo data.

    Try it in a folder of its own, so it never mixes with your diary. The demo writes no
    safety result: answer the questions yourself with `acumat check`.
    --remove deletes every demo entry again, all at once.

    \b
    Example:
      ACUMAT_HOME=/tmp/acumat-demo acumat demo --seed 7
      acumat demo --remove
    """
    from acumat.services import demo as service

    db, actor = open_diary(ctx)
    if remove:
        removed = service.remove_demo(db, actor)
        if as_json:
            _emit({"removed": removed})
        else:
            typer.echo(f"Removed {_plural(removed, 'demo row')}; your own entries are untouched.")
        return
    counts = service.load_demo(db, actor, seed)
    if as_json:
        _emit(counts)
    else:
        typer.echo(f"Added {describe(counts)} of demo data, each marked as demo.")
        typer.echo(
            "See them with `acumat diary --days 70`; remove them with `acumat demo --remove`."
        )


def describe(counts: EntryCounts) -> str:
    """``3 check-ins, 1 spasm episode, 0 mat sessions and 2 care activities``."""
    return _listed(_diary_parts(counts))


def describe_file(counts: TransferCounts, fmt: str) -> str:
    """:func:`describe`, plus screenings and approvals for JSON (CSV never holds them)."""
    if fmt != "json":
        return describe(counts)
    safety = [
        _plural(counts.screenings, "screening"),
        _plural(counts.clinician_approvals, "clinician approval"),
    ]
    return _listed([*_diary_parts(counts), *safety])


def describe_added(counts: TransferCounts, fmt: str = "json") -> str:
    """What an import added: :func:`describe_file`, or ``0 new entries`` when nothing."""
    return describe_file(counts, fmt) if counts.total else "0 new entries"


def describe_restore(result: RestoreResult) -> str:
    """What a restore did, in a sentence or two."""
    if result.method == "json-import":
        added = describe_added(result.counts)
        present = result.already_present.total
        return f"Restored {result.path} (JSON export): imported {added}; {present} already present."
    return (
        f"Restored {result.path} (SQLite copy): your diary now holds "
        f"{describe_file(result.counts, 'json')}.\n"
        f"The database it replaced is kept as {result.kept}."
    )


def _diary_parts(counts: EntryCounts) -> list[str]:
    return [
        _plural(counts.checkins, "check-in"),
        _plural(counts.episodes, "spasm episode"),
        _plural(counts.sessions, "mat session"),
        _plural(counts.care, "care activity", "care activities"),
    ]


def _listed(parts: list[str]) -> str:
    return f"{', '.join(parts[:-1])} and {parts[-1]}"


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def _emit(value: object) -> None:
    from acumat.cli.output import emit_json

    emit_json(value)
