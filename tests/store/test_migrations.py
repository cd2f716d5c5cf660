"""Migrations: empty → head, head → base → head, and the schema matches the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from acumat.store.engine import make_engine
from acumat.store.migrate import HEAD, REVISIONS, _config, current_revision, downgrade, upgrade
from acumat.store.models import Base

DIARY_TABLES = {
    "users",
    "checkins",
    "episodes",
    "mat_sessions",
    "care_activities",
    "screenings",
    "clinician_approvals",
}


def test_head_constant_matches_the_newest_migration(sqlite_url: str) -> None:
    script = ScriptDirectory.from_config(_config(make_engine(sqlite_url)))
    assert script.get_current_head() == HEAD


def test_the_revision_list_is_alembics_history_oldest_first(sqlite_url: str) -> None:
    script = ScriptDirectory.from_config(_config(make_engine(sqlite_url)))
    history = [revision.revision for revision in script.walk_revisions()]
    assert tuple(reversed(history)) == REVISIONS


def test_it_migrates_an_empty_database_to_head(database_url: str) -> None:
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == HEAD
    assert set(inspect(engine).get_table_names()) >= DIARY_TABLES
    engine.dispose()


def test_downgrade_to_base_then_upgrade_round_trips(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    downgrade(engine, "base")
    assert not DIARY_TABLES & set(inspect(engine).get_table_names())
    upgrade(engine)
    assert current_revision(engine) == HEAD
    engine.dispose()


def test_migrated_schema_matches_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []
    engine.dispose()


OLD_ROWS = (
    "INSERT INTO users (id, is_local, created_at) VALUES (1, TRUE, '2026-01-01 00:00:00')",
    "INSERT INTO screenings (id, user_id, taken_at, origin, complete, answers, urgency, verdict,"
    " reasons, ruleset_version, is_demo) VALUES (1, 1, '2026-01-01 00:00:00', 'screening', TRUE,"
    " '{}', 'SELF_CARE', 'caution-consult', '[]', 'sha256-x', FALSE)",
    "INSERT INTO clinician_approvals (id, user_id, screening_id, clinician, approved_on, note,"
    " created_at) VALUES (1, 1, 1, 'Dr Lee', '2026-01-01', '', '2026-01-01 00:00:00')",
    "INSERT INTO checkins (id, user_id, day, pain, note, is_demo, created_at, updated_at)"
    " VALUES (1, 1, '2026-01-01', 3, '', FALSE, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
)


def _counts(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return [
            int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)  # noqa: S608
            for table in ("users", "screenings", "clinician_approvals", "checkins")
        ]


def test_migrations_keep_every_row_even_those_that_refer_to_a_rebuilt_table(
    database_url: str,
) -> None:
    """SQLite rebuilds ``screenings`` and ``users`` to alter them; their dependants stay."""
    engine = make_engine(database_url)
    upgrade(engine, "0002")
    with engine.begin() as conn:
        for statement in OLD_ROWS:
            conn.execute(text(statement))
    upgrade(engine)
    assert _counts(engine) == [1, 1, 1, 1]
    downgrade(engine, "0002")
    assert _counts(engine) == [1, 1, 1, 1]
    engine.dispose()
