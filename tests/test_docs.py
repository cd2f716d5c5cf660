"""The README stays true: every command, setting and API route is in it (as Datasette's
``test_docs.py`` keeps its documentation honest)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from acumat.cli import app
from acumat.config import Settings
from acumat.http.app import create_app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    root = typer.main.get_command(app)
    names = []
    for name, command in getattr(root, "commands", {}).items():
        names.append(name)
        names += [f"{name} {sub}" for sub in getattr(command, "commands", {})]
    assert names, "no commands found"
    return sorted(names)


def api_routes() -> list[str]:
    """Every path of the JSON API, as its OpenAPI document lists them."""
    paths = sorted(create_app(Settings(home=Path("unused"))).openapi()["paths"])
    assert paths, "no API routes found"
    return paths


def as_written(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_in_the_readme(name: str) -> None:
    shown = f"`acumat {name}" in README or f"$ acumat {name}" in README
    assert shown, f"README never shows `acumat {name}`"


@pytest.mark.parametrize("field", sorted(Settings.model_fields))
def test_every_setting_is_in_the_readme(field: str) -> None:
    assert f"ACUMAT_{field.upper()}" in README


@pytest.mark.parametrize("path", api_routes())
def test_every_api_route_is_in_the_readme(path: str) -> None:
    written = {as_written(p) for p in re.findall(r"`(/api/v1/[^`?\s]*)", README)}
    assert as_written(path) in written, f"README's API table has no row for {path}"
