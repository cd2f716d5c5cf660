"""Safety pages: questions a group at a time, emergencies first, results, approvals, re-checks."""

from __future__ import annotations

import re
from collections.abc import Mapping

from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.models import ClinicianApproval, Screening
from tests.conftest import FROZEN_NOW
from tests.safety.kit import complete


def stored(db: Database, model: type = Screening) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def main_html(html: str) -> str:
    return html.split('<main id="main"', 1)[1]


def starts_with_alert(html: str) -> bool:
    """The first thing inside <main> (after any flash) is the urgent box."""
    body = re.sub(r'<p class="flash".*?</p>', "", main_html(html), flags=re.S)
    first = re.search(r"<(section|h1)[ >]", body)
    return first is not None and 'role="alert"' in body[first.start() : first.start() + 200]


def test_the_questions_start_with_the_first_group(client: TestClient) -> None:
    page = client.get("/check", follow_redirects=True)
    assert page.status_code == 200
    assert "Questions 1 of" in page.text
    assert 'name="age"' in page.text
    assert "Back to the previous questions" not in page.text


def answer(client: TestClient, answers: Mapping[str, object], shown: str | None = None) -> Response:
    """Post one page of answers, as the question form does (``shown``: the page's questions)."""
    form = {**answers, "shown": shown if shown is not None else ",".join(answers)}
    return client.post("/check/answers", data=form)


def test_a_page_submitted_with_a_gap_asks_again(client: TestClient) -> None:
    page = answer(client, {"age": "40"}, shown="age,pain_now,episode_days")
    assert page.status_code == 422
    assert "Please choose an answer." in page.text
    assert 'value="40"' in page.text


def test_a_refused_answer_is_shown_with_what_is_allowed(client: TestClient) -> None:
    page = answer(client, {"age": "300"})
    assert page.status_code == 422
    assert "must be a whole number from 16 to 120" in page.text


def test_answers_are_kept_on_the_server_and_never_put_in_an_address(client: TestClient) -> None:
    first = {
        "age": "40",
        "pain_now": "3",
        "episode_days": "2",
        "first_episode": "no",
        "pregnancy_possible": "no",
    }
    moved_on = answer(client, first)
    assert moved_on.status_code == 303
    assert moved_on.headers["location"] == "/check?group=urgent"  # a page name, no answer
    page = client.get("/check", follow_redirects=True)
    assert "Questions 2 of" in page.text
    assert "Back to the previous questions" in page.text
    back = client.get("/check?group=about-you")
    assert 'value="40"' in back.text
    assert "40" not in str(back.url)


def test_an_emergency_answer_interrupts_with_what_to_do_first(
    client: TestClient, db: Database
) -> None:
    given = {"age": "40", "pain_now": "3", "episode_days": "2", "saddle_numbness": "unsure"}
    assert answer(client, given).status_code == 303
    assert stored(db) == 1  # saved by the post that gave it, even if the page is closed now
    page = client.get("/check", follow_redirects=True)
    assert starts_with_alert(page.text)
    assert "Call 999" in page.text
    assert answer(client, given).status_code == 303
    assert stored(db) == 1  # the same answers again do not store it twice
    assert starts_with_alert(client.get("/diary").text)
    result = client.get("/check/result")
    assert starts_with_alert(result.text)
    assert "Do not use a mat for now" in result.text


def test_reading_the_questions_with_answers_in_the_address_stores_nothing(
    client: TestClient, db: Database
) -> None:
    page = client.get("/check?saddle_numbness=yes&age=40", follow_redirects=True)
    assert page.status_code == 200
    assert stored(db) == 0
    assert not starts_with_alert(client.get("/").text)


def test_a_complete_screening_is_saved_and_shows_reasons_with_sources(
    client: TestClient, db: Database
) -> None:
    answers = complete({"diabetes": "yes"})
    assert answer(client, answers).status_code == 303
    ready = client.get("/check", follow_redirects=True)
    assert "That is every question" in ready.text
    assert client.post("/check").status_code == 303
    result = client.get("/check/result").text
    assert not starts_with_alert(result)
    assert "Do not use a mat for now" in result
    assert "MAT-D8" in result
    assert 'href="https://' in result  # each source links to where it came from
    assert (
        "Questions 1 of" in client.get("/check", follow_redirects=True).text
    )  # the draft was forgotten


