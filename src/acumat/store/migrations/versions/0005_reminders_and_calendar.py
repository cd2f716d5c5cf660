"""Reminders and the calendar: the time of day for mat sessions, an optional daily check-in
reminder, optional working hours for movement breaks, and the secret calendar feed address.

Everything starts empty, as acumat behaved before: sessions at the default time, no
check-in reminder, no movement breaks, no calendar feed until the person asks for one.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# SQLite rebuilds a table to alter it; without this its ids would start being reused.
KEEP = {"sqlite_autoincrement": True}
TIMES = ("session_time", "checkin_reminder_at", "movement_from", "movement_until")


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        for name in TIMES:
            batch_op.add_column(sa.Column(name, sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("movement_every_day", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("calendar_token", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint(batch_op.f("uq_users_calendar_token"), ["calendar_token"])


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_users_calendar_token"), type_="unique")
        batch_op.drop_column("calendar_token")
        batch_op.drop_column("movement_every_day")
        for name in reversed(TIMES):
            batch_op.drop_column(name)
