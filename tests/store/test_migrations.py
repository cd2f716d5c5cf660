"""Migrations: empty → head, head → base → head, and the schema matches the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from acumat.store.engine import make_engine
from acumat.store.migrate import HEAD, _config, current_revision, downgrade, upgrade
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
