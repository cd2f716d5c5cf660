"""Every command documents itself, and ``acumat --help`` imports nothing heavy.

The command tree is walked generically, so commands added later are held to the same rule.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer import _click
from typer.core import TyperGroup
from typer.testing import CliRunner

from acumat.cli import app

HEAVY = (
    "numpy",
    "scipy",
    "fastapi",
    "starlette",
    "sqlalchemy",
    "uvicorn",
    "pygal",
    "pydantic",
    "pydantic_settings",
    "alembic",
    "bm25s",
    "rapidfuzz",
    "Stemmer",
    "markdown_it",
)


def walk(command: _click.Command, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command path under ``command``, itself included."""
    yield path
    if isinstance(command, TyperGroup):
        for name, sub in sorted(command.commands.items()):
            yield from walk(sub, (*path, name))


def resolve(path: tuple[str, ...]) -> _click.Command:
    command = typer.main.get_command(app)
    for name in path:
        assert isinstance(command, TyperGroup)
        command = command.commands[name]
    return command


PATHS = list(walk(typer.main.get_command(app)))
LEAVES = [p for p in PATHS if not isinstance(resolve(p), TyperGroup)]


def test_the_walk_finds_the_core_commands() -> None:
    names = {" ".join(p) for p in PATHS}
    assert {"log checkin", "log episode", "log session", "log care", "log delete"} <= names
    assert {"diary", "serve", "db upgrade"} <= names


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "acumat")
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    assert (resolve(path).help or "").strip(), f"`acumat {' '.join(path)}` has no help text"
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("path", LEAVES, ids=lambda p: " ".join(p))
def test_every_leaf_command_shows_an_example(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"])
    assert "Example" in result.stdout, f"`acumat {' '.join(path)} --help` has no Example"


def imported_modules(*args: str) -> set[str]:
    """Top-level names of the modules ``python -X importtime -m acumat ARGS`` imports."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "acumat", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [line for line in done.stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in lines[1:]}


def test_help_imports_no_heavy_module() -> None:
    modules = imported_modules("--help")
    assert "acumat" in modules  # the probe really saw acumat's imports
    assert not modules & set(HEAVY)


def test_ask_answers_without_numpy_the_web_stack_or_sqlalchemy(home: Path) -> None:
    imported_modules("settings")  # a diary with its person, as after the first command
    imported_modules("ask", "warm", "the", "index")  # the first question may build it
    modules = imported_modules("ask", "how", "long", "should", "i", "lie", "on", "it")
    assert "acumat" in modules
    assert not modules & {"numpy", "bm25s", "scipy", "sqlalchemy", "fastapi", "markdown_it"}


def test_the_probe_would_notice_a_heavy_import() -> None:
    assert "sqlalchemy" in imported_modules("--db", "sqlite:///:memory:", "db", "upgrade")


def test_commands_are_listed_in_the_order_a_newcomer_needs_them() -> None:
    shown = CliRunner().invoke(app, ["--help"]).stdout
    assert "Start here: acumat check" in shown
    listed = shown.split("Commands:")[1].split()
    order = ["check", "log", "diary", "settings", "serve", "export", "import", "backup"]
    positions = [listed.index(name) for name in [*order, "restore", "demo", "db"]]
    assert positions == sorted(positions)


def test_check_itself_shows_an_example() -> None:
    assert "acumat check status" in CliRunner().invoke(app, ["check", "--help"]).stdout


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "acumat")
def test_no_option_shows_a_bare_type_as_its_placeholder(path: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(app, [*path, "--help"]).stdout
    options = [line for line in shown.splitlines() if line.lstrip().startswith("-")]
    for bare in ("<str>", "<int>", "<float>", "<path>"):
        assert not [o for o in options if bare in o], f"`acumat {' '.join(path)}` shows {bare}"
    assert "{file}" not in shown


def test_days_and_times_show_their_forms() -> None:
    checkin = CliRunner().invoke(app, ["log", "checkin", "--help"]).stdout
    assert "--day YYYY-MM-DD" in checkin
    episode = CliRunner().invoke(app, ["log", "episode", "--help"]).stdout
    assert '"YYYY-MM-DD HH:MM"|HH:MM|now' in episode
    approve = CliRunner().invoke(app, ["check", "approve", "--help"]).stdout
    assert "--on YYYY-MM-DD" in approve
