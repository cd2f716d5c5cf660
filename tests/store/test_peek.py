"""The region read without SQLAlchemy (for ``acumat ask``) says what the repositories say, and
says nothing rather than guess."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from acumat.config import load_settings
from acumat.services.database import local_actor, open_database
from acumat.services.settings import change_settings
from acumat.store.peek import data_home, local_region


@pytest.mark.parametrize("region", ["GB", "NZ", "US"])
def test_it_reads_the_region_the_repositories_store(home: Path, region: str) -> None:
    db = open_database(load_settings())
    try:
        actor = local_actor(db)
        change_settings(db, actor, {"region": region})
        stored = local_actor(db).region
    finally:
        db.dispose()
    assert local_region() == stored == region


def test_it_finds_the_file_where_the_settings_put_it(home: Path) -> None:
    assert data_home() == load_settings().home


def test_without_a_file_it_says_nothing_and_creates_none(home: Path) -> None:
    assert local_region() is None
    assert not (home / "acumat.db").exists()


def test_another_database_chosen_is_left_to_the_repositories(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert local_region("postgresql+psycopg://someone@127.0.0.1/acumat") is None
    monkeypatch.setenv("ACUMAT_DATABASE_URL", "sqlite:////tmp/elsewhere.db")
    assert local_region() is None


def test_a_file_without_the_table_says_nothing(home: Path) -> None:
    home.mkdir(parents=True)
    with sqlite3.connect(home / "acumat.db") as conn:
        conn.execute("CREATE TABLE other (x INTEGER)")
    assert local_region() is None
