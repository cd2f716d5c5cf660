"""``acumat diary``: recent entries. (Filled in by the CLI work.)"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``diary`` command to ``app``."""
