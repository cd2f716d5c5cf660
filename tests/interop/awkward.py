"""A small diary full of values that break careless exporters, and a second empty database.

The diary comes with a safety history too: a demo screening, a complete caution-consult
screening (one answer given as a digit string) with a clinician's approval, a daily
re-check and an emergency stop, all but the demo one taken at the same instant.

Used by the round-trip tests of the service and the CLI. Expects the frozen clock
(2026-03-15 12:00 UTC, local zone UTC).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from acumat.actor import Actor
from acumat.safety import evaluate
from acumat.services import diary, screening
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import upgrade
from acumat.store.models import CareActivity, CheckIn, Episode
from acumat.store.repos import DiaryRepo, SafetyRepo
from tests.safety.kit import complete

TRICKY_NOTE = 'Rücken – 背中 🙂, "quoted", comma, semicolon; and\na second line'
SCREENINGS = 4
APPROVALS = 1


def fill_awkward_diary(db: Database, actor: Actor) -> None:
    """Check-ins, episodes, sessions and care with every awkward value we can think of."""
    diary.add_checkin(db, actor, {"day": "2026-03-13", "pain": 0})
    diary.add_checkin(
        db,
        actor,
        {
            "day": "2026-03-14",
            "pain": 10,
            "peg_enjoyment": 7,
            "peg_activity": 0,
            "sleep_quality": 3,
            "spasm_count": 4,
            "stress": 9,
            "hours_sitting": 7.25,
            "took_pain_relief": False,
            "note": TRICKY_NOTE,
        },
    )
    diary.add_entry(
        db,
        actor,
        "episode",
        {
            "started_at": "2026-03-14T09:10:11.123456+01:00",
            "peak_intensity": 8,
            "locations": ["lower_right", "lower_left", "hip_left"],
            "triggers": ["stress", "lifting"],
            "note": "still going,\r\nwith a CRLF",
        },
    )
    diary.add_entry(
        db,
        actor,
        "episode",
        {
            "started_at": "2026-03-12T20:00:00Z",
            "ended_at": "2026-03-12T21:30:00Z",
            "peak_intensity": 5,
        },
    )
    diary.add_entry(
        db,
        actor,
        "session",
        {
            "started_at": "2026-03-14T19:00:00Z",
            "planned_minutes": 15,
            "actual_minutes": 6.75,
            "pain_before": 6,
            "pain_after": 7,
            "fabric_layer": True,
            "stopped_early": True,
            "stop_reason": "more_pain",
            "skin_reaction": "redness",
            "note": "=SUM(A1) not a formula",
        },
    )
    diary.add_entry(
        db, actor, "session", {"started_at": "2026-03-13T19:00:00Z", "actual_minutes": 0}
    )
    for kind, minutes in (("heat", 17.5), ("cold", 0.1)):  # same instant: order by content
        diary.add_entry(
            db,
            actor,
            "care",
            {"started_at": "2026-03-14T18:00:00Z", "kind": kind, "minutes": minutes},
        )
    _add_demo_rows(db, actor)
    add_safety_history(db, actor)


def add_safety_history(db: Database, actor: Actor) -> None:
    """:data:`SCREENINGS` screenings of every origin and state, and :data:`APPROVALS` approval."""
    caution = complete({"heart_condition": "yes", "age": "35"})
    assert screening.record_screening(db, actor, caution).mat == "caution-consult"
    approval = {"clinician": "Dr Øyen, GP", "approved_on": "2026-03-14", "note": TRICKY_NOTE}
    screening.record_approval(db, actor, approval)
    assert screening.recheck(db, actor, {"fever": "no"}) is not None
    assert screening.record_emergency_stop(db, actor, {"saddle_numbness": "unsure"})
    _add_demo_screening(db, actor)


def _add_demo_screening(db: Database, actor: Actor) -> None:
    """Stored last but taken first, so export order cannot be the order of ids."""
    answers = complete({})
    values = screening.screening_values(
        answers, evaluate(answers), origin="screening", complete=True
    )
    values |= {"taken_at": datetime(2026, 3, 1, 8, 0, 0, 250000, tzinfo=UTC), "is_demo": True}
    with db.transaction() as session:
        SafetyRepo(session, actor.user_id).add_screening(values)


def _add_demo_rows(db: Database, actor: Actor) -> None:
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        repo.add(
            CheckIn, {"day": datetime(2026, 3, 1).date(), "pain": 5, "note": "Demo"}, is_demo=True
        )
        repo.restore(
            CareActivity,
            {
                "started_at": datetime(2026, 3, 1, 7, 30, tzinfo=UTC),
                "kind": "walking",
                "minutes": 30.0,
                "note": "Demo",
                "is_demo": True,
                "created_at": datetime(2026, 3, 1, 8, 0, 0, 654321, tzinfo=UTC),
                "updated_at": datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
            },
        )
        repo.restore(
            Episode,
            {
                "started_at": datetime(2026, 3, 1, 7, 30, tzinfo=UTC),
                "ended_at": datetime(2026, 3, 1, 7, 30, tzinfo=UTC),
                "peak_intensity": 0,
                "locations": ["neck"],
                "triggers": ["other"],
                "note": "",
                "is_demo": True,
                "created_at": datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
                "updated_at": datetime(2026, 3, 1, 8, 0, tzinfo=UTC),
            },
        )


@contextmanager
def empty_database_like(database_url: str, tmp_path: Path) -> Iterator[Database]:
    """A second migrated, empty database on the same backend as ``database_url``."""
    if make_url(database_url).get_backend_name() == "sqlite":
        second = Database(make_engine(f"sqlite:///{tmp_path / 'second.db'}"))
        upgrade(second.engine)
        try:
            yield second
        finally:
            second.dispose()
        return
    with _postgres_schema(database_url) as url:
        second = Database(make_engine(url))
        upgrade(second.engine)
        try:
            yield second
        finally:
            second.dispose()


@contextmanager
def _postgres_schema(database_url: str) -> Iterator[str]:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    base = make_url(database_url).difference_update_query(["options"])
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield base.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
