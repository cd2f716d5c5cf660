"""Schemathesis against the real app: no 5xx, and every answer as the OpenAPI document says.

A bounded, deterministic run (fixed seed, derandomized, no example database) of the
examples, coverage and fuzzing phases over every operation, on a fresh migrated SQLite file
with the clock frozen, acting as the local person at acumat's own address
(``http://127.0.0.1:8000``, so the Host guard lets it in). It runs schemathesis's engine (what
``schemathesis run`` runs) on the ASGI app in-process: its pytest loader does not work with
pytest 9.2. The longer run, stateful phase and PostgreSQL included, is
``benchmarks/schemathesis_run.py``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events, from_schema

from acumat.config import load_settings
from acumat.http.app import create_app
from acumat.services.database import local_actor
from acumat.services.settings import change_settings
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import upgrade
from tests.http.clients import BASE_URL

SEED = 20261127
FUZZ_EXAMPLES = 100
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "unsupported_method",
    "allow_header_conformance",
    "negative_data_rejection",
)
"""Not positive_data_acceptance: acumat refuses some schema-valid requests on purpose, for
rules JSON Schema cannot say (a day after today or outside 1900-2100, an end before its
start, a stop reason without stopping early, a cursor it did not give)."""
OPENAPI = "/api/v1/openapi.json"
PHASES = ("examples", "coverage", "fuzzing", "stateful")


def run_config(*, seed: int, examples: int, phases: list[str]) -> SchemathesisConfig:
    """A run as ``schemathesis.toml`` would say it: only :data:`CHECKS`, at acumat's address."""
    checks: dict[str, Any] = {"enabled": False, **{name: {"enabled": True} for name in CHECKS}}
    return SchemathesisConfig.from_dict(
        {
            "seed": seed,
            "base-url": BASE_URL,
            "continue-on-failure": True,
            "generation": {"max-examples": examples, "deterministic": True, "database": "none"},
            "checks": checks,
            "phases": {name: {"enabled": name in phases} for name in PHASES},
        }
    )


@dataclass
class Outcome:
    """What a run did: requests by status code, and each failure in a line."""

    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    def record(self, event: events.EngineEvent) -> None:
        if isinstance(event, events.NonFatalError | events.FatalError):
            label, value = getattr(event, "label", "run"), getattr(event, "value", event)
            self.errors.append(f"{label}: {value!r}")
        if not isinstance(event, events.ScenarioFinished):
            return
        recorder = event.recorder
        for interaction in recorder.interactions.values():
            if interaction.response is not None:
                self.statuses[interaction.response.status_code] += 1
        for checks in recorder.checks.values():
            for check in checks:
                if check.status == Status.FAILURE and check.failure_info is not None:
                    failure = check.failure_info.failure
                    self.failures.append(f"{recorder.label}: {failure.title} {failure.message}")


def run_schemathesis(app: Any, config: SchemathesisConfig) -> Outcome:
    """Every phase ``config`` enables against ``app``, as ``schemathesis run`` would."""
    schema = schemathesis.openapi.from_asgi(
        OPENAPI, app, config=config, headers={"Host": BASE_URL.removeprefix("http://")}
    )
    outcome = Outcome()
    for event in from_schema(schema).execute():
        outcome.record(event)
    return outcome


def migrated_sqlite(path: Path) -> str:
    """A fresh SQLite diary whose local person lives in UTC, as the API tests' person does."""
    url = f"sqlite:///{path}"
    db = Database(make_engine(url))
    upgrade(db.engine)
    change_settings(db, local_actor(db), {"timezone": "UTC"})
    db.dispose()
    return url


@pytest.mark.usefixtures("frozen_clock", "home")
def test_the_api_answers_as_its_document_says(tmp_path: Path) -> None:
    app = create_app(load_settings(migrated_sqlite(tmp_path / "acumat.db")))
    config = run_config(
        seed=SEED, examples=FUZZ_EXAMPLES, phases=["examples", "coverage", "fuzzing"]
    )
    outcome = run_schemathesis(app, config)
    print(
        f"schemathesis: {outcome.requests} requests, by status {sorted(outcome.statuses.items())}"
    )
    assert not outcome.errors, "\n".join(outcome.errors)
    assert not outcome.failures, "\n".join(sorted(set(outcome.failures)))
    assert outcome.requests >= 2000
    assert not any(status >= 500 for status in outcome.statuses)
