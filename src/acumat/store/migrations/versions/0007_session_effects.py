"""What a mat session left behind besides the skin's look: dizziness on getting up, more
pain later, itching, signs of a skin infection (a list of words; empty for every session
stored before).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

# SQLite rebuilds a table to alter it; without this its ids would start being reused.
KEEP = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("mat_sessions", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.add_column(sa.Column("effects", sa.JSON(), server_default="[]", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("mat_sessions", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.drop_column("effects")
