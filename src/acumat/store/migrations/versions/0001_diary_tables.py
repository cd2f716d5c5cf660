"""Diary tables: users, check-ins, spasm episodes, mat sessions, care activities.

Revision ID: 0001
Revises:
Create Date: 2026-11-24 13:42:46.039573
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from acumat.store.types import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=True),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("email", name=op.f("uq_users_email")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "care_activities",
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("minutes", sa.Float(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_care_activities_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_care_activities_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_activities")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("care_activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_care_activities_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_care_activities_user_id"), ["user_id"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("pain", sa.Integer(), nullable=False),
        sa.Column("peg_enjoyment", sa.Integer(), nullable=True),
        sa.Column("peg_activity", sa.Integer(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("spasm_count", sa.Integer(), nullable=True),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("hours_sitting", sa.Float(), nullable=True),
        sa.Column("took_pain_relief", sa.Boolean(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "pain IS NULL OR (pain BETWEEN 0 AND 10)", name=op.f("ck_checkins_pain_0_10")
        ),
        sa.CheckConstraint(
            "peg_activity IS NULL OR (peg_activity BETWEEN 0 AND 10)",
            name=op.f("ck_checkins_peg_activity_0_10"),
        ),
        sa.CheckConstraint(
            "peg_enjoyment IS NULL OR (peg_enjoyment BETWEEN 0 AND 10)",
            name=op.f("ck_checkins_peg_enjoyment_0_10"),
        ),
        sa.CheckConstraint(
            "sleep_quality IS NULL OR (sleep_quality BETWEEN 0 AND 10)",
            name=op.f("ck_checkins_sleep_quality_0_10"),
        ),
        sa.CheckConstraint(
            "stress IS NULL OR (stress BETWEEN 0 AND 10)", name=op.f("ck_checkins_stress_0_10")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_checkins_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("user_id", "day", name="uq_checkins_user_day"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_user_id"), ["user_id"], unique=False)

    op.create_table(
        "episodes",
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("peak_intensity", sa.Integer(), nullable=False),
        sa.Column("locations", sa.JSON(), nullable=False),
        sa.Column("triggers", sa.JSON(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "peak_intensity IS NULL OR (peak_intensity BETWEEN 0 AND 10)",
            name=op.f("ck_episodes_peak_intensity_0_10"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_episodes_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_episodes")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_episodes_started_at"), ["started_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_episodes_user_id"), ["user_id"], unique=False)

    op.create_table(
        "mat_sessions",
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=True),
        sa.Column("actual_minutes", sa.Float(), nullable=False),
        sa.Column("pain_before", sa.Integer(), nullable=True),
        sa.Column("pain_after", sa.Integer(), nullable=True),
        sa.Column("fabric_layer", sa.Boolean(), nullable=False),
        sa.Column("stopped_early", sa.Boolean(), nullable=False),
        sa.Column("stop_reason", sa.String(length=32), nullable=True),
        sa.Column("skin_reaction", sa.String(length=32), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "actual_minutes >= 0", name=op.f("ck_mat_sessions_actual_minutes_non_negative")
        ),
        sa.CheckConstraint(
            "pain_after IS NULL OR (pain_after BETWEEN 0 AND 10)",
            name=op.f("ck_mat_sessions_pain_after_0_10"),
        ),
        sa.CheckConstraint(
            "pain_before IS NULL OR (pain_before BETWEEN 0 AND 10)",
            name=op.f("ck_mat_sessions_pain_before_0_10"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_mat_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mat_sessions")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("mat_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_mat_sessions_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_mat_sessions_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mat_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mat_sessions_user_id"))
        batch_op.drop_index(batch_op.f("ix_mat_sessions_started_at"))

    op.drop_table("mat_sessions")
    with op.batch_alter_table("episodes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_episodes_user_id"))
        batch_op.drop_index(batch_op.f("ix_episodes_started_at"))

    op.drop_table("episodes")
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkins_user_id"))

    op.drop_table("checkins")
    with op.batch_alter_table("care_activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_care_activities_user_id"))
        batch_op.drop_index(batch_op.f("ix_care_activities_started_at"))

    op.drop_table("care_activities")
    op.drop_table("users")
