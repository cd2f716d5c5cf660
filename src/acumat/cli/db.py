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
    from acumat.store.engine import make_engine
    from acumat.store.migrate import HEAD
    from acumat.store.migrate import upgrade as apply

    engine = make_engine(state(ctx).settings().resolved_database_url)
    apply(engine)
    engine.dispose()
    typer.echo(f"Database is at schema {HEAD}.")
