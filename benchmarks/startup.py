"""Start-up time of the CLI: ``acumat --help`` and one ``acumat log checkin``.

Run: .venv/bin/python benchmarks/startup.py [--runs 20]

Each command runs in a fresh process against a throwaway ACUMAT_HOME (the check-in run
re-uses one database that was created and migrated by a warm-up call, so it measures a
normal day's use, not first-run migration). Prints a Markdown table of wall-clock times.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACUMAT = [sys.executable, "-m", "acumat"]


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, capture_output=True)
    return (time.perf_counter() - start) * 1000


def measure(label: str, make_args: object, env: dict[str, str], runs: int) -> str:
    assert callable(make_args)
    samples = sorted(timed(make_args(i), env) for i in range(runs))
    median = statistics.median(samples)
    return f"| `{label}` | {runs} | {median:.0f} | {samples[0]:.0f} | {samples[-1]:.0f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "ACUMAT_HOME": str(Path(home))}
        env.pop("ACUMAT_DATABASE_URL", None)
        subprocess.run([*ACUMAT, "diary"], env=env, check=True, capture_output=True)
        rows = [
            measure("acumat --help", lambda _i: [*ACUMAT, "--help"], env, runs),
            measure(
                "acumat log checkin",
                lambda i: [
                    *ACUMAT,
                    "log",
                    "checkin",
                    "--day",
                    f"2025-01-{i % 28 + 1:02d}",
                    "--pain",
                    "4",
                    "--replace",
                ],
                env,
                runs,
            ),
        ]
    print("| command | runs | median ms | min ms | max ms |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
