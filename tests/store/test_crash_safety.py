"""A writer killed with SIGKILL mid-stream loses at most the write in flight.

The child logs mat sessions as fast as it can and prints each id only after the service
call returned. After the kill, the SQLite file must pass ``PRAGMA integrity_check`` and
hold every printed id.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

WRITER = textwrap.dedent(
    """
    import sys
    from acumat.config import load_settings
    from acumat.services import diary
    from acumat.services.database import local_actor, open_database

    db = open_database(load_settings())
    user = local_actor(db)
    print("ready", flush=True)
    minute = 0
    while True:
        minute += 1
        started = "2026-01-01T00:00:00Z"
        saved = diary.add_entry(
            db, user, "session",
            {"started_at": started, "actual_minutes": minute % 60, "note": "x" * 500},
        )
        print(saved.id, flush=True)
    """
)


def test_killed_writer_leaves_an_intact_database_with_every_returned_write(
    home: Path,
) -> None:
    env = {**os.environ, "ACUMAT_HOME": str(home)}
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER], stdout=subprocess.PIPE, text=True, env=env
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    acknowledged: list[int] = []
    deadline = time.monotonic() + 30
    while len(acknowledged) < 150 and time.monotonic() < deadline:
        acknowledged.append(int(child.stdout.readline()))
    child.send_signal(signal.SIGKILL)
    child.wait()
    acknowledged.extend(int(line) for line in child.stdout.read().split())
    child.stdout.close()

    conn = sqlite3.connect(home / "acumat.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {row[0] for row in conn.execute("SELECT id FROM mat_sessions")}
    conn.close()
    assert len(acknowledged) >= 150
    assert set(acknowledged) <= stored
    assert len(stored) - len(acknowledged) <= 1
