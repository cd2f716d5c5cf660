"""The ``acumat`` command line: thin commands over the service layer.

Only Typer is imported here; each command imports what it needs when it runs, so
``acumat --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from typer import _click
from typer.core import TyperGroup

from acumat import __version__
from acumat.cli.state import CliState
from acumat.errors import AcumatError, Conflict, InvalidInput, NotFound

BAD_INPUT = (InvalidInput, NotFound, Conflict)


class AcumatGroup(TyperGroup):
    """Turns acumat's errors into a message on stderr and the documented exit code."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BAD_INPUT as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(2) from exc
        except AcumatError as exc:
            typer.echo(f"Error: {exc}", err=True)
            raise typer.Exit(1) from exc


app = typer.Typer(
    cls=AcumatGroup,
    name="acumat",
    help="A self-care companion for back spasms and acupressure mats.\n\n"
    "Data lives in one SQLite file in your user data folder unless ACUMAT_HOME, "
    "ACUMAT_DATABASE_URL or --db says otherwise.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"acumat {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL, e.g. postgresql+psycopg://user@host/db."),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a back-spasm diary and see whether your mat helps."""
    ctx.obj = CliState(database_url=db)


def _register() -> None:
    from acumat.cli import check, db, diary, log, serve, settings, transfer

    app.add_typer(check.app, name="check")
    app.add_typer(log.app, name="log")
    app.add_typer(db.app, name="db")
    diary.register(app)
    serve.register(app)
    settings.register(app)
    transfer.register(app)


_register()


def main() -> None:
    """Console-script entry point."""
    app()
