"""Latency of the pieces a person waits for: triage, pages and API answers, in-process.

Run: .venv/bin/python benchmarks/latency.py [--runs 200]

Builds a throwaway SQLite database with ten weeks of demo data and times each operation
with ``time.perf_counter`` over ``--runs`` repetitions after a warm-up, through FastAPI's
TestClient (so HTTP parsing, validation, the service, SQL and rendering are all included,
but no network). Prints a Markdown table of median and 95th-percentile milliseconds.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from timing import timed

QUESTION = "how long should i lie on it"


def calm_answers() -> dict[str, object]:
    from acumat.safety import missing_items

    answers: dict[str, object] = {"age": 38, "pain_now": 5, "episode_days": 2}
    while gaps := missing_items(answers):
        answers.update(dict.fromkeys(gaps, "no"))
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as home:
        os.environ["ACUMAT_HOME"] = str(Path(home))
        os.environ["ACUMAT_CACHE_DIR"] = str(Path(home) / "cache")
        os.environ.pop("ACUMAT_DATABASE_URL", None)
        rows = measure_all(runs)
    print("| operation | runs | median ms | p95 ms |")
    print("| --- | --- | --- | --- |")
    for label, (median, p95) in rows:
        print(f"| {label} | {runs} | {median:.2f} | {p95:.2f} |")


def measure_all(runs: int) -> list[tuple[str, tuple[float, float]]]:
    from fastapi.testclient import TestClient

    from acumat.config import load_settings
    from acumat.http.app import create_app
    from acumat.learn.ask import answer
    from acumat.safety import evaluate
    from acumat.services.database import local_actor, open_database
    from acumat.services.demo import load_demo

    db = open_database(load_settings())
    load_demo(db, local_actor(db))
    answers = calm_answers()
    app = create_app(load_settings())
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        checkin = {"day": "2020-01-01", "pain": 4, "sleep_quality": 6}
        return [
            (
                "triage engine: `evaluate` on a full screening",
                timed(lambda: evaluate(answers), runs),
            ),
            ("page: `GET /` (today)", timed(lambda: client.get("/"), runs)),
            ("page: `GET /diary?range=90`", timed(lambda: client.get("/diary?range=90"), runs)),
            ("page: `GET /check/result`", timed(lambda: client.get("/check/result"), runs)),
            (
                "API: `GET /api/v1/diary?days=30`",
                timed(lambda: client.get("/api/v1/diary?days=30"), runs),
            ),
            (
                "API: `PUT /api/v1/checkins/{day}` (write)",
                timed(lambda: client.put("/api/v1/checkins/2020-01-01", json=checkin), runs),
            ),
            (
                "API: `POST /api/v1/screenings/evaluate`",
                timed(
                    lambda: client.post("/api/v1/screenings/evaluate", json={"answers": answers}),
                    runs,
                ),
            ),
            (
                "ask: `answer()` (index in memory, no HTTP)",
                timed(lambda: answer(QUESTION), runs),
            ),
            (
                "API: `GET /api/v1/ask?q=how long should i lie on it`",
                timed(lambda: client.get("/api/v1/ask", params={"q": QUESTION}), runs),
            ),
            (
                "API: `GET /api/v1/ask?q=i cant pee` (a warning sign)",
                timed(lambda: client.get("/api/v1/ask", params={"q": "i cant pee"}), runs),
            ),
        ]


if __name__ == "__main__":
    main()
