"""Safety pages: questions a group at a time, emergencies first, results, approvals, re-checks."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pytest
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.services import questionnaire, screening
from acumat.services.settings import change_settings
from acumat.store.engine import Database
from acumat.store.models import ClinicianApproval, Screening
from tests.conftest import FROZEN_NOW
from tests.present.wording import not_for_people, visible_text
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


def question_error(html: str, item_id: str) -> str:
    """The problem shown under question ``item_id`` ('' when there is none)."""
    found = re.search(rf'<p class="field-error" id="(?:in|q)-{item_id}-error">(.*?)</p>', html)
    return found.group(1) if found else ""


def test_a_page_submitted_with_a_gap_asks_again(client: TestClient) -> None:
    page = answer(client, {"age": "40"}, shown="age,pain_now,episode_days")
    assert page.status_code == 422
    assert question_error(page.text, "pain_now") == "Please give a whole number from 0 to 10"
    assert 'value="40"' in page.text


def test_a_missing_age_says_what_to_give_from_the_questions_own_range(
    client: TestClient, db: Database
) -> None:
    page = answer(client, {"pain_now": "3", "episode_days": "2"}, shown="age,pain_now,episode_days")
    assert page.status_code == 422
    assert question_error(page.text, "age") == "Please give a whole number from 16 to 120"
    assert not_for_people(visible_text(page.text)) == []
    assert stored(db) == 0


def test_a_refused_answer_is_shown_with_what_is_allowed(client: TestClient) -> None:
    page = answer(client, {"age": "300"})
    assert page.status_code == 422
    assert question_error(page.text, "age") == "A whole number from 16 to 120 (you entered 300)"


@pytest.mark.parametrize(("region", "doctor"), [("GB", "GP"), ("CA", "family doctor")])
def test_an_age_under_16_gets_kind_advice_to_see_their_doctor(
    client: TestClient, db: Database, actor: Actor, region: str, doctor: str
) -> None:
    change_settings(db, actor, {"region": region})
    page = answer(client, {"age": "12", "pain_now": "3", "episode_days": "2"})
    assert page.status_code == 422
    advice = question_error(page.text, "age")
    assert advice.startswith("Sorry, acumat is made for people aged 16 and over.")
    assert f"should be seen by their {doctor}" in advice
    assert "{doctor}" not in page.text
    assert not_for_people(visible_text(page.text)) == []
    assert stored(db) == 0
    assert "age" not in questionnaire.draft_answers(db, actor)


def test_an_age_under_16_never_hides_an_emergency_answer(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = answer(client, {"age": "12", "saddle_numbness": "yes"})
    assert page.status_code == 303
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert (latest.urgency, latest.complete) == ("EMERGENCY", False)
    assert "age" not in latest.answers  # only the accepted answers are stored
    stop = client.get("/check")
    assert starts_with_alert(stop.text)
    assert "Call 999" in stop.text


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
    assert question_error(page.text, "pain_now") == "Please give a whole number from 0 to 10"
    assert not_for_people(visible_text(page.text)) == []
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


def approval_problems(html: str) -> list[str]:
    """The list of what to fix above the approval form, as shown."""
    box = r'<div class="fix-answers card" role="alert" id="approval-problems">(.*?)</div>'
    found = re.search(box, html, flags=re.S)
    assert found, "no list of problems above the approval form"
    return [visible_text(item) for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.S)]


def approval_error(html: str, name: str) -> str:
    found = re.search(rf'<p class="field-error" id="approval-{name}-error">(.*?)</p>', html, re.S)
    return visible_text(found.group(1)) if found else ""


def test_the_approval_form_is_labelled_from_the_schema(
    client: TestClient, db: Database, actor: Actor
) -> None:
    from acumat.present.fields import fields_of
    from acumat.safety.schemas import ApprovalIn

    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    page = client.get("/check/result").text
    for name, info in fields_of(ApprovalIn).items():
        assert f'<label for="approval-{name}">{info.label}' in page
        assert info.help
        assert info.help in page


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"clinician": "X", "approved_on": "2026-03-12"},
         {"clinician": "Who said so (name and role): please write at least 2 characters"}),
        ({"clinician": "Dr Adeyemi", "approved_on": "2027-01-01"},
         {"approved_on": "When they said so: today or an earlier day, please"}),
        ({"clinician": "  ", "approved_on": "", "note": ""},
         {"clinician": "Who said so (name and role): please fill this in",
          "approved_on": "When they said so: please give the day"}),
    ],
    ids=["name-too-short", "future-day", "nothing-written"],
)  # fmt: skip
def test_a_refused_approval_names_the_label_on_screen_and_what_to_do(
    client: TestClient, db: Database, actor: Actor, form: dict[str, str], expected: dict[str, str]
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    page = client.post("/check/approval", data=form)
    assert page.status_code == 422
    assert approval_problems(page.text) == list(expected.values())
    for name, sentence in expected.items():
        what_to_do = sentence.split(": ", 1)[1]
        shown = "Problem: " + what_to_do[:1].upper() + what_to_do[1:]
        assert approval_error(page.text, name) == shown
        assert f'id="approval-{name}" name="{name}" value="{form[name]}"' in page.text
    assert not_for_people(visible_text(page.text)) == []
    assert stored(db, ClinicianApproval) == 0


def test_no_screening_yet_invites_the_questions(client: TestClient) -> None:
    page = client.get("/check/result").text
    assert 'href="/check"' in page
    assert "Answer the safety questions" in client.get("/").text


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
    assert "please check your answer" in page.text
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


def alert_box(html: str) -> str:
    """The urgent banner at the top of ``html`` ('' when there is none)."""
    found = re.search(r'<section class="urgent[^"]*" role="alert".*?</section>', html, flags=re.S)
    return found.group(0) if found else ""


def test_the_urgent_banner_says_when_what_to_call_and_how_to_clear_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/settings", data={"timezone": "America/New_York", "region": "GB"})
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    for url in ("/", "/diary", "/settings", "/check/result"):
        box = alert_box(client.get(url).text)
        # Noon UTC on Sunday 15 March is 08:00 in New York: the person's own time.
        assert "From your answers on Sun 15 Mar, 08:00" in box, url
        assert '<a class="call-button" href="tel:999">Call 999</a>' in box, url
        assert 'href="/check?group=about-you">Once a doctor or nurse has seen you' in box, url


def test_the_banner_calls_the_numbers_of_the_persons_region(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/settings", data={"timezone": "UTC", "region": "US"})
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    box = alert_box(client.get("/").text)
    assert 'href="tel:911"' in box
    assert "tel:999" not in box


def test_an_urgent_same_day_banner_offers_the_urgent_number_and_the_emergency_one(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    client.post("/checkin", data={"day": "2026-03-15", "pain": "5", "flag.fever": "yes"})
    box = alert_box(client.get("/").text)
    assert "From your daily check-in on Sun 15 Mar, 12:00" in box
    assert 'href="tel:111">Call 111</a>' in box
    assert 'href="tel:999">call 999</a>' in box


def test_answering_again_turns_the_banner_into_a_calm_notice(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    page = client.get("/check?group=about-you").text
    assert not starts_with_alert(page)
    assert alert_box(page) == ""
    assert '<section class="notice" role="status"' in page
    assert "Your last result was urgent" in page
    assert "finishing these questions will update it" in page.lower()
    assert 'href="tel:999"' in page  # still one tap away
    assert starts_with_alert(client.get("/").text)  # everywhere else it stays red


def test_an_emergency_answer_in_the_questions_being_answered_keeps_the_banner_red(
    client: TestClient, db: Database
) -> None:
    answer(client, {"age": "40", "pain_now": "3", "episode_days": "2", "saddle_numbness": "yes"})
    page = client.get("/check?group=about-you").text
    assert starts_with_alert(page)
    assert "Your last result was urgent" not in page


def test_an_urgent_result_ends_with_the_clinician_path(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    result = client.get("/check/result").text
    assert "After you have been seen" in result
    assert "Once a doctor or nurse has seen you" in main_html(result).split("After you")[1]
    assert "if anything has changed" not in result


def test_rule_and_source_ids_are_only_in_the_details_for_a_clinician(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"diabetes": "yes"}))
    page = main_html(client.get("/check/result").text)
    shown, details = page.split('<details class="for-clinician">', 1)
    assert "MAT-D8" not in shown
    assert not re.search(r"\bS\d+\b", shown)
    assert "<summary>Details for your clinician</summary>" in details
    assert "MAT-D8" in details
    assert re.search(r"\bS\d+\b", details)
    assert "What to do:" in shown


def test_the_review_lists_every_answer_by_group_with_a_change_link(client: TestClient) -> None:
    answers = complete({"diabetes": "yes"})
    answer(client, answers)
    review = client.get("/check").text
    assert "Check your answers" in review
    assert "<dt>How old are you?</dt><dd>35</dd>" in review
    assert "<dd>Yes</dd>" in review
    for group in ("about-you", "urgent", "nerves"):
        assert f'<a href="/check?group={group}">Change' in review
    changed = client.get("/check?group=about-you").text
    assert 'value="35"' in changed
    # After a change, Next comes straight back to the review.
    moved = answer(client, {"age": "36"}, shown="age")
    assert moved.headers["location"] == "/check"
    assert "<dd>36</dd>" in client.get("/check").text


def test_back_keeps_what_was_ticked_on_this_page(client: TestClient) -> None:
    answer(client, {"age": "40", "pain_now": "3", "episode_days": "2", "first_episode": "no"})
    urgent_page = client.get("/check?group=urgent").text
    assert 'name="go" value="back"' in urgent_page
    form = {"shown": "saddle_numbness,bladder_change", "group": "urgent", "go": "back"}
    back = client.post("/check/answers", data={**form, "saddle_numbness": "no"})
    assert back.status_code == 303  # nothing refused for what is still blank
    assert back.headers["location"] == "/check?group=about-you"
    again = client.get("/check?group=urgent").text
    assert 'id="a-saddle_numbness-no" name="saddle_numbness" value="no" checked' in again


def test_a_follow_up_question_says_it_follows_from_the_last_answer(
    client: TestClient,
) -> None:
    answer(
        client,
        {"age": "40", "pain_now": "3", "episode_days": "2", "first_episode": "no"},
        shown="age,pain_now,episode_days,first_episode,pregnancy_possible",
    )
    given = {"pregnancy_possible": "yes"}
    moved = answer(client, given, shown="pregnancy_possible")
    page = client.get(moved.headers["location"]).text
    assert "more question" in page
    assert "about that" in page
    assert "Questions 1 of" not in page
    assert 'name="age"' not in page  # the page is not shown again, only what it led to
    assert "Change your other answers on this page" in page
    whole = client.get("/check?group=about-you&all=1").text
    assert 'name="age"' in whole
    assert "Questions 1 of" in whole


def test_a_demo_result_is_labelled_as_not_yours(db: Database, actor: Actor) -> None:
    from acumat.web.render import templates

    saved = screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    demo = saved.model_copy(update={"is_demo": True})
    macros = templates().env.get_template("macros/triage.html").module
    assert "Demo — not your result" in str(macros.urgent_box(demo, None, "about-you"))  # type: ignore[attr-defined]
    assert "Demo — not your result" not in str(macros.urgent_box(saved, None, "about-you"))  # type: ignore[attr-defined]


def test_settings_offer_to_remove_demo_data(client: TestClient) -> None:
    page = client.get("/settings").text
    assert '<a href="/demo/remove">Remove demo data</a>' in page


def test_the_banner_and_result_fill_in_the_services_of_the_persons_region(
    client: TestClient, db: Database, actor: Actor
) -> None:
    """Rules name services with placeholders; the pages fill them in for where you live."""
    from acumat.store.repos import SafetyRepo

    client.post("/settings", data={"timezone": "UTC", "region": "US"})
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    with db.transaction() as session:
        row = SafetyRepo(session, actor.user_id).latest_screening()
        assert row is not None
        action = "Call {emergency_number} or go to {emergency_department} now."
        row.reasons = [{**reason, "action": action} for reason in row.reasons]
    for url in ("/", "/check/result"):
        page = client.get(url).text
        assert "Call 911 or go to the emergency room now." in alert_box(page), url
        assert "{emergency_number}" not in page, url


def instead_html(html: str) -> str:
    """The "instead of the mat" card, or "" when the page has none."""
    found = re.search(r'<section class="card instead".*?</section>', html, flags=re.S)
    return found.group(0) if found else ""


def test_do_not_use_offers_what_to_do_instead_with_sources(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/settings", data={"timezone": "UTC", "region": "US"})
    screening.record_screening(db, actor, complete({"diabetes": "yes"}))
    for url in ("/check/result", "/"):
        page = client.get(url).text
        card = instead_html(page)
        assert "What you can do instead of the mat" in card, url
        assert "Ask a pharmacist or your doctor about pain relief" in card, url  # US words
        assert "{doctor}" not in card, url
        assert "GP" not in card, url
        assert card.count("Sources:") == 4, url
        assert 'href="https://' in card, url
        assert not re.search(r"\bS1\b|\bA1\b", card), url  # titles, never source ids


def test_the_alternatives_come_after_an_urgent_action(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, {"saddle_numbness": "yes"})
    for url in ("/check/result", "/"):
        page = client.get(url).text
        assert starts_with_alert(page), url
        card = instead_html(page)
        assert card, url
        assert page.index('role="alert"') < page.index(card), url


def test_no_alternatives_while_the_mat_may_be_used_or_needs_a_clinician(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    assert instead_html(client.get("/check/result").text) == ""
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    assert instead_html(client.get("/check/result").text) == ""
    assert instead_html(client.get("/").text) == ""


def test_the_stop_page_speaks_for_the_persons_region(client: TestClient, db: Database) -> None:
    client.post("/settings", data={"timezone": "UTC", "region": "US"})
    given = {"age": "40", "pain_now": "3", "episode_days": "2", "saddle_numbness": "yes"}
    assert answer(client, given).status_code == 303
    stop = client.get("/check")
    assert stop.status_code == 200
    assert "Please stop here and get help" in stop.text
    reasons = stop.text.split('<ul class="reasons">', 1)[1]
    assert "911" in reasons
    assert "999" not in stop.text
    assert "A&amp;E" not in stop.text
