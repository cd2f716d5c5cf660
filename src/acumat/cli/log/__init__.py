"""``acumat log``: record, change and delete diary entries.

Each command lives with the steps only it takes; they are registered here in the order a
person meets them in ``acumat log --help``.
"""

from __future__ import annotations

from acumat.cli.log import checkin, delete, entries
from acumat.cli.log.group import app

app.command()(checkin.checkin)
app.command()(entries.episode)
app.command()(entries.session)
app.command()(entries.care)
app.command()(delete.delete)

__all__ = ["app"]
