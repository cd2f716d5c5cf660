"""A session reporting signs of a skin infection goes through the safety rules (SKIN-05)."""

from __future__ import annotations

from datetime import datetime

import pytest

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.services import plan as plans
from acumat.store.engine import Database
from tests.safety.kit import complete

pytestmark = pytest.mark.usefixtures("frozen_clock")


def session(actor: Actor, **values: object) -> dict[str, object]:
    start = datetime(2026, 3, 14, 20, 0, tzinfo=actor.zone)
    return {"started_at": start, "actual_minutes": 10, "pain_before": 4, **values}


def test_infection_signs_give_a_see_a_doctor_result_and_stop_the_mat(
    db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    diary.add_entry(db, actor, "session", session(actor, effects=["infection_signs"]))
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert latest.urgency == "SEE_CLINICIAN_DAYS"
    assert "SKIN-05" in [reason.rule for reason in latest.reasons]
    assert latest.mat == "do-not-use"
    assert latest.answers["skin_infection_signs"] == "yes"
    assert plans.current_plan(db, actor).sessions == ()


def test_an_edit_adding_infection_signs_is_judged_too(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    stored = diary.add_entry(db, actor, "session", session(actor))
    assert screening.latest_screening(db, actor).urgency == "SELF_CARE"  # type: ignore[union-attr]
    diary.patch_entry(db, actor, "session", stored.id, {"effects": ["infection_signs"]})
    assert screening.latest_screening(db, actor).urgency == "SEE_CLINICIAN_DAYS"  # type: ignore[union-attr]


def test_other_after_effects_leave_the_safety_result_alone(db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    before = screening.latest_screening(db, actor)
    diary.add_entry(db, actor, "session", session(actor, effects=["dizzy_getting_up", "itching"]))
    assert screening.latest_screening(db, actor) == before


def test_without_any_safety_answers_the_session_is_still_stored(db: Database, actor: Actor) -> None:
    stored = diary.add_entry(db, actor, "session", session(actor, effects=["infection_signs"]))
    assert stored.effects == ["infection_signs"]
    assert screening.latest_screening(db, actor) is None
    assert plans.current_plan(db, actor).sessions == ()
