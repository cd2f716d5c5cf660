"""``acumat log``: record diary entries. (Filled in by the CLI work.)"""

from __future__ import annotations

import typer

app = typer.Typer(help="Record a check-in, spasm episode, mat session or care activity.")
