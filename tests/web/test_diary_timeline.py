"""The diary page as a day-by-day timeline: one card per day in the person's own zone, the
check-in first, then what happened in the order it started (UX 12)."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary
from acumat.services.settings import change_settings
from acumat.store.engine import Database


def test_entries_are_grouped_by_the_persons_own_day(
    client: TestClient, db: Database, actor: Actor
) -> None:
    change_settings(db, actor, {"timezone": "Pacific/Auckland"})  # UTC+13 in March
    diary.add_checkin(db, actor, {"day": "2026-03-15", "pain": 4})
    # 10:30 UTC on the 14th is 23:30 on the 14th in Auckland; 11:30 UTC is 00:30 on the 15th.
    late = diary.add_entry(
        db, actor, "episode", {"started_at": "2026-03-14T10:30:00Z", "peak_intensity": 6}
    )
    early = diary.add_entry(
        db, actor, "care", {"started_at": "2026-03-14T11:30:00Z", "kind": "heat", "minutes": 15}
    )
    page = client.get("/diary").text
    cards = page.split('<li class="card day-card">')[1:]
    assert [card.split("</h2>", 1)[0].rsplit(">", 1)[1] for card in cards] == [
        "Sun 15 Mar 2026",
        "Sat 14 Mar 2026",
    ]
    newest = cards[0]
    assert newest.index("Check-in") < newest.index(f"/diary/care/{early.id}/edit")
    assert f"/diary/episode/{late.id}/edit" in cards[1]
    assert "pain and how much it got in the way" not in newest  # no PEG without its parts


def test_an_empty_range_says_what_will_appear(client: TestClient) -> None:
    assert "one card per day" in client.get("/diary").text
