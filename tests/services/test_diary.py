"""The diary service on SQLite and PostgreSQL: writes, edits, ownership, refusals."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput, NotFound
from acumat.services import diary
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
