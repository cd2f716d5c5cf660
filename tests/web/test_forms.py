"""Form refusals in people's words (UX 7), one control for how a session ended (UX 8), and a
calm "Please fix these answers" list (UX 21): labels and ranges come from the schemas."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.diary.schemas import ENTRY_KINDS, INPUT_SCHEMAS, EntryKind
from acumat.errors import Problem
from acumat.present.fields import field_info
from acumat.services import diary
from acumat.store.engine import Database
from acumat.web.forms import form_state
from tests.present.wording import not_for_people, visible_text
from tests.web.conftest import RowCount
from tests.web.markup import error_text, parts

TODAY = date(2026, 3, 15)
EPISODE = {"started_at": "2026-03-15T08:00", "peak_intensity": "6"}
SESSION = {"started_at": "2026-03-15T10:00", "actual_minutes": "10", "ended": "finished"}
CARE = {"started_at": "2026-03-15T11:00", "kind": "heat", "minutes": "15"}
CHECKIN = {"day": "2026-03-15", "pain": "4", "flags": "none"}

# UX 7's table, the rows the web pages own: (address, form, what the page must say).
ROWS = [
    pytest.param(
        "/log/episode",
        {**EPISODE, "ended_at": "2026-03-15T07:00"},
        "Ended: this is before the start; check both times",
        id="episode-ends-before-it-starts",
    ),
    pytest.param(
        "/log/episode",
        {**EPISODE, "peak_intensity": ""},
        "Worst pain during it: please give a whole number from 0 to 10",
        id="episode-without-a-pain-score",
    ),
    pytest.param(
        "/log/session",
        {**SESSION, "actual_minutes": "75"},
        "Minutes on the mat: a number of minutes from 0 to 60 (you entered 75)",
        id="session-of-75-minutes",
    ),
    pytest.param(
        "/log/care",
        {**CARE, "minutes": "0"},
        "Minutes: a number of minutes more than 0 and up to 240 (you entered 0)",
        id="care-of-0-minutes",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "pain": "11"},
        "Back pain today: a whole number from 0 to 10 (you entered 11)",
        id="checkin-pain-11",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "pain": "4.5"},
        "Back pain today: a whole number from 0 to 10",
        id="checkin-pain-4.5",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "flag.fever": "yes"},
        "Warning signs since your last check-in: you ticked a sign but answered “No, nothing "
        "new”; please check your answer",
        id="checkin-sign-and-none-of-these",
    ),
    pytest.param(
        "/log/session",
        {**SESSION, "ended": "bored"},
        "How did it end? Please pick from the choices shown",
        id="session-with-an-ending-not-offered",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "hours_sitting": "30", "sleep_quality": "12"},
        "Hours sitting: a number of hours from 0 to 24 (you entered 30)",
        id="checkin-several-fields",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "note": "x" * 2001},
        "Note: please keep it to 2000 characters or fewer",
        id="checkin-note-too-long",
    ),
    pytest.param(
        "/log/episode",
        {**EPISODE, "started_at": "2026-03-16T08:00"},
        "Started: that time has not come yet; give the time it happened",
        id="episode-in-the-future",
    ),
    pytest.param(
        "/checkin",
        {**CHECKIN, "day": "2026-02-30"},
        "Day: that day is not on the calendar; check the day and the month",
        id="checkin-day-not-on-the-calendar",
    ),
]


@pytest.mark.parametrize(("address", "form", "expected"), ROWS)
def test_a_refusal_names_the_label_on_screen_and_says_what_to_do(
    client: TestClient, row_count: RowCount, address: str, form: dict[str, str], expected: str
) -> None:
    page = client.post(address, data=form)
    assert page.status_code == 422
    shown = visible_text(page.text)
    assert expected in shown
    assert not_for_people(shown) == []
    assert row_count() == 0


def test_several_refusals_are_each_worded_in_the_list(client: TestClient) -> None:
    form = {**CHECKIN, "hours_sitting": "30", "sleep_quality": "12"}
    shown = visible_text(client.post("/checkin", data=form).text)
    assert "Sleep last night: a whole number from 0 to 10 (you entered 12)" in shown


def test_the_note_next_to_a_field_says_what_to_do(client: TestClient) -> None:
    page = client.post("/checkin", data={**CHECKIN, "pain": "11"}).text
    assert error_text(page, "checkin", "pain") == "A whole number from 0 to 10 (you entered 11)"


def test_the_list_of_answers_to_fix_is_not_the_emergency_box(client: TestClient) -> None:
    page = client.post("/checkin", data={**CHECKIN, "pain": "11"}).text
    assert "Please fix these answers:" in page
    assert "answer every question" not in page
    assert 'class="fix-answers card"' in page
    assert '<a href="#checkin-pain">Back pain today:' in page


@pytest.mark.parametrize(
    ("code", "field"),
    [("reason_required", "stop_reason"), ("reason_not_allowed", "stop_reason")],
)
def test_the_two_contradictions_of_ux_8_are_worded_on_the_one_control(
    code: str, field: str
) -> None:
    state = form_state("session", {}, [Problem(field, "plain", code)])
    assert list(state.errors) == ["ended"]
    ((_, text),) = state.summary
    assert text.startswith("How did it end? Please")
    assert not_for_people(text) == []


def test_the_session_form_has_one_control_for_how_it_ended(client: TestClient) -> None:
    page = client.get("/").text
    names = {f.get("name") for f in parts(page).fields if f.get("id", "").startswith("session-")}
    assert "ended" in names
    assert not names & {"stopped_early", "stop_reason"}
    assert '<optgroup label="I stopped early because…">' in page
    assert ">I finished</option>" in page


@pytest.mark.parametrize(
    ("ended", "stored"),
    [("finished", (False, None)), ("numbness", (True, "numbness"))],
)
def test_how_it_ended_is_stored_as_the_schemas_pair(
    client: TestClient, db: Database, actor: Actor, ended: str, stored: tuple[bool, str | None]
) -> None:
    answer = client.post("/log/session", data={**SESSION, "ended": ended})
    assert answer.status_code == 303
    (session,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (session.stopped_early, session.stop_reason) == stored


def test_the_old_contradictory_pair_cannot_be_submitted(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {**SESSION, "stopped_early": "no", "stop_reason": "interrupted"}
    assert client.post("/log/session", data=form).status_code == 303
    (session,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    assert (session.stopped_early, session.stop_reason) == (False, None)


def test_editing_a_stopped_session_shows_how_it_ended(
    client: TestClient, db: Database, actor: Actor
) -> None:
    client.post("/log/session", data={**SESSION, "ended": "skin"})
    (session,) = diary.list_diary(db, actor, TODAY, TODAY).sessions
    page = client.get(f"/diary/session/{session.id}/edit").text
    assert '<option value="skin" selected>' in page


@pytest.mark.parametrize("kind", ENTRY_KINDS)
def test_labels_and_ranges_on_the_page_come_from_the_schema(
    client: TestClient, kind: EntryKind
) -> None:
    page = client.get("/").text
    found = {f["id"]: f for f in parts(page).fields if f.get("id", "").startswith(f"{kind}-")}
    schema = INPUT_SCHEMAS[kind]
    for name in schema.model_fields:
        info = field_info(schema, name)
        if info.kind in ("integer", "number"):
            attributes = found[f"{kind}-{name}"]
            assert (attributes["min"], attributes["max"]) == (
                f"{info.minimum:g}",
                f"{info.maximum:g}",
            ), name
            assert f">{info.label}</label>" in page, name


def test_a_whole_number_field_steps_by_one_and_a_decimal_one_takes_any_value(
    client: TestClient,
) -> None:
    fields = {f["id"]: f for f in parts(client.get("/").text).fields}
    assert fields["checkin-pain"]["step"] == "1"
    assert fields["checkin-hours_sitting"]["step"] == "any"
