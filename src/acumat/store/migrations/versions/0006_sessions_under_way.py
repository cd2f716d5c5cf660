"""A mat session started in the browser and not yet ended: when it began, for how long,
on a fabric layer or not, and the pain it began with (one per person).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from acumat.store.types import UTCDateTime

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sessions_under_way",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("fabric_layer", sa.Boolean(), nullable=False),
        sa.Column("pain_before", sa.Integer(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_sessions_under_way_minutes_positive")),
        sa.CheckConstraint(
            "pain_before IS NULL OR (pain_before BETWEEN 0 AND 10)",
            name=op.f("ck_sessions_under_way_pain_before_0_10"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_sessions_under_way_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_sessions_under_way")),
    )


def downgrade() -> None:
    op.drop_table("sessions_under_way")
