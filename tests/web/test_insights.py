"""The Insights page: the trend with its smoothed line, each finding with its interval drawn
and described in words, and plain words while there is not enough data."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text

TODAY = date(2026, 3, 15)


def test_an_empty_diary_says_what_to_do(client: TestClient) -> None:
    page = client.get("/insights").text
    assert "No check-ins in these 90 days yet." in page
    assert "Not enough yet" in page
    assert '<a href="/insights" aria-current="page">Insights</a>' in page
    assert "interval-chart" not in page


def test_findings_are_drawn_and_read_without_claiming_a_cause(
    client: TestClient, db: Database, actor: Actor
) -> None:
    for offset in range(10):
        day = TODAY - timedelta(days=offset)
        diary.add_checkin(db, actor, {"day": day, "pain": 3 if offset % 2 else 6})
        if offset % 2:
            start = datetime(day.year, day.month, day.day, 9, 0)
            entry = {"started_at": start, "actual_minutes": 10, "pain_before": 6, "pain_after": 4}
            diary.add_entry(db, actor, "session", entry)
    page = client.get("/insights?days=30").text
    assert 'pain-chart"' in page
    assert "serie-1 " in page  # the smoothed line is the second series
    assert "The orange line is a smoothed average" in page
    assert page.count('class="interval-chart" role="img"') >= 2
    assert "not a fair test" in page
    assert "not a controlled comparison" in page
    assert '<a href="/insights?days=30" aria-current="true">30 days</a>' in page
    assert not not_for_people(visible_text(page))


def test_a_range_outside_the_limits_is_refused(client: TestClient) -> None:
    assert client.get("/insights?days=0").status_code == 422
