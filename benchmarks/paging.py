"""A long diary, a page at a time: answer size and time of the first and a deep page.

Run: .venv/bin/python benchmarks/paging.py [--entries 100000] [--runs 20]

Fills a throwaway SQLite diary with ``--entries`` care activities spread over ten years
(inserted in bulk, straight into the table), then times, through FastAPI's TestClient, the
diary page and ``/api/v1/diary`` over ``days=3660``: the first page, and the page reached by
following ``Link`` fifty times. Prints a Markdown table of median milliseconds and bytes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BASE_URL = "http://127.0.0.1:8000"


def fill(url: str, entries: int) -> None:
    from sqlalchemy import insert

    from acumat.services.database import local_actor
    from acumat.services.settings import change_settings
    from acumat.store.engine import Database, make_engine
    from acumat.store.migrate import upgrade
    from acumat.store.models import CareActivity

    db = Database(make_engine(url))
    upgrade(db.engine)
    actor = change_settings(db, local_actor(db), {"timezone": "UTC"})
    now = datetime.now(UTC)
    step = timedelta(days=3650) / entries
    rows = [
        {
            "user_id": actor.user_id,
            "uuid": str(uuid.uuid4()),
            "started_at": now - step * (n + 1),
            "kind": "heat",
            "minutes": 15.0,
            "note": "",
            "is_demo": False,
            "created_at": now,
            "updated_at": now,
        }
        for n in range(entries)
    ]
    with db.transaction() as session:
        session.execute(insert(CareActivity), rows)
    db.dispose()


def timed(client: Any, url: str, runs: int) -> tuple[float, int]:
    client.get(url)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        answer = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert answer.status_code == 200, answer.text[:200]
    return statistics.median(samples), len(answer.content)


def deep_link(client: Any, url: str, pages: int) -> str:
    for _ in range(pages):
        link = client.get(url).headers["link"]
        url = link.split(";")[0].strip("<> ")
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from acumat.config import load_settings
    from acumat.http.app import create_app

    with tempfile.TemporaryDirectory() as home:
        os.environ["ACUMAT_HOME"] = home
        url = f"sqlite:///{Path(home) / 'acumat.db'}"
        fill(url, args.entries)
        with TestClient(create_app(load_settings(url)), base_url=BASE_URL) as client:
            api = "/api/v1/diary?days=3660"
            rows = [
                ("page: `GET /diary?days=3660` (first page)", "/diary?days=3660"),
                ("API: `GET /api/v1/diary?days=3660` (first page)", api),
                ("API: the same, 51st page (after 50 `Link`s)", deep_link(client, api, 50)),
                ("API: `GET /api/v1/care?limit=500` (largest page)", "/api/v1/care?limit=500"),
            ]
            print(f"{args.entries} care activities over ten years, SQLite\n")
            print("| request | runs | median ms | bytes |")
            print("| --- | --- | --- | --- |")
            for label, address in rows:
                median, size = timed(client, address, args.runs)
                print(f"| {label} | {args.runs} | {median:.1f} | {size:,} |")


if __name__ == "__main__":
    main()
