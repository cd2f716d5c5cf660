"""``acumat serve``: the web app and API. (Filled in by the CLI work.)"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
