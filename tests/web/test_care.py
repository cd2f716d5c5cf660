"""The care pages: guides with steps and drawings, left out on numb skin, logged as care."""

from __future__ import annotations

from datetime import date, timedelta

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text
from tests.safety.kit import complete
from tests.web.conftest import RowCount

TODAY = date(2026, 3, 15)


def test_the_care_page_lists_every_guide(client: TestClient) -> None:
    page = client.get("/care").text
    for title in ("Warmth", "Cold", "Gentle stretches", "A short walk"):
        assert title in page
    assert 'href="/care/stretching"' in page
    assert "Not suggested for you" not in page
    assert not not_for_people(visible_text(page))


def test_a_guide_shows_its_steps_moves_cautions_and_sources(client: TestClient) -> None:
    page = client.get("/care/stretching").text
    assert '<img src="/static/care/knee-to-chest.svg"' in page
    assert "Knee to chest" in page
    assert "Stop any movement that makes your pain worse, and ask your GP" in page
    assert "NICE NG59" in page
    assert '<script src="/static/timer.js" defer></script>' in page
    assert client.get("/static/care/cat-cow.svg").headers["content-type"].startswith("image/svg")
    assert client.get("/static/timer.js").status_code == 200


def test_numb_skin_leaves_warmth_and_cold_out(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"numb_skin": "unsure"}))
    page = client.get("/care").text
    assert "Not suggested for you" in page
    assert 'href="/care/heat"' not in page
    heat = client.get("/care/heat").text
    assert "Not for you, for now" in heat
    assert 'action="/log/care"' not in heat


def test_a_daily_recheck_does_not_forget_numb_skin(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"numb_skin": "yes"}))
    screening.recheck(db, actor, {"fever": "no"})
    assert 'href="/care/heat"' not in client.get("/care").text


def test_logging_from_a_guide_stores_care_that_has_just_ended(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/care/heat").text
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    form = {"csrf_token": token, "kind": "heat", "minutes": "20"}
    assert client.post("/log/care", data=form).status_code == 303
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).care
    assert (stored.kind, stored.minutes) == ("heat", 20)
    assert stored.started_at == actor.now() - timedelta(minutes=20)


def test_an_unknown_guide_is_a_404_page(client: TestClient, row_count: RowCount) -> None:
    answer = client.get("/care/sauna")
    assert answer.status_code == 404
    assert "<h1>Not found</h1>" in answer.text


def test_the_alternatives_to_the_mat_leave_warmth_out_on_numb_skin_and_link_the_guides(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"numb_skin": "yes"}))
    screening.recheck(db, actor, {"fever": "no"})  # a later re-check does not forget it
    for url in ("/", "/check/result"):
        page = client.get(url).text
        assert "What you can do instead of the mat" in page
        assert "Try warmth" not in page
        assert 'href="/care"' in page


def test_with_skin_that_feels_normal_warmth_is_an_alternative(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"pregnant": "yes"}))
    assert "Try warmth" in client.get("/").text
