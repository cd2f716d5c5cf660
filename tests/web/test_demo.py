"""Removing the demo data from the browser: a confirm page that writes nothing, then one POST."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary
from acumat.services.demo import load_demo
from acumat.store.engine import Database
from tests.web.conftest import RowCount


def test_the_confirm_page_says_how_much_and_writes_nothing(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    counts = load_demo(db, actor)
    page = client.get("/demo/remove")
    assert page.status_code == 200
    assert f"{counts.total} made-up entries" in page.text
    assert '<form method="post" action="/demo/remove"' in page.text
    assert 'name="csrf_token"' in page.text
    assert row_count() == counts.total


def test_removing_takes_out_every_demo_row_and_keeps_the_persons_own(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    load_demo(db, actor)
    diary.add_entry(
        db, actor, "care", {"kind": "heat", "minutes": 15, "started_at": "2026-03-15T08:00"}
    )
    answer = client.post("/demo/remove")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/demo/remove?removed=1"
    assert "The demo data was removed." in client.get(answer.headers["location"]).text
    assert row_count() == 1


def test_removing_without_the_csrf_token_is_refused(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    counts = load_demo(db, actor)
    refused = client.post("/demo/remove", data={"csrf_token": "wrong"})
    assert refused.status_code == 403
    assert row_count() == counts.total


def test_with_no_demo_data_the_page_says_so(client: TestClient) -> None:
    page = client.get("/demo/remove")
    assert "There is no demo data in your diary." in page.text
    assert "<form" not in page.text.split("<main", 1)[-1].split("</main>", 1)[0]


def test_today_and_the_diary_say_demo_data_is_made_up_and_offer_to_remove_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    notice = "You are looking at made-up demo data"
    for url in ("/", "/diary"):
        assert notice not in client.get(url).text, url
    load_demo(db, actor)
    for url in ("/", "/diary"):
        page = client.get(url).text
        assert notice in page, url
        assert '<a href="/demo/remove">Remove the demo data</a>' in page, url
    assert client.post("/demo/remove").status_code == 303
    for url in ("/", "/diary"):
        assert notice not in client.get(url).text, url
