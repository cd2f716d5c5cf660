"""Screenings (triage results) and clinician approvals of mat use.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 14:05:02.167125
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from acumat.store.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "screenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("taken_at", UTCDateTime(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("urgency", sa.String(length=24), nullable=False),
        sa.Column("verdict", sa.String(length=24), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("ruleset_version", sa.String(length=80), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_screenings_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_screenings_taken_at"), ["taken_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_screenings_user_id"), ["user_id"], unique=False)

    op.create_table(
        "clinician_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("screening_id", sa.Integer(), nullable=False),
        sa.Column("clinician", sa.String(length=200), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["screening_id"],
            ["screenings.id"],
            name=op.f("fk_clinician_approvals_screening_id_screenings"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_clinician_approvals_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinician_approvals")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("clinician_approvals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_clinician_approvals_screening_id"), ["screening_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_clinician_approvals_user_id"), ["user_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("clinician_approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_clinician_approvals_user_id"))
        batch_op.drop_index(batch_op.f("ix_clinician_approvals_screening_id"))

    op.drop_table("clinician_approvals")
    with op.batch_alter_table("screenings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screenings_user_id"))
        batch_op.drop_index(batch_op.f("ix_screenings_taken_at"))

    op.drop_table("screenings")
