"""CLI fixtures: run ``acumat`` in-process against a real database and count what it wrote."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner, Result

from acumat.cli import app
from acumat.store.engine import make_engine
from acumat.store.models import CareActivity, CheckIn, Episode, MatSession

Run = Callable[..., Result]
ENTRY_MODELS = (CheckIn, Episode, MatSession, CareActivity)


@pytest.fixture
def run(home: Path, frozen_clock: object) -> Run:
    """Invoke ``acumat ARGS…`` with an empty ACUMAT_HOME and the clock at 2026-03-15 12:00 UTC."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:  # noqa: A002 - CliRunner's name
        return runner.invoke(app, list(args), input=input)

    return invoke


@pytest.fixture
def home_url(home: Path) -> str:
    """The URL of the SQLite file acumat creates in ACUMAT_HOME on first use."""
    return f"sqlite:///{home / 'acumat.db'}"


def count_entries(url: str) -> int:
    """How many diary rows of any kind the database at ``url`` holds (0 if it has no file)."""
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return 0
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return sum(
                int(conn.scalar(select(func.count()).select_from(model)) or 0)
                for model in ENTRY_MODELS
            )
    finally:
        engine.dispose()
