"""The today page: check-in and quick logging forms, their refusals, and the small trend."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.store.engine import Database
from tests.safety.kit import complete
from tests.web.conftest import RowCount, service_message
from tests.web.markup import error_text, field_value, parts

TODAY = date(2026, 3, 15)


def test_today_page_offers_every_form_with_a_label_on_each_field(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    found = parts(page.text)
    forms = {url for url in found.urls if url.startswith(("/checkin", "/log/"))}
    assert forms == {"/checkin", "/log/episode", "/log/session", "/log/care"}
    unlabelled = [f for f in found.fields if f.get("id") not in found.label_targets]
    assert unlabelled == []


def test_checkin_form_defaults_to_today_when_nothing_is_logged(client: TestClient) -> None:
    page = client.get("/").text
    assert field_value(page, "checkin", "day") == "2026-03-15"
    assert field_value(page, "checkin", "pain") == ""
    assert "No check-ins in the last 30 days yet" in page


def test_saving_a_checkin_redirects_with_a_confirmation(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {"day": "2026-03-15", "pain": "4", "sleep_quality": "", "flags": "none"}
    answer = client.post("/checkin", data=form)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/?saved=checkin"
    page = client.get(answer.headers["location"]).text
    assert "Check-in saved." in page
    assert "warning-sign check was skipped" not in page
    saved = diary.get_checkin(db, actor, TODAY)
    assert (saved.pain, saved.sleep_quality) == (4, None)


def test_a_checkin_without_the_warning_signs_says_the_recheck_was_skipped(
    client: TestClient, db: Database, actor: Actor
) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "4"})
    assert answer.headers["location"] == "/?saved=checkin&recheck=skipped"
    page = client.get(answer.headers["location"]).text
    assert "Check-in saved." in page
    assert "The warning-sign check was skipped" in page
    assert 'href="/?checkin=open#checkin"' in page  # back to the form, opened, to answer it
    assert diary.get_checkin(db, actor, TODAY).pain == 4


def test_todays_checkin_is_prefilled_and_saving_again_replaces_it(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/checkin", data={"day": "2026-03-15", "pain": "6", "stress": "3"})
    page = client.get("/").text
    assert field_value(page, "checkin", "pain") == "6"
    assert field_value(page, "checkin", "stress") == "3"
    assert replaces(page) == "2026-03-15"
    again = {"day": "2026-03-15", "pain": "2", "replaces": "2026-03-15"}
    saved = client.post("/checkin", data=again)
    assert saved.status_code == 303
    listed = diary.list_diary(db, actor, TODAY, TODAY)
    assert [(c.pain, c.stress) for c in listed.checkins] == [(2, None)]


def replaces(html: str) -> str | None:
    """The day the check-in form says it was filled in from (``None``: a fresh form)."""
    found = re.search(r'<input type="hidden" name="replaces" value="([^"]*)">', html)
    return found.group(1) if found else None


def test_a_fresh_checkin_form_replaces_nothing(client: TestClient) -> None:
    assert replaces(client.get("/").text) is None


def test_a_taken_earlier_day_is_refused_on_the_day_field_and_nothing_written(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    client.post("/checkin", data={"day": "2026-03-10", "pain": "5"})
    client.post("/checkin", data={"day": "2026-03-15", "pain": "6"})
    before = row_count()
    form = {"day": "2026-03-10", "pain": "1", "replaces": "2026-03-15"}
    answer = client.post("/checkin", data=form)
    assert answer.status_code == 409
    day_error = error_text(answer.text, "checkin", "day")
    assert day_error.startswith("There is already a check-in for Tue 10 Mar 2026.")
    assert 'id="checkin-day" name="day" value="2026-03-10"' in answer.text
    assert 'aria-invalid="true"' in answer.text
    assert field_value(answer.text, "checkin", "pain") == "1"  # what was typed stays
    assert row_count() == before
    assert diary.get_checkin(db, actor, date(2026, 3, 10)).pain == 5
    assert diary.get_checkin(db, actor, TODAY).pain == 6


def test_a_taken_day_without_the_prefill_is_refused_too(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/checkin", data={"day": "2026-03-15", "pain": "6"})
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "2"})
    assert answer.status_code == 409
    assert diary.get_checkin(db, actor, TODAY).pain == 6


def test_a_refused_checkin_still_shows_an_urgent_sign_first(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/checkin", data={"day": "2026-03-10", "pain": "5", "flags": "none"})
    form = {"day": "2026-03-10", "pain": "5", "flag.chest_pain": "yes"}
    answer = client.post("/checkin", data=form)
    assert answer.status_code == 409
    main = answer.text.split('<main id="main"', 1)[1]
    assert main.index('role="alert"') < main.index("There is already a check-in")


def test_a_refused_checkin_keeps_its_emergency_sign_saved(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    """The check-in is refused as a duplicate, but the urgent result its red flag raised is
    saved: it stays at the top of every page, not only the refusal's."""
    screening.record_screening(db, actor, complete({}))
    client.post("/checkin", data={"day": "2026-03-15", "pain": "4", "flags": "none"})
    before = row_count()
    form = {"day": "2026-03-15", "pain": "8", "flag.chest_pain": "yes"}
    answer = client.post("/checkin", data=form)
    assert answer.status_code == 409
    assert "There is already a check-in" in answer.text
    latest = screening.latest_screening(db, actor)
    assert latest is not None
    assert (latest.urgency, latest.origin) == ("EMERGENCY", "checkin")
    main = answer.text.split('<main id="main"', 1)[1]
    assert main.index('role="alert"') < main.index("There is already a check-in")
    assert "Call 999" in main
    assert 'role="alert"' in client.get("/diary").text  # shown on every page from now on
    assert row_count() == before
    assert diary.get_checkin(db, actor, TODAY).pain == 4


