"""Filling an empty diary with ten weeks of demo data, to show what acumat can do, and
taking it out again in one step.

Demo entries are ordinary entries marked ``is_demo``, so every view, export and analysis
treats them as data while people can still tell them apart. The demo never writes a
safety result: a made-up "safe to use a mat" must never pass for the person's own, so
the demo diary shows the same "answer the safety questions first" as a new one.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from acumat.actor import Actor
from acumat.diary.demo import DEFAULT_SEED, DemoEntry, generate_demo
from acumat.diary.schemas import EntryKind
from acumat.errors import Conflict
from acumat.services.transfer import EntryCounts, restore_entries
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS, ClinicianApproval, Screening
from acumat.store.repos import DiaryRepo, SafetyRepo

DEMO_TABLES = (*ENTRY_MODELS.values(), Screening)


def load_demo(db: Database, actor: Actor, seed: int | None = None) -> EntryCounts:
    """Write ten weeks of demo data ending today, in one transaction; returns the counts.

    ``seed`` picks the made-up story (default :data:`DEFAULT_SEED`); the same seed on the
    same day gives the same entries.

    Refuses with :class:`Conflict` when the diary already has any entry: demo data
    mixed into a real diary would distort every chart and trial.
    """
    now = actor.now()
    entries = generate_demo(now, DEFAULT_SEED if seed is None else seed)
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        if repo.has_entries() or SafetyRepo(session, actor.user_id).latest_screening() is not None:
            raise Conflict(
                "demo data only goes into an empty diary, and yours already has entries or "
                "safety results; "
                "try it in a separate folder, e.g. ACUMAT_HOME=/tmp/acumat-demo acumat demo"
            )
        return restore_entries(repo, (_stored(entry) for entry in entries))


def count_demo(db: Database, actor: Actor) -> int:
    """How many demo rows the actor has: entries of every kind, safety results (made by
    older versions of the demo) and the approvals given for those results."""
    with db.transaction() as session:
        return sum(len(ids) for ids in _demo_ids(session, actor).values())


def remove_demo(db: Database, actor: Actor) -> int:
    """Delete every demo row of the actor in one transaction; returns how many.

    The person's own entries, results and approvals stay untouched: only rows marked
    ``is_demo`` go, with any approval given for a demo result.
    """
    with db.transaction() as session:
        found = _demo_ids(session, actor)
        for table, ids in found.items():
            if ids:
                session.execute(
                    delete(table).where(table.user_id == actor.user_id, table.id.in_(ids))
                )
        return sum(len(ids) for ids in found.values())


def _demo_ids(session: Session, actor: Actor) -> dict[Any, list[int]]:
    """The ids of the actor's demo rows, by table, approvals first (they point at results)."""
    mine = actor.user_id
    demo_results = select(Screening.id).where(Screening.user_id == mine, Screening.is_demo)
    approvals = select(ClinicianApproval.id).where(
        ClinicianApproval.user_id == mine, ClinicianApproval.screening_id.in_(demo_results)
    )
    found: dict[Any, list[int]] = {ClinicianApproval: list(session.scalars(approvals))}
    for table in DEMO_TABLES:
        query = select(table.id).where(table.user_id == mine, table.is_demo)
        found[table] = list(session.scalars(query))
    return found


def _stored(demo: DemoEntry) -> tuple[EntryKind, dict[str, Any]]:
    values = {
        **demo.entry.model_dump(),
        "created_at": demo.logged_at,
        "updated_at": demo.logged_at,
        "is_demo": True,
    }
    return demo.kind, values
