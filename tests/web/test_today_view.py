"""The Today page built around the day: a welcome, a summary, three big actions, spasm now,
the plan, and one "anything new or worse?" question (issue 15, UX 11, 26)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text
from tests.safety.kit import complete
from tests.web.conftest import RowCount

TODAY = date(2026, 3, 15)


def test_a_first_visit_is_welcomed_with_two_steps(client: TestClient) -> None:
    page = client.get("/").text
    assert "Welcome to acumat" in page
    assert 'href="/check"' in page
    assert 'href="/?checkin=open#checkin"' in page
    assert "Your day" not in page  # nothing to sum up yet
    for action in ("I'm having a spasm", "What helps besides the mat", "Check in"):
        assert action in page
    assert '<details class="card quick" id="checkin">' in page  # closed until asked for
    assert not not_for_people(visible_text(page))


def test_asking_to_check_in_opens_the_form(client: TestClient) -> None:
    assert '<details class="card quick" id="checkin" open>' in client.get("/?checkin=open").text


def test_after_checking_in_the_day_says_done_with_a_way_to_change_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    form = {"day": "2026-03-15", "pain": "4", "flags": "none"}
    assert client.post("/checkin", data=form).status_code == 303
    page = client.get("/").text
    assert "Welcome to acumat" not in page
    assert "Done for today ✓" in page
    assert 'href="/diary/checkin/2026-03-15/edit"' in page
    assert "Change today's check-in" in page
    assert "Planned today: <strong>5 minutes</strong>, on a fabric layer." in page
    assert "Start my mat session" in page


def test_nothing_new_or_worse_is_one_answer(client: TestClient, db: Database, actor: Actor) -> None:
    page = client.get("/?checkin=open").text
    assert "is anything new or worse?" in page
    assert 'name="flags" value="none"' in page
    assert 'name="flags" value="some"' in page
    saved = client.post("/checkin", data={"day": "2026-03-15", "pain": "4", "flags": "none"})
    assert saved.headers["location"] == "/?saved=checkin"  # answered: the re-check was done
    assert screening.latest_screening(db, actor) is None  # and, calm, wrote nothing


def test_yes_without_a_ticked_sign_is_refused_and_nothing_is_saved(
    client: TestClient, row_count: RowCount
) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "4", "flags": "some"})
    assert answer.status_code == 422
    assert "you answered yes: tick each sign you have now or are not sure about" in answer.text
    assert 'id="flags-some" name="flags" value="some" checked' in answer.text
    assert row_count() == 0


def test_yes_with_a_sign_is_triaged_at_once(client: TestClient, db: Database, actor: Actor) -> None:
    form = {"day": "2026-03-15", "pain": "4", "flags": "some", "flag.fever": "yes"}
    answer = client.post("/checkin", data=form)
    assert answer.headers["location"] == "/check/result?saved=checkin"
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert latest.is_urgent


def test_a_spasm_is_one_tap_and_easing_is_another(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/spasm").text
    assert 'id="loc-lower_left"' in page
    assert '<label for="loc-lower_left">Lower back, left</label>' in page
    form = {"peak_intensity": "7", "locations": ["lower_left", "hip_left"], "triggers": "lifting"}
    assert client.post("/spasm", data=form).headers["location"] == "/?saved=spasm"
    (episode,) = diary.list_diary(db, actor, TODAY, TODAY).episodes
    assert (episode.peak_intensity, episode.ended_at) == (7, None)
    assert episode.started_at == actor.now()
    assert episode.locations == ["lower_left", "hip_left"]
    today = client.get("/?saved=spasm").text
    assert "Going on since" in today
    assert f'action="/spasm/{episode.id}/eased"' in today
    eased = client.post(f"/spasm/{episode.id}/eased")
    assert eased.headers["location"] == "/?saved=eased"
    (ended,) = diary.list_diary(db, actor, TODAY, TODAY).episodes
    assert ended.ended_at == actor.now()
    assert "Going on since" not in client.get("/").text


def test_a_spasm_without_its_pain_is_refused_in_words(
    client: TestClient, row_count: RowCount
) -> None:
    answer = client.post("/spasm", data={"locations": "neck"})
    assert answer.status_code == 422
    assert "please give a whole number from 0 to 10" in answer.text
    assert 'id="loc-neck" name="locations" value="neck" checked' in answer.text
    assert row_count() == 0


def test_the_plan_page_shows_the_sessions_and_a_paused_plans_way_back(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    planned = client.get("/plan").text
    assert "Next: 5 minutes, on a fabric layer" in planned
    assert "Sit on the edge of the mat first" in planned  # the session steps, from their data
    assert "Spread a thin towel or T-shirt over the spikes" in planned
    assert "sleep" not in visible_text(planned).lower()
    start = datetime(2026, 3, 14, 20, 0, tzinfo=actor.zone)
    raw = {"started_at": start, "actual_minutes": 10, "skin_reaction": "bruising"}
    diary.add_entry(db, actor, "session", raw)
    paused = client.get("/plan").text
    assert "your skin showed bruising" in paused
    assert "Yes, my skin has healed" in paused
    healed = client.post("/plan/skin-healed")
    assert healed.headers["location"] == "/plan?saved=healed"
    assert "your skin has healed, so acumat starts gently again" in client.get("/plan").text


def test_the_today_api_is_the_pages_view(client: TestClient, db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    client.post("/spasm", data={"peak_intensity": "6"})
    body = client.get("/api/v1/today").json()
    assert body["day"] == "2026-03-15"
    assert body["first_visit"] is False
    assert body["checkin"] is None
    assert body["planned"]["minutes"] == 5
    assert body["ongoing_episode"]["peak_intensity"] == 6
    assert body["mat"]["permission"] == "ok"
    assert body["plan"]["sessions"][0]["date"] == "2026-03-15"
    assert TODAY + timedelta(days=1) > TODAY  # the plan's days are the person's days


def test_a_second_spasm_while_one_goes_on_is_not_logged(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/spasm", data={"peak_intensity": "6"})
    again = client.post("/spasm", data={"peak_intensity": "8"})
    assert again.headers["location"] == "/?saved=spasm-ongoing"
    assert len(diary.list_diary(db, actor, TODAY, TODAY).episodes) == 1
    assert "A spasm is already going on" in client.get(again.headers["location"]).text


def test_a_spasm_going_on_for_over_a_week_points_to_the_safety_questions(
    client: TestClient, db: Database, actor: Actor
) -> None:
    started = datetime(2026, 3, 6, 9, 0, tzinfo=actor.zone)
    diary.add_entry(db, actor, "episode", {"started_at": started, "peak_intensity": 6})
    page = client.get("/").text
    assert "It has gone on for more than a week" in page
    assert client.get("/api/v1/today").json()["episode_worth_checking"] is True


def test_what_is_due_today_is_listed_on_today_and_in_its_api(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    page = client.get("/").text
    assert "Due today" in page
    body = client.get("/api/v1/today").json()
    kinds = [item["kind"] for item in body["due"]]
    assert "checkin" in kinds
    assert "mat_session" in kinds
    client.post("/checkin", data={"day": "2026-03-15", "pain": "4", "flags": "none"})
    assert "checkin" not in [i["kind"] for i in client.get("/api/v1/today").json()["due"]]
