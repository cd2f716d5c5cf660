"""The diary page: listing by days, demo labels and the 30/90-day pain chart."""

from __future__ import annotations

import base64
import re
from datetime import date, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary
from acumat.store.engine import Database
from acumat.store.models import CheckIn
from acumat.web.pages import diary as diary_pages

TODAY = date(2026, 3, 15)


def _checkin(db: Database, actor: Actor, days_ago: int, pain: int) -> None:
    day = (TODAY - timedelta(days=days_ago)).isoformat()
    diary.add_checkin(db, actor, {"day": day, "pain": pain})


def _dots(html: str) -> int:
    return len(re.findall(r'<circle[^>]*class="dot', html))


def test_the_diary_lists_every_kind_of_entry_with_edit_and_delete(
    client: TestClient, db: Database, actor: Actor
) -> None:
    _checkin(db, actor, 0, 4)
    diary.add_entry(db, actor, "episode", {"started_at": "2026-03-14T08:00", "peak_intensity": 7})
    diary.add_entry(db, actor, "session", {"started_at": "2026-03-14T20:00", "actual_minutes": 12})
    diary.add_entry(
        db, actor, "care", {"started_at": "2026-03-13T18:00", "kind": "walking", "minutes": 20}
    )
    page = client.get("/diary").text
    for link in (
        "/diary/checkin/2026-03-15/edit",
        "/diary/checkin/2026-03-15/delete",
        "/diary/episode/",
        "/diary/session/",
        "/diary/care/",
    ):
        assert f'href="{link}' in page
    assert "Pain 4/10" in page
    assert "Worst pain 7/10" in page
    assert "12 min on the mat" in page
    assert "Walking" in page


def test_days_limits_the_list_to_recent_entries(
    client: TestClient, db: Database, actor: Actor
) -> None:
    _checkin(db, actor, 40, 6)
    assert "/diary/checkin/2026-02-03/edit" not in client.get("/diary?days=30").text
    assert "/diary/checkin/2026-02-03/edit" in client.get("/diary?days=60").text


@pytest.mark.parametrize("days", ["0", "5000", "many"])
def test_an_impossible_number_of_days_is_a_422_page(client: TestClient, days: str) -> None:
    answer = client.get(f"/diary?days={days}")
    assert answer.status_code == 422
    assert "days" in answer.text


def test_demo_rows_are_labelled_as_demo_data(
    client: TestClient, db: Database, actor: Actor
) -> None:
    with db.transaction() as session:
        session.add(CheckIn(user_id=actor.user_id, day=TODAY, pain=3, is_demo=True))
    page = client.get("/diary").text
    assert "Demo data" in page
    assert 'class="entry demo"' in page


def test_real_rows_carry_no_demo_label(client: TestClient, db: Database, actor: Actor) -> None:
    _checkin(db, actor, 0, 3)
    assert "Demo data" not in client.get("/diary").text


def test_the_chart_shows_an_empty_state_without_checkins(client: TestClient) -> None:
    page = client.get("/diary").text
    assert "No check-ins in the last 30 days yet." in page
    assert "<svg" not in page


def test_the_chart_range_picks_30_or_90_days(
    client: TestClient, db: Database, actor: Actor
) -> None:
    for days_ago, pain in ((1, 5), (10, 6), (60, 7)):
        _checkin(db, actor, days_ago, pain)
    month = client.get("/diary").text
    quarter = client.get("/diary?range=90").text
    assert (_dots(month), _dots(quarter)) == (2, 3)
    assert "2 check-ins from 5 Mar 2026 to 14 Mar 2026" in month
    assert 'aria-label="Pain, last 90 days. 3 check-ins' in quarter


def test_a_chart_range_other_than_30_or_90_is_a_422_page(client: TestClient) -> None:
    answer = client.get("/diary?range=45")
    assert answer.status_code == 422
    assert "range" in answer.text


def test_the_diary_marks_itself_as_the_current_page(client: TestClient) -> None:
    page = client.get("/diary").text
    assert '<a href="/diary" aria-current="page">Diary</a>' in page


def _older_link(html: str) -> str | None:
    found = re.search(r'<a href="([^"]+)" rel="next">Older entries</a>', html)
    return found.group(1).replace("&amp;", "&") if found else None


def test_a_long_diary_shows_a_page_with_an_older_entries_link(
    client: TestClient, db: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(diary_pages, "PAGE_SIZE", 2)
    for days_ago in range(5):
        _checkin(db, actor, days_ago, 4)
    first = client.get("/diary?days=30&range=90")
    assert first.status_code == 200
    assert first.text.count('class="entry') == 2
    assert "/diary/checkin/2026-03-14/edit" in first.text
    assert "Newest entries" not in first.text
    link = _older_link(first.text)
    assert link is not None
    query = parse_qs(urlsplit(link).query)
    assert set(query) == {"days", "range", "cursor"}  # a day and an id only: no health data
    assert (query["days"], query["range"]) == (["30"], ["90"])
    assert "|checkin|2026-03-14|" in base64.urlsafe_b64decode(query["cursor"][0] + "==").decode()

    second = client.get(link)
    assert "/diary/checkin/2026-03-13/edit" in second.text
    assert "/diary/checkin/2026-03-14/edit" not in second.text
    assert '<a href="/diary?days=30&amp;range=90">Newest entries</a>' in second.text
    last = client.get(_older_link(second.text) or "")
    assert last.text.count('class="entry') == 1
    assert "/diary/checkin/2026-03-11/edit" in last.text
    assert _older_link(last.text) is None


def test_a_short_diary_has_no_paging_links(client: TestClient, db: Database, actor: Actor) -> None:
    _checkin(db, actor, 0, 4)
    page = client.get("/diary").text
    assert "Older entries" not in page
    assert "Newest entries" not in page


@pytest.mark.parametrize("cursor", ["nonsense", "x" * 201, "é"])
def test_a_made_up_cursor_is_a_422_page_naming_it(client: TestClient, cursor: str) -> None:
    answer = client.get("/diary", params={"cursor": cursor})
    assert answer.status_code == 422
    assert "The link to older entries" in answer.text
    assert "Input should" not in answer.text
