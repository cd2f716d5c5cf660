"""Each user's time zone and region; a stable identity (uuid) for every entry; per-user
time-ordered indexes; and the server-side draft of the safety questions.

Existing users get the computer's time zone (their days were the computer's days until now),
and every existing row gets a fresh uuid, so exports made from now on can be re-imported
without duplicating anything.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 17:00:00
"""

from __future__ import annotations

from uuid import uuid4

import sqlalchemy as sa
from alembic import op

from acumat.store.types import UTCDateTime

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TIMED = ("episodes", "mat_sessions", "care_activities")
WITH_UUID = ("checkins", *TIMED, "screenings", "clinician_approvals")
# SQLite rebuilds a table to alter it; without this its ids would start being reused.
KEEP = {"sqlite_autoincrement": True}
OLD_INDEXES = {
    "checkins": ["ix_checkins_user_id"],
    "episodes": ["ix_episodes_user_id", "ix_episodes_started_at"],
    "mat_sessions": ["ix_mat_sessions_user_id", "ix_mat_sessions_started_at"],
    "care_activities": ["ix_care_activities_user_id", "ix_care_activities_started_at"],
    "screenings": ["ix_screenings_user_id", "ix_screenings_taken_at"],
    "clinician_approvals": ["ix_clinician_approvals_user_id"],
}


def _machine_zone() -> str:
    from acumat.clock import machine_zone_name

    return machine_zone_name()


def _fill_uuids(table: str) -> None:
    conn = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column("uuid", sa.String))
    ids = list(conn.execute(sa.select(rows.c.id)).scalars())
    if ids:
        update = rows.update().where(rows.c.id == sa.bindparam("row_id"))
        conn.execute(
            update.values(uuid=sa.bindparam("new_uuid")),
            [{"row_id": i, "new_uuid": str(uuid4())} for i in ids],
        )


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.add_column(
            sa.Column("timezone", sa.String(length=64), server_default="UTC", nullable=False)
        )
        batch_op.add_column(
            sa.Column("region", sa.String(length=8), server_default="GB", nullable=False)
        )
    users = sa.table("users", sa.column("timezone", sa.String))
    op.get_bind().execute(users.update().values(timezone=_machine_zone()))

    for table in WITH_UUID:
        with op.batch_alter_table(table, schema=None, table_kwargs=KEEP) as batch_op:
            batch_op.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
        _fill_uuids(table)
        with op.batch_alter_table(table, schema=None, table_kwargs=KEEP) as batch_op:
            batch_op.alter_column("uuid", existing_type=sa.String(length=36), nullable=False)
            batch_op.create_unique_constraint(f"uq_{table}_user_uuid", ["user_id", "uuid"])
            for name in OLD_INDEXES[table]:
                batch_op.drop_index(name)
            if table in TIMED:
                batch_op.create_index(f"ix_{table}_user_started_at", ["user_id", "started_at"])
            if table == "screenings":
                batch_op.create_index("ix_screenings_user_taken_at", ["user_id", "taken_at"])

    op.create_table(
        "screening_drafts",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_screening_drafts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_screening_drafts")),
    )


def downgrade() -> None:
    op.drop_table("screening_drafts")
    for table in reversed(WITH_UUID):
        with op.batch_alter_table(table, schema=None, table_kwargs=KEEP) as batch_op:
            if table in TIMED:
                batch_op.drop_index(f"ix_{table}_user_started_at")
            if table == "screenings":
                batch_op.drop_index("ix_screenings_user_taken_at")
            for name in OLD_INDEXES[table]:
                batch_op.create_index(name, [name.removeprefix(f"ix_{table}_")])
            batch_op.drop_constraint(f"uq_{table}_user_uuid", type_="unique")
            batch_op.drop_column("uuid")
    with op.batch_alter_table("users", schema=None, table_kwargs=KEEP) as batch_op:
        batch_op.drop_column("region")
        batch_op.drop_column("timezone")
