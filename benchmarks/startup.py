"""Start-up time of the CLI: ``acumat --help``, one ``acumat log checkin`` and ``acumat ask``.

Run: .venv/bin/python benchmarks/startup.py [--runs 20]

Each command runs in a fresh process against a throwaway ACUMAT_HOME (the check-in run
re-uses one database that was created and migrated by a warm-up call, so it measures a
normal day's use, not first-run migration). ``acumat ask`` is timed with its index already
built (as after the first question; the first build is timed on its own row) for a question
whose answer names no service, and for a warning sign, whose guidance is worded for the
person's region (read from their diary). Prints a Markdown table of wall-clock times.
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
ASK = [*ACUMAT, "ask", "how long should i lie on it"]
ASK_SIGN = [*ACUMAT, "ask", "i cant pee"]


def first_ask(cache: Path) -> object:
    """The arguments of a question asked with the index's cache emptied first."""

    def args(_i: int) -> list[str]:
        for built in cache.glob("ask-index-*.json"):
            built.unlink()
        return ASK

    return args


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
        cache = Path(home) / "cache"
        env = {**os.environ, "ACUMAT_HOME": str(Path(home)), "ACUMAT_CACHE_DIR": str(cache)}
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
            measure("acumat ask (first use: builds the index)", first_ask(cache), env, runs),
            measure("acumat ask how long should i lie on it", lambda _i: ASK, env, runs),
            measure("acumat ask i cant pee (a warning sign)", lambda _i: ASK_SIGN, env, runs),
        ]
    print("| command | runs | median ms | min ms | max ms |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