def test_a_refused_checkin_with_a_calm_recheck_writes_nothing(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    client.post("/checkin", data={"day": "2026-03-15", "pain": "4", "flags": "none"})
    before = screening.latest_screening(db, actor)
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "8", "flags": "none"})
    assert answer.status_code == 409
    assert screening.latest_screening(db, actor) == before


def test_a_past_day_can_be_checked_in_from_the_day_field(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/checkin", data={"day": "2026-03-10", "pain": "5"})
    assert diary.get_checkin(db, actor, date(2026, 3, 10)).pain == 5


def test_pain_eleven_is_refused_next_to_the_pain_field_and_nothing_written(
    client: TestClient, row_count: RowCount
) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "11", "note": "bad"})
    assert answer.status_code == 422
    expected = service_message("checkin", {"day": "2026-03-15", "pain": "11"}, "pain")
    assert error_text(answer.text, "checkin", "pain") == expected
    assert field_value(answer.text, "checkin", "pain") == "11"
    assert ">bad</textarea>" in answer.text
    assert row_count() == 0


def test_a_future_day_is_refused_next_to_the_day_field(
    client: TestClient, row_count: RowCount
) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-16", "pain": "3"})
    assert answer.status_code == 422
    expected = service_message("checkin", {"day": "2026-03-16", "pain": "3"}, "day")
    assert "earlier day" in expected
    assert error_text(answer.text, "checkin", "day") == expected
    assert row_count() == 0


def test_a_missing_pain_is_reported_as_required(client: TestClient, row_count: RowCount) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": ""})
    assert answer.status_code == 422
    expected = service_message("checkin", {"day": "2026-03-15"}, "pain")
    assert error_text(answer.text, "checkin", "pain") == expected
    assert row_count() == 0


QUICK: list[tuple[str, dict[str, str | list[str]], str]] = [
    (
        "episode",
        {
            "started_at": "2026-03-15T08:00",
            "ended_at": "2026-03-15T09:30",
            "peak_intensity": "7",
            "locations": ["lower_left", "lower_right"],
            "triggers": ["lifting"],
        },
        "Spasm episode logged.",
    ),
    (
        "session",
        {
            "started_at": "2026-03-15T10:00",
            "actual_minutes": "10",
            "pain_before": "5",
            "pain_after": "3",
            "fabric_layer": "yes",
            "stop_reason": "",
            "skin_reaction": "redness",
        },
        "Mat session logged.",
    ),
    (
        "care",
        {"started_at": "2026-03-15T11:00", "kind": "heat", "minutes": "15"},
        "Care activity logged.",
    ),
]


@pytest.mark.parametrize(("kind", "form", "confirmation"), QUICK)
def test_quick_forms_log_an_entry_and_confirm(
    client: TestClient,
    db: Database,
    actor: Actor,
    kind: str,
    form: dict[str, str | list[str]],
    confirmation: str,
) -> None:
    answer = client.post(f"/log/{kind}", data=form)
    assert answer.status_code == 303
    assert confirmation in client.get(answer.headers["location"]).text
    page = diary.list_diary(db, actor, TODAY, TODAY)
    started = {
        "episode": [e.started_at for e in page.episodes],
        "session": [s.started_at for s in page.sessions],
        "care": [c.started_at for c in page.care],
    }[kind]
    assert [moment.isoformat()[:16] for moment in started] == [form["started_at"]]


