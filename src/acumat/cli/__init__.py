"""The ``acumat`` command line: thin commands over the service layer.

Only Typer is imported here; each command imports what it needs when it runs, so
``acumat --help`` stays fast.
"""

from __future__ import annotations

from typing import Annotated

import typer

from acumat import __version__
from acumat.cli.core import AcumatGroup
from acumat.cli.state import CliState

app = typer.Typer(
    cls=AcumatGroup,
    name="acumat",
    help="A self-care companion for back spasms and acupressure mats.\n\n"
    "Start here: acumat check (is it safe to use a mat now, and do you need a doctor?), "
    "then acumat log checkin once a day.\n\n"
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
        typer.Option(
            "--db", metavar="URL", help="Database URL, e.g. postgresql+psycopg://user@host/db."
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a back-spasm diary and see whether your mat helps."""
    ctx.obj = CliState(database_url=db)


def _register() -> None:
    from acumat.cli import (
        care,
        check,
        db,
        diary,
        insights,
        learn,
        log,
        plan,
        serve,
        session,
        settings,
        spasm,
        transfer,
        trial,
    )

    app.add_typer(check.app, name="check")
    app.add_typer(log.app, name="log")
    app.add_typer(db.app, name="db")
    plan.register(app)
    session.register(app)
    spasm.register(app)
    care.register(app)
    diary.register(app)
    insights.register(app)
    learn.register(app)
    serve.register(app)
    settings.register(app)
    transfer.register(app)
    app.add_typer(trial.app, name="trial")


_register()


def main() -> None:
    """Console-script entry point."""
    app()
