"""``acumat export|import|backup|demo``. (Filled in by the interop work.)"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the data-moving commands to ``app``."""
