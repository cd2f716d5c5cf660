"""Filling an empty diary with ten weeks of demo data, to show what acumat can do.

Demo entries are ordinary entries marked ``is_demo`` with notes that say so, so every
view, export and analysis treats them as data while people can still tell them apart.
"""

from __future__ import annotations

from typing import Any

from acumat.actor import Actor
from acumat.diary.demo import DEFAULT_SEED, DemoEntry, generate_demo
from acumat.diary.schemas import EntryKind
from acumat.errors import Conflict
from acumat.safety import evaluate, missing_items
from acumat.services.screening import screening_values
from acumat.services.transfer import EntryCounts, restore_entries
from acumat.store.engine import Database
from acumat.store.repos import DiaryRepo, SafetyRepo


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
        counts = restore_entries(repo, (_stored(entry) for entry in entries))
        SafetyRepo(session, actor.user_id).add_screening(_demo_screening())
        return counts


def _demo_screening() -> dict[str, Any]:
    """The demo person's safety questions: 38, day 2 of a bout, no warning signs."""
    answers: dict[str, object] = {"age": 38, "pain_now": 5, "episode_days": 2}
    while gaps := missing_items(answers):
        answers.update(dict.fromkeys(gaps, "no"))
    values = screening_values(answers, evaluate(answers), origin="screening", complete=True)
    return {**values, "is_demo": True}


def _stored(demo: DemoEntry) -> tuple[EntryKind, dict[str, Any]]:
    values = {
        **demo.entry.model_dump(),
        "created_at": demo.logged_at,
        "updated_at": demo.logged_at,
        "is_demo": True,
    }
    return demo.kind, values
