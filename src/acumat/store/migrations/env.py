"""Alembic environment: runs against the engine acumat hands over in ``config.attributes``.

On SQLite, foreign keys are off while migrations run: a batch migration rebuilds a table
by copying it and dropping the old one, and with foreign keys on that drop would cascade,
deleting every row that refers to the table (every clinician approval when ``screenings``
is rebuilt, every entry when ``users`` is).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Engine

from acumat.store.models import Base

engine = context.config.attributes["engine"]
assert isinstance(engine, Engine)

with engine.connect() as connection:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # The pragma only takes effect outside a transaction: set it, then begin one.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    try:
        with connection.begin():
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                render_as_batch=True,
                compare_type=True,
            )
            context.run_migrations()
    finally:
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