def test_an_episode_keeps_its_locations_and_triggers(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/log/episode", data=QUICK[0][1])
    (episode,) = diary.list_diary(db, actor, TODAY, TODAY).episodes
    assert (episode.locations, episode.triggers) == (["lower_left", "lower_right"], ["lifting"])


def test_an_unticked_fabric_box_is_saved_as_no_fabric(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {"started_at": "2026-03-15T10:00", "actual_minutes": "5", "skin_reaction": "none"}
    client.post("/log/session", data=form)
    (session,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert session.fabric_layer is False


def test_an_episode_ending_before_it_starts_is_refused_and_the_form_stays_open(
    client: TestClient, row_count: RowCount
) -> None:
    form = {**QUICK[0][1], "ended_at": "2026-03-15T07:00"}
    answer = client.post("/log/episode", data=form)
    assert answer.status_code == 422
    expected = service_message("episode", form, "ended_at")
    assert expected
    assert error_text(answer.text, "episode", "ended_at") == expected
    assert '<details class="card quick" id="log-episode" open>' in answer.text
    assert field_value(answer.text, "episode", "ended_at") == "2026-03-15T07:00"
    assert 'value="lower_right" checked' in answer.text
    assert row_count() == 0


def test_negative_care_minutes_are_refused_next_to_minutes(
    client: TestClient, row_count: RowCount
) -> None:
    form = {"started_at": "2026-03-15T11:00", "kind": "heat", "minutes": "-5"}
    answer = client.post("/log/care", data=form)
    assert answer.status_code == 422
    expected = service_message("care", form, "minutes")
    assert error_text(answer.text, "care", "minutes") == expected
    assert row_count() == 0


def test_one_choice_says_how_a_session_ended(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {**QUICK[1][1], "ended": "sharp_pain"}
    assert client.post("/log/session", data=form).status_code == 303
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (stored.stopped_early, stored.stop_reason) == (True, "sharp_pain")


def test_an_unknown_kind_of_entry_is_a_404_page(client: TestClient, row_count: RowCount) -> None:
    answer = client.post("/log/walk", data={"started_at": "2026-03-15T11:00"})
    assert answer.status_code == 404
    assert "<h1>Not found</h1>" in answer.text
    assert row_count() == 0


@pytest.mark.parametrize(
    "headers", [{"Origin": "https://elsewhere.example"}, {"Sec-Fetch-Site": "cross-site"}]
)
def test_a_form_posted_from_another_website_is_refused(
    client: TestClient, row_count: RowCount, headers: dict[str, str]
) -> None:
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "3"}, headers=headers)
    assert answer.status_code == 403
    assert row_count() == 0


def test_a_form_posted_from_this_app_itself_is_accepted(client: TestClient) -> None:
    headers = {"Origin": "http://127.0.0.1:8000", "Sec-Fetch-Site": "same-origin"}
    answer = client.post("/checkin", data={"day": "2026-03-15", "pain": "3"}, headers=headers)
    assert answer.status_code == 303


def test_the_today_page_draws_the_trend_once_there_are_checkins(client: TestClient) -> None:
    for day in ("2026-03-13", "2026-03-14", "2026-03-15"):
        client.post("/checkin", data={"day": day, "pain": "4"})
    page = client.get("/").text
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page
    assert 'role="img"' in page
    assert "3 check-ins from 13 Mar 2026 to 15 Mar 2026" in page


def test_the_settings_page_changes_the_time_zone_and_refuses_an_unknown_one(
    client: TestClient,
) -> None:
    page = client.get("/settings")
    assert page.status_code == 200
    assert '<option value="Pacific/Auckland">' in page.text
    saved = client.post("/settings", data={"timezone": "Pacific/Auckland", "region": "NZ"})
    assert saved.status_code == 303
    assert 'value="Pacific/Auckland" selected' in client.get("/settings").text
    # Noon UTC on 15 March is already the 16th in Auckland: "today" follows the person.
    assert 'value="2026-03-16"' in client.get("/").text
    refused = client.post("/settings", data={"timezone": "Mars/Olympus"})
    assert refused.status_code == 422
    assert "is not a time zone acumat knows" in refused.text


def test_a_session_logged_against_a_do_not_use_result_gets_a_gentle_word(
    client: TestClient, db: Database, actor: Actor, row_count: RowCount
) -> None:
    from acumat.services import screening

    assert client.post("/log/session", data=QUICK[1][1]).headers["location"] == "/?saved=session"
    screening.recheck(db, actor, {"fever": "yes"})
    answer = client.post("/log/session", data=QUICK[1][1])
    assert answer.headers["location"] == "/?saved=session-against-advice"
    page = client.get(answer.headers["location"]).text
    assert "says not to use a mat for now" in page
    assert "How do you feel?" in page
    assert row_count() == 2  # both sessions are kept: they happened


def test_a_session_left_without_a_start_has_just_ended_as_in_the_terminal(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/").text
    session_form = page[page.index('id="log-session"') :]
    start = session_form[session_form.index('id="session-started_at"') :]
    assert start.split(">", 1)[0].count('value=""') == 1  # not the page's load time
    assert " required" not in start.split(">", 1)[0]
    assert "Leave it empty if the session has just ended" in session_form
    form = {"started_at": "", "actual_minutes": "20", "ended": "finished"}
    assert client.post("/log/session", data=form).status_code == 303
    (stored,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert stored.started_at == actor.now() - timedelta(minutes=20)


def test_an_empty_session_that_did_not_stop_early_is_refused_on_the_page(
    client: TestClient, row_count: RowCount
) -> None:
    form = {"started_at": "", "actual_minutes": "0", "ended": "finished"}
    answer = client.post("/log/session", data=form)
    assert answer.status_code == 422
    assert "Minutes on the mat" in answer.text
    assert row_count() == 0