def test_an_incomplete_post_is_refused_and_nothing_saved(client: TestClient, db: Database) -> None:
    answer(client, {"age": "40"})
    page = client.post("/check")
    assert page.status_code == 422
    assert "needs an answer" in page.text
    assert stored(db) == 0


def test_starting_again_forgets_the_answers_so_far(client: TestClient) -> None:
    answer(client, {"age": "40", "pain_now": "3", "episode_days": "2"})
    assert client.post("/check/restart").status_code == 303
    assert "Questions 1 of" in client.get("/check", follow_redirects=True).text


def test_an_ok_result_shows_the_mat_checklist(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    assert "Choosing and preparing your mat" in client.get("/check/result").text


def test_caution_consult_offers_an_approval_form_that_clears_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    assert "Record approval" in client.get("/check/result").text
    form = {"clinician": "Dr Adeyemi, GP", "approved_on": "2026-03-12"}
    assert client.post("/check/approval", data=form).status_code == 303
    result = client.get("/check/result").text
    assert "cleared by your clinician. Dr Adeyemi, GP said on Thu 12 Mar 2026" in result
    assert "Record approval" not in result
    # The caution's "ask your doctor" is done now: it says who cleared it instead.
    assert "Ask your doctor" not in result
    assert "<strong>Done:</strong> Dr Adeyemi, GP said on Thu 12 Mar 2026" in result
    today = client.get("/").text
    assert "Cleared by your clinician: Dr Adeyemi, GP said on Thu 12 Mar 2026" in today
    assert "2026-03-12" not in today  # dates in words on every page


def test_the_approval_form_offers_no_day_after_today_and_promises_nothing_more(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    result = client.get("/check/result").text
    assert 'id="approval-approved_on" name="approved_on" value="" max="2026-03-15"' in result
    assert "plan sessions" not in result


def test_a_future_approval_date_is_refused_on_the_page(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    form = {"clinician": "Dr Adeyemi", "approved_on": "2027-01-01"}
    page = client.post("/check/approval", data=form)
    assert page.status_code == 422
    assert "must be today" in page.text
    assert stored(db, ClinicianApproval) == 0


def test_no_screening_yet_invites_the_questions(client: TestClient) -> None:
    page = client.get("/check/result").text
    assert 'href="/check"' in page
    assert "Start the questions" in client.get("/").text


def test_a_ticked_sign_at_checkin_goes_straight_to_the_urgent_result(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    form = {"day": "2026-03-15", "pain": "5", "flag.chest_pain": "yes"}
    answer = client.post("/checkin", data=form)
    assert (answer.status_code, answer.headers["location"]) == (303, "/check/result?saved=checkin")
    result = client.get(answer.headers["location"]).text
    assert starts_with_alert(result)
    assert "Check-in saved." in result  # the urgent result does not hide that it was saved
    assert starts_with_alert(client.get("/").text)


def test_none_of_these_records_a_calm_recheck(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "5", "flags": "none"})
    assert answer.headers["location"] == "/?saved=checkin"
    assert stored(db) == 2
    assert not starts_with_alert(client.get("/").text)


def test_a_sign_and_none_of_these_together_are_refused(client: TestClient, db: Database) -> None:
    form = {"day": "2026-03-15", "pain": "5", "flags": "none", "flag.fever": "yes"}
    page = client.post("/checkin", data=form)
    assert page.status_code == 422
    assert "pick one" in page.text
    assert stored(db) == 0


def test_another_persons_urgent_result_never_shows_on_my_pages(
    client: TestClient, db: Database, actor: Actor
) -> None:
    from acumat.store.models import User

    with db.transaction() as session:
        someone = User(email="someone@example.org", created_at=FROZEN_NOW)
        session.add(someone)
        session.flush()
        stranger = Actor(someone.id)
    screening.record_screening(db, stranger, {"chest_pain": "yes"})
    for url in ("/", "/diary", "/check/result", "/settings"):
        assert not starts_with_alert(client.get(url).text), url
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    for url in ("/", "/diary", "/check/result", "/settings"):
        assert starts_with_alert(client.get(url).text), url


def test_an_invalid_answer_on_a_page_never_hides_an_urgent_one(
    client: TestClient, db: Database
) -> None:
    page = answer(client, {"age": "forty", "saddle_numbness": "yes"})
    assert page.status_code == 303
    assert stored(db) == 1
    stop = client.get("/check")
    assert starts_with_alert(stop.text)
    assert "Call 999" in stop.text
