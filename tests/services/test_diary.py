"""The diary service on SQLite and PostgreSQL: writes, edits, ownership, refusals."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.errors import Busy, Conflict, InvalidInput, NotFound
from acumat.services import daily, diary
from acumat.store.engine import Database
from acumat.store.models import CheckIn, Episode, User

pytestmark = pytest.mark.usefixtures("frozen_clock")


def count(db: Database, model: type) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def other_user(db: Database) -> Actor:
    with db.transaction() as session:
        user = User(email="stranger@example.org", created_at=datetime.now().astimezone())
        session.add(user)
        session.flush()
        return Actor(user.id)


def test_it_stores_and_lists_a_checkin(db: Database, actor: Actor) -> None:
    saved = diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 4, "peg_enjoyment": 5})
    page = diary.list_diary(db, actor, date(2026, 3, 1), date(2026, 3, 15))
    assert [c.id for c in page.checkins] == [saved.id]
    assert page.checkins[0].pain == 4


def test_a_second_checkin_for_the_same_day_conflicts(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 4})
    with pytest.raises(Conflict, match="already a check-in"):
        diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 6})
    assert diary.get_checkin(db, actor, date(2026, 3, 14)).pain == 4


def test_putting_a_checkin_replaces_that_days_entry(db: Database, actor: Actor) -> None:
    _, created = diary.put_checkin(db, actor, {"day": "2026-03-14", "pain": 4})
    again, created_again = diary.put_checkin(db, actor, {"day": "2026-03-14", "pain": 7})
    assert (created, created_again, again.pain) == (True, False, 7)
    assert count(db, CheckIn) == 1


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ({"day": "2026-03-14", "pain": 11}, "pain"),
        ({"day": "2026-03-16", "pain": 3}, "day"),
        ({"day": "2026-03-14", "pain": 3, "mood": 2}, "mood"),
        ({"day": "2026-03-14"}, "pain"),
        ({"day": "2026-03-14", "pain": 3, "note": "x" * 2001}, "note"),
    ],
)
def test_bad_checkins_name_the_field_and_write_nothing(
    db: Database, actor: Actor, raw: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        diary.add_checkin(db, actor, raw)
    assert caught.value.problems[0].field == field
    assert count(db, CheckIn) == 0


def test_an_episode_may_not_end_before_it_starts(db: Database, actor: Actor) -> None:
    raw = {
        "started_at": "2026-03-14T10:00:00Z",
        "ended_at": "2026-03-14T09:00:00Z",
        "peak_intensity": 6,
    }
    with pytest.raises(InvalidInput, match="ended_at must not be before started_at"):
        diary.add_entry(db, actor, "episode", raw)
    assert count(db, Episode) == 0


def test_unknown_trigger_lists_the_allowed_words(db: Database, actor: Actor) -> None:
    raw = {"started_at": "2026-03-14T10:00:00Z", "peak_intensity": 6, "triggers": ["gaming"]}
    with pytest.raises(InvalidInput, match="allowed: lifting, sitting_posture"):
        diary.add_entry(db, actor, "episode", raw)


def test_entries_round_trip_through_edit_and_delete(db: Database, actor: Actor) -> None:
    raw = {"started_at": "2026-03-14T20:00:00Z", "actual_minutes": 10, "pain_before": 6}
    saved = diary.add_entry(db, actor, "session", raw)
    edited = diary.update_entry(db, actor, "session", saved.id, {**raw, "pain_after": 4})
    assert edited.pain_after == 4
    assert edited.started_at == datetime.fromisoformat("2026-03-14T20:00:00+00:00")
    diary.delete_entry(db, actor, "session", saved.id)
    with pytest.raises(NotFound):
        diary.get_entry(db, actor, "session", saved.id)


def test_it_hides_one_users_entries_from_another(db: Database, actor: Actor) -> None:
    saved = diary.add_entry(
        db, actor, "care", {"started_at": "2026-03-14T08:00:00Z", "kind": "heat", "minutes": 15}
    )
    stranger = other_user(db)
    with pytest.raises(NotFound):
        diary.get_entry(db, stranger, "care", saved.id)
    with pytest.raises(NotFound):
        diary.delete_entry(db, stranger, "care", saved.id)
    assert diary.list_diary(db, stranger, date(2026, 3, 1), date(2026, 3, 15)).care == []


def test_a_deleted_entrys_id_is_never_given_to_a_new_one(db: Database, actor: Actor) -> None:
    raw = {"started_at": "2026-03-14T20:00:00Z", "actual_minutes": 10}
    first = diary.add_entry(db, actor, "session", raw)
    diary.delete_entry(db, actor, "session", first.id)
    assert diary.add_entry(db, actor, "session", raw).id != first.id


def test_a_checkin_heads_its_own_day_as_lived_in_the_persons_zone(
    db: Database, actor: Actor
) -> None:
    from acumat.services.settings import change_settings

    auckland = change_settings(db, actor, {"timezone": "Pacific/Auckland"})  # UTC+13 in March
    after_midnight = diary.add_entry(
        db, auckland, "care", {"started_at": "2026-03-14T11:30:00Z", "kind": "heat", "minutes": 5}
    )
    checkin = diary.add_checkin(db, auckland, {"day": "2026-03-14", "pain": 4})
    before_midnight = diary.add_entry(
        db, auckland, "care", {"started_at": "2026-03-14T10:30:00Z", "kind": "cold", "minutes": 5}
    )
    days = (date(2026, 3, 1), date(2026, 3, 15))
    order = []
    cursor = None
    for _ in range(3):
        page = diary.page_diary(db, auckland, "diary", days, 1, cursor)
        order += [("care", e.id) for e in page.care] + [("checkin", c.id) for c in page.checkins]
        cursor = page.next_cursor
    assert order == [
        ("care", after_midnight.id),
        ("checkin", checkin.id),
        ("care", before_midnight.id),
    ]
    assert cursor is None


def test_a_page_never_reaches_a_strangers_entries(db: Database, actor: Actor) -> None:
    stranger = other_user(db)
    diary.add_checkin(db, stranger, {"day": "2026-03-14", "pain": 9})
    page = diary.page_diary(db, actor, "diary", (date(2026, 3, 1), date(2026, 3, 15)), 500)
    assert (page.checkins, page.next_cursor) == ([], None)


# --- partial edits ------------------------------------------------------------------------

DAY = date(2026, 3, 14)
FULL_CHECKIN = {"day": "2026-03-14", "pain": 4, "sleep_quality": 3, "stress": 6, "note": "stiff"}
SESSION = {"started_at": "2026-03-14T20:00:00Z", "actual_minutes": 10, "pain_before": 6}


def test_patching_a_checkin_changes_only_the_fields_given(db: Database, actor: Actor) -> None:
    saved = diary.add_checkin(db, actor, FULL_CHECKIN)
    patched = diary.patch_checkin(db, actor, DAY, {"sleep_quality": 7})
    assert patched.sleep_quality == 7
    unchanged = saved.model_dump(exclude={"sleep_quality", "updated_at"})
    assert patched.model_dump(exclude={"sleep_quality", "updated_at"}) == unchanged
    assert diary.get_checkin(db, actor, DAY) == patched


def test_none_clears_an_optional_field_to_its_default(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, FULL_CHECKIN)
    patched = diary.patch_checkin(db, actor, DAY, {"stress": None, "note": None})
    assert (patched.stress, patched.note, patched.pain) == (None, "", 4)


def test_a_required_field_cannot_be_cleared(db: Database, actor: Actor) -> None:
    diary.add_checkin(db, actor, FULL_CHECKIN)
    with pytest.raises(InvalidInput) as caught:
        diary.patch_checkin(db, actor, DAY, {"pain": None, "stress": None})
    assert [p.field for p in caught.value.problems] == ["pain"]
    assert "cannot be cleared" in caught.value.problems[0].message
    assert diary.get_checkin(db, actor, DAY).stress == 6


@pytest.mark.parametrize(
    ("changes", "fields", "words"),
    [
        ({"mood": 3}, ["mood"], "not a field"),
        ({"red_flags": {}}, ["red_flags"], "not a field"),
        ({"uuid": "x", "sleep_quality": 2}, ["uuid"], "kept by acumat"),
        ({"pain": 11}, ["pain"], "at most 10"),
        ({}, ["entry"], "nothing to change"),
    ],
)
def test_a_refused_checkin_patch_names_the_field_and_changes_nothing(
    db: Database, actor: Actor, changes: dict[str, object], fields: list[str], words: str
) -> None:
    saved = diary.add_checkin(db, actor, FULL_CHECKIN)
    with pytest.raises(InvalidInput, match=words) as caught:
        diary.patch_checkin(db, actor, DAY, changes)
    assert [p.field for p in caught.value.problems] == fields
    assert diary.get_checkin(db, actor, DAY) == saved


def test_patching_the_day_moves_the_checkin_unless_that_day_is_taken(
    db: Database, actor: Actor
) -> None:
    diary.add_checkin(db, actor, FULL_CHECKIN)
    moved = diary.patch_checkin(db, actor, DAY, {"day": "2026-03-13"})
    assert (moved.day, moved.pain) == (date(2026, 3, 13), 4)
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2})
    with pytest.raises(Conflict, match="already a check-in for 2026-03-14; change that one"):
        diary.patch_checkin(db, actor, date(2026, 3, 13), {"day": "2026-03-14"})
    assert diary.get_checkin(db, actor, date(2026, 3, 13)).pain == 4
    assert count(db, CheckIn) == 2


def test_patching_a_missing_or_strangers_checkin_is_the_same_not_found(
    db: Database, actor: Actor
) -> None:
    diary.add_checkin(db, actor, FULL_CHECKIN)
    with pytest.raises(NotFound) as mine:
        diary.patch_checkin(db, actor, date(2026, 3, 1), {"pain": 2})
    with pytest.raises(NotFound) as theirs:
        diary.patch_checkin(db, other_user(db), DAY, {"pain": 2})
    assert str(mine.value).replace("2026-03-01", "DAY") == str(theirs.value).replace(
        "2026-03-14", "DAY"
    )
    assert diary.get_checkin(db, actor, DAY).pain == 4


def test_patching_an_entry_changes_only_the_fields_given(db: Database, actor: Actor) -> None:
    saved = diary.add_entry(db, actor, "session", {**SESSION, "note": "evening"})
    patched = diary.patch_entry(db, actor, "session", saved.id, {"pain_after": 3})
    assert (patched.pain_after, patched.pain_before, patched.note) == (3, 6, "evening")
    assert patched.started_at == saved.started_at


def test_an_entry_patch_is_judged_with_the_stored_fields(db: Database, actor: Actor) -> None:
    episode = {"started_at": "2026-03-14T10:00:00Z", "peak_intensity": 6}
    saved = diary.add_entry(db, actor, "episode", episode)
    with pytest.raises(InvalidInput, match="ended_at must not be before started_at"):
        diary.patch_entry(db, actor, "episode", saved.id, {"ended_at": "2026-03-14T09:00:00Z"})
    stopped = diary.add_entry(
        db, actor, "session", {**SESSION, "stopped_early": True, "stop_reason": "sharp_pain"}
    )
    with pytest.raises(InvalidInput) as caught:
        diary.patch_entry(db, actor, "session", stopped.id, {"stopped_early": False})
    assert [p.field for p in caught.value.problems] == ["stop_reason"]
    cleared = {"stopped_early": False, "stop_reason": None}
    assert diary.patch_entry(db, actor, "session", stopped.id, cleared).stop_reason is None
    assert diary.get_entry(db, actor, "episode", saved.id).ended_at is None


def test_a_naive_time_in_a_patch_is_the_persons_local_time(db: Database, actor: Actor) -> None:
    saved = diary.add_entry(
        db, actor, "episode", {"started_at": "2026-03-14T10:00:00Z", "peak_intensity": 6}
    )
    patched = diary.patch_entry(db, actor, "episode", saved.id, {"ended_at": "2026-03-14T11:30"})
    local = patched.ended_at.astimezone(actor.zone)
    assert (local.hour, local.minute) == (11, 30)


def test_patching_a_strangers_entry_is_not_found_and_changes_nothing(
    db: Database, actor: Actor
) -> None:
    saved = diary.add_entry(db, actor, "session", SESSION)
    stranger = other_user(db)
    with pytest.raises(NotFound) as theirs:
        diary.patch_entry(db, stranger, "session", saved.id, {"pain_after": 1})
    with pytest.raises(NotFound) as missing:
        diary.patch_entry(db, actor, "session", saved.id + 1000, {"pain_after": 1})
    assert str(theirs.value).replace(str(saved.id), "ID") == str(missing.value).replace(
        str(saved.id + 1000), "ID"
    )
    assert diary.get_entry(db, actor, "session", saved.id).pain_after is None


def test_a_patch_of_an_unknown_kind_names_the_kind(db: Database, actor: Actor) -> None:
    with pytest.raises(InvalidInput) as caught:
        diary.patch_entry(db, actor, "checkin", 1, {"pain": 2})
    assert caught.value.problems[0].field == "kind"


def test_patches_racing_on_one_entry_never_lose_each_others_fields(
    db: Database, actor: Actor
) -> None:
    """Each patch reads, merges and writes in one transaction (the row locked where the
    database can): a patch that succeeds keeps its field, whoever wrote after it."""
    saved = diary.add_entry(db, actor, "session", SESSION)
    changes: list[dict[str, object]] = [
        {"pain_after": 2},
        {"note": "racing"},
        {"planned_minutes": 15},
        {"fabric_layer": True},
    ]
    start = threading.Barrier(len(changes), timeout=30)

    def one(change: dict[str, object]) -> bool:
        start.wait()
        try:
            diary.patch_entry(db, actor, "session", saved.id, change)
        except Busy:  # SQLite refuses a write whose snapshot went stale: nothing written
            return False
        return True

    with ThreadPoolExecutor(max_workers=len(changes)) as pool:
        succeeded = list(pool.map(one, changes, timeout=120))
    assert any(succeeded)
    final = diary.get_entry(db, actor, "session", saved.id).model_dump()
    for change, ok in zip(changes, succeeded, strict=True):
        if ok:
            assert {k: final[k] for k in change} == change


def test_a_taken_day_is_refused_in_words_without_http_and_names_its_day(
    db: Database, actor: Actor
) -> None:
    diary.add_checkin(db, actor, FULL_CHECKIN)
    refusals = []
    for attempt in (
        lambda: diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 2}),
        lambda: daily.check_in(db, actor, {"day": "2026-03-14", "pain": 2}),
    ):
        with pytest.raises(Conflict) as caught:
            attempt()
        refusals.append(caught.value)
    assert isinstance(refusals[1], daily.CheckInConflict)
    assert refusals[1].day == DAY
    for refusal in refusals:
        words = str(refusal)
        assert "change that one instead, or choose to replace it" in words
        assert not any(verb in words for verb in ("PUT", "PATCH", "POST", "409"))
    assert diary.get_checkin(db, actor, DAY).pain == 4


def test_two_checkins_racing_to_move_onto_one_day_leave_one_there(
    db: Database, actor: Actor
) -> None:
    diary.add_checkin(db, actor, {"day": "2026-03-13", "pain": 3})
    diary.add_checkin(db, actor, {"day": "2026-03-14", "pain": 4})
    start = threading.Barrier(2, timeout=30)

    def move(day: date) -> str:
        start.wait()
        try:
            diary.patch_checkin(db, actor, day, {"day": "2026-03-12"})
        except Busy:  # SQLite: the other took the write first; nothing written
            return "busy"
        except Conflict as exc:
            return str(exc)
        return "moved"

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(move, [date(2026, 3, 13), date(2026, 3, 14)], timeout=120))
    assert outcomes.count("moved") == 1
    (other,) = [o for o in outcomes if o != "moved"]
    assert other == "busy" or "already a check-in for 2026-03-12" in other
    assert count(db, CheckIn) == 2
    assert diary.get_checkin(db, actor, date(2026, 3, 12)).pain in (3, 4)
