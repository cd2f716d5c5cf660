"""Peak memory and time of `acumat import` for a large generated export.

Generates a CSV or JSON export of about --megabytes MB (check-ins, spasm episodes, mat
sessions and care activities, each with its uuid and a short note) in a temporary folder,
then runs `python -m acumat import FILE` into a fresh SQLite ACUMAT_HOME in a subprocess,
twice: the first run adds every row, the second finds every row already present. Each
run's peak resident memory is the child's ru_maxrss (resource.getrusage with
RUSAGE_CHILDREN, read in a separate measuring process per run so the runs do not mix).

Usage:
    .venv/bin/python benchmarks/import_memory.py --megabytes 50 --format csv
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from acumat.interop.csv_io import COLUMNS

WORDS = ["back", "tight", "after", "long", "drive", "heat", "helped", "slept", "badly", "walked"]
LAST_DAY = date(2026, 1, 1)
LAST_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def instant(value: datetime) -> str:
    return value.isoformat().replace("+00:00", "Z")


def rows(rng: random.Random) -> Iterator[tuple[str, dict[str, Any]]]:
    """Endless (kind, fields) rows: one check-in per day and a few timed entries."""
    for n in range(10**9):
        note = " ".join(rng.choices(WORDS, k=rng.randint(3, 9)))
        stamp = instant(LAST_TIME - timedelta(minutes=7 * n))
        common = {"note": note, "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4))}
        common |= {"created_at": stamp, "updated_at": stamp, "is_demo": False}
        if n % 8 == 0:
            day = (LAST_DAY - timedelta(days=n // 8)).isoformat()
            yield "checkin", {"day": day, "pain": rng.randint(0, 10), "sleep_quality": 5} | common
        elif n % 8 < 3:
            fields = {"started_at": stamp, "peak_intensity": rng.randint(0, 10)}
            where = {"locations": ["lower_left"], "triggers": ["lifting"]}
            yield "episode", fields | where | common
        elif n % 8 < 5:
            fields = {"started_at": stamp, "actual_minutes": 10, "pain_before": 6, "pain_after": 4}
            yield "session", fields | common
        else:
            yield "care", {"started_at": stamp, "kind": "heat", "minutes": 15} | common


def csv_line(kind: str, fields: dict[str, Any]) -> str:
    cells = dict(fields)
    if kind == "care":
        cells["care_kind"] = cells.pop("kind")
    cells["kind"] = kind
    out = []
    for column in COLUMNS:
        value = cells.get(column, "")
        if isinstance(value, list):
            value = ";".join(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        out.append(str(value))
    return ",".join(out) + "\n"


def write_csv(path: Path, size: int, rng: random.Random) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(COLUMNS) + "\n")
        for kind, fields in rows(rng):
            if handle.tell() >= size:
                break
            handle.write(csv_line(kind, fields))
            count += 1
    return count


def write_json(path: Path, size: int, rng: random.Random) -> int:
    lists: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("checkin", "episode", "session", "care")
    }
    written = 0
    for kind, fields in rows(rng):
        row = json.dumps(fields, indent=2)
        written += len(row) + 4 * (row.count("\n") + 1) + 2  # as indented in the document
        if written >= size:
            break
        lists[kind].append(fields)
    names = {"checkin": "checkins", "episode": "episodes", "session": "sessions", "care": "care"}
    document = {"format": "acumat-export", "version": 3}
    document |= {names[kind]: items for kind, items in lists.items()}
    document |= {"screenings": [], "clinician_approvals": []}
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return sum(len(items) for items in lists.values())


def measure(home: Path, file: Path) -> tuple[float, float, str]:
    """Seconds and peak MB of one `acumat import` in its own measuring process."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run([sys.executable, '-m', 'acumat', 'import', sys.argv[1]],\n"
        "    capture_output=True, text=True)\n"
        "took = time.perf_counter() - start\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(took, peak, done.returncode, repr((done.stdout + done.stderr).strip()[:300]))\n"
    )
    env = {"ACUMAT_HOME": str(home), "PATH": "/usr/bin:/bin", "TZ": "UTC"}
    command = [sys.executable, "-c", probe, str(file)]
    out = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    said = out.stdout.split(" ", 3)
    if said[2] != "0":
        raise SystemExit(f"import failed: {said[3]}")
    return float(said[0]), float(said[1]), said[3].strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / f"big.{args.format}"
        writer = write_csv if args.format == "csv" else write_json
        count = writer(file, int(args.megabytes * 1024 * 1024), random.Random(args.seed))
        size = file.stat().st_size / 1024 / 1024
        print(f"file: {args.format}, {size:.1f} MB, {count} rows")
        for label in ("first import (all new)", "second import (all present)"):
            seconds, peak, said = measure(Path(tmp) / "home", file)
            print(f"{label}: {seconds:.1f} s, peak RSS {peak:.0f} MB; {said}")


if __name__ == "__main__":
    main()
