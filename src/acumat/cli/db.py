"""``acumat db``: schema migrations."""

from __future__ import annotations

import typer

from acumat.cli.state import state

app = typer.Typer(help="Database schema: upgrade to the newest version.", no_args_is_help=True)


@app.command()
def upgrade(ctx: typer.Context) -> None:
    """Apply every pending migration to the database.

    Example: acumat --db postgresql+psycopg://me@127.0.0.1/acumat db upgrade
    """
    from acumat.services.database import upgrade_database

    revision = upgrade_database(state(ctx).settings())
    typer.echo(f"Database is at schema {revision}.")
