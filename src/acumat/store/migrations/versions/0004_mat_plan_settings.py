"""What the mat plan keeps per person: their own session limit, and when their skin healed.

Both start empty: the plan then uses its default limit, and no skin reaction has been
recorded as healed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 00:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# SQLite rebuilds a table to alter it; without this its ids would start being reused.
KEEP = {"sqlite_autoincrement": True}


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.add_column(sa.Column("mat_cap_minutes", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("skin_healed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.drop_column("skin_healed_on")
        batch_op.drop_column("mat_cap_minutes")
