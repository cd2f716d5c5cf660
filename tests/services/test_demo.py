"""Demo data: ten plausible weeks, deterministic, marked as demo, only into an empty diary."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta
from statistics import correlation, mean
from typing import TypeVar

import pytest

from acumat.actor import Actor
from acumat.diary.demo import (
    DEMO_DAYS,
    SPASM_NOTES,
    DemoEntry,
    generate_demo,
)
from acumat.diary.schemas import CareIn, CheckInIn, EpisodeIn, MatSessionIn
from acumat.errors import Conflict
from acumat.plan import load_rules
from acumat.services import diary, transfer
from acumat.services.demo import load_demo
from acumat.store.engine import Database

pytestmark = pytest.mark.usefixtures("frozen_clock")

NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)  # the frozen clock
T = TypeVar("T")


@pytest.fixture(scope="module")
def story() -> list[DemoEntry]:
    return generate_demo(NOW, seed=11)


def of_kind(entries: list[DemoEntry], schema: type[T]) -> list[T]:
    return [e.entry for e in entries if isinstance(e.entry, schema)]


def test_checkins_span_ten_weeks_ending_today_with_a_few_gaps(story: list[DemoEntry]) -> None:
    days = sorted(c.day for c in of_kind(story, CheckInIn))
    assert days[0] >= NOW.date() - timedelta(days=DEMO_DAYS - 1)
    assert days[-1] <= NOW.date()
    assert (NOW.date() - days[0]).days >= DEMO_DAYS - 3
    assert DEMO_DAYS - 12 <= len(days) < DEMO_DAYS


def test_the_same_seed_gives_the_same_story_and_another_seed_another() -> None:
    assert generate_demo(NOW, seed=5) == generate_demo(NOW, seed=5)
    assert generate_demo(NOW, seed=5) != generate_demo(NOW, seed=6)


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_nothing_happens_after_now_and_notes_read_like_a_persons(seed: int) -> None:
    entries = generate_demo(NOW, seed)
    assert all(e.logged_at <= NOW for e in entries)
    assert not [e for e in entries if "demo" in e.entry.note.lower()]  # is_demo says so
    assert all(e.entry.note[0].isupper() and e.entry.note.endswith(".") for e in entries)
    ends = [e.ended_at for e in of_kind(entries, EpisodeIn) if e.ended_at is not None]
    assert max(ends) <= NOW


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_there_are_eight_to_fifteen_episodes_the_latest_still_going(seed: int) -> None:
    episodes = sorted(of_kind(generate_demo(NOW, seed), EpisodeIn), key=lambda e: e.started_at)
    assert 8 <= len(episodes) <= 15
    assert [e.ended_at is None for e in episodes].count(True) == 1
    assert episodes[-1].ended_at is None
    assert all(e.locations and e.triggers for e in episodes)


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_sessions_are_the_planners_from_short_on_fabric_to_the_cap(seed: int) -> None:
    rules = load_rules()
    sessions = sorted(of_kind(generate_demo(NOW, seed), MatSessionIn), key=lambda s: s.started_at)
    planned = [s.planned_minutes or 0 for s in sessions]
    assert (planned[0], sessions[0].fabric_layer) == (rules.first_minutes, True)
    assert max(planned) == rules.default_cap
    assert all(b - a <= rules.step for a, b in itertools.pairwise(planned))
    assert not sessions[-1].fabric_layer  # it came off after sessions on it went well
    assert all(s.actual_minutes <= (s.planned_minutes or 0) for s in sessions)


def test_one_session_stops_early_with_a_reason_and_the_plan_steps_back(
    story: list[DemoEntry],
) -> None:
    sessions = sorted(of_kind(story, MatSessionIn), key=lambda s: s.started_at)
    stopped = [i for i, s in enumerate(sessions) if s.stopped_early]
    assert len(stopped) == 1
    session, following = sessions[stopped[0]], sessions[stopped[0] + 1]
    assert session.stop_reason is not None
    assert (following.planned_minutes or 0) < (session.planned_minutes or 0)
    assert [s.skin_reaction for s in sessions].count("redness") == 1
    assert sorted(e for s in sessions for e in s.effects) == ["dizzy_getting_up", "itching"]


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_minutes_are_whole_or_half_and_blank_answers_appear(seed: int) -> None:
    entries = generate_demo(NOW, seed)
    sessions = [s.actual_minutes for s in of_kind(entries, MatSessionIn)]
    care = [c.minutes for c in of_kind(entries, CareIn)]
    assert all((2 * m).is_integer() for m in sessions)
    assert all(m.is_integer() for m in care)
    assert any(c.took_pain_relief is None for c in of_kind(entries, CheckInIn))


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 2026])
def test_todays_checkin_counts_the_spasm_still_going_on(seed: int) -> None:
    entries = generate_demo(NOW, seed)
    today = [c for c in of_kind(entries, CheckInIn) if c.day == NOW.date()]
    ongoing = [e for e in of_kind(entries, EpisodeIn) if e.ended_at is None]
    assert len(ongoing) == 1
    assert all((c.spasm_count or 0) >= 1 for c in today)


@pytest.mark.parametrize("seed", [1, 2, 3, 2026])
def test_an_episodes_note_tells_of_one_of_its_triggers(seed: int) -> None:
    for episode in of_kind(generate_demo(NOW, seed), EpisodeIn):
        told = [t for t, text in SPASM_NOTES.items() if episode.note.lower().startswith(text)]
        assert told, episode.note
        assert told[0] in episode.triggers


def test_every_kind_of_care_but_other_is_logged(story: list[DemoEntry]) -> None:
    kinds = {c.kind for c in of_kind(story, CareIn)}
    assert kinds == {"heat", "cold", "stretching", "walking"}
    heat = [c.minutes for c in of_kind(story, CareIn) if c.kind == "heat"]
    assert all(15 <= m <= 20 for m in heat)


def test_sleep_is_worse_on_painful_days_and_mat_days_hurt_less() -> None:
    entries = generate_demo(NOW, seed=4)
    checkins = of_kind(entries, CheckInIn)
    pain = [c.pain for c in checkins]
    assert correlation(pain, [float(c.sleep_quality or 0) for c in checkins]) < -0.3
    mat_days = {s.started_at.date() for s in of_kind(entries, MatSessionIn)}
    with_mat = [c.pain for c in checkins if c.day in mat_days]
    without = [c.pain for c in checkins if c.day not in mat_days]
    assert mean(with_mat) < mean(without)


def test_a_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        generate_demo(NOW.replace(tzinfo=None))


# --- the service ---------------------------------------------------------------------


def test_loading_the_demo_writes_every_entry_marked_as_demo(db: Database, actor: Actor) -> None:
    counts = load_demo(db, actor, seed=11)
    document = json.loads(transfer.export_diary(db, actor, "json"))
    lists = [document[k] for k in ("checkins", "episodes", "sessions", "care")]
    assert [len(rows) for rows in lists] == [
        counts.checkins,
        counts.episodes,
        counts.sessions,
        counts.care,
    ]
    assert counts.total == len(generate_demo(NOW, seed=11))
    assert all(row["is_demo"] for rows in lists for row in rows)


def test_the_demo_is_the_same_for_everyone_given_the_seed(db: Database, actor: Actor) -> None:
    load_demo(db, actor, seed=3)
    someone_else = _another_person(db)
    load_demo(db, someone_else, seed=3)
    assert _content(db, someone_else) == _content(db, actor)


def _content(db: Database, person: Actor) -> list[str]:
    """Every diary entry of ``person`` without its identity (each entry has its own)."""
    document = json.loads(transfer.export_diary(db, person, "json"))
    rows = [r for k in ("checkins", "episodes", "sessions", "care") for r in document[k]]
    return sorted(json.dumps({**row, "uuid": None}, sort_keys=True) for row in rows)


def test_the_demo_refuses_a_diary_that_has_entries(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 3})
    with pytest.raises(Conflict, match="only goes into an empty diary"):
        load_demo(db, actor)
    assert len(json.loads(transfer.export_diary(db, actor, "json"))["checkins"]) == 1


def _another_person(db: Database) -> Actor:
    """Another person in the same database: an empty diary to load the demo into."""
    from acumat.store.models import User

    with db.transaction() as session:
        user = User(email="someone@example.org", created_at=NOW)
        session.add(user)
        session.flush()
        return Actor(user.id)


def test_the_demo_never_fakes_a_safety_result(db: Database, actor: Actor) -> None:
    from acumat.services import screening

    load_demo(db, actor)
    status = screening.mat_status(db, actor)
    assert status.screening is None
    assert status.may_use_mat is False
    assert status.message == screening.NOT_SCREENED


def test_the_demo_never_hides_a_real_safety_result(db: Database, actor: Actor) -> None:
    from acumat.errors import Conflict
    from acumat.services import screening

    real = screening.record_emergency_stop(db, actor, {"chest_pain": "yes"})
    with pytest.raises(Conflict, match="safety results"):
        load_demo(db, actor)
    assert screening.latest_screening(db, actor) == real


# --- taking it out again -----------------------------------------------------------


def _rows(db: Database, person: Actor) -> dict[str, int]:
    document = json.loads(transfer.export_diary(db, person, "json"))
    keys = ("checkins", "episodes", "sessions", "care", "screenings", "clinician_approvals")
    return {k: len(document.get(k, [])) for k in keys}


def test_remove_demo_deletes_every_demo_row_and_keeps_the_persons_own(
    db: Database, actor: Actor
) -> None:
    from acumat.services import screening
    from acumat.services.demo import count_demo, remove_demo

    counts = load_demo(db, actor, seed=11)
    diary.add_entry(db, actor, "care", {"kind": "heat", "minutes": 15, "started_at": NOW})
    own = screening.record_emergency_stop(db, actor, {"chest_pain": "yes"})
    assert count_demo(db, actor) == counts.total
    assert remove_demo(db, actor) == counts.total
    assert _rows(db, actor) == {
        "checkins": 0,
        "episodes": 0,
        "sessions": 0,
        "care": 1,
        "screenings": 1,
        "clinician_approvals": 0,
    }
    assert screening.latest_screening(db, actor) == own
    assert remove_demo(db, actor) == 0


def test_remove_demo_takes_demo_results_and_their_approvals_too(db: Database, actor: Actor) -> None:
    """Older demos stored a made-up result; it goes, with any approval given for it."""
    from acumat.safety import evaluate
    from acumat.services.demo import remove_demo
    from acumat.services.screening import screening_values
    from acumat.store.repos import SafetyRepo
    from tests.safety.kit import complete

    answers = complete({"heart_condition": "yes"})
    values = screening_values(answers, evaluate(answers), origin="screening", complete=True)
    with db.transaction() as session:
        repo = SafetyRepo(session, actor.user_id)
        made_up = repo.add_screening({**values, "is_demo": True})
        repo.add_approval(made_up.id, {"clinician": "Dr Demo", "approved_on": NOW.date()})
    assert remove_demo(db, actor) == 2
    assert _rows(db, actor)["screenings"] == 0


def test_remove_demo_leaves_someone_elses_demo_alone(db: Database, actor: Actor) -> None:
    from acumat.services.demo import remove_demo

    load_demo(db, actor, seed=3)
    someone_else = _another_person(db)
    counts = load_demo(db, someone_else, seed=3)
    remove_demo(db, actor)
    assert sum(_rows(db, someone_else).values()) == counts.total


def test_what_a_person_saves_over_demo_data_is_theirs_and_survives_removal(
    db: Database, actor: Actor
) -> None:
    from acumat.services import daily
    from acumat.services.demo import remove_demo

    load_demo(db, actor)
    today = actor.today()
    saved = daily.check_in(db, actor, {"day": today, "pain": 2}, replace=True)
    (episode, *_) = diary.list_diary(db, actor, today, today).episodes
    diary.patch_entry(db, actor, "episode", episode.id, {"note": "mine now"})
    remove_demo(db, actor)
    kept = diary.list_diary(db, actor, today, today)
    assert [c.pain for c in kept.checkins] == [saved.checkin.pain] == [2]
    assert [e.note for e in kept.episodes] == ["mine now"]
    assert not kept.checkins[0].is_demo
