"""Hostile and odd inputs found by the reliability review, kept as regressions.

Each probe must be refused with a 4xx and the API's error body, write nothing, and never be
answered with a 500: ids past every column's range, days at the ends of the calendar, numbers
that are really booleans or foreign digits, NUL characters, NaN, absurdly nested JSON, and
the same tricks in the safety questions' answers.
"""

from __future__ import annotations

import json
from typing import Any

import httpx2
import pytest
from fastapi.testclient import TestClient

from acumat.safety import missing_items
from tests.api.refusals import RowCounts, assert_refused

CHECKINS = "/api/v1/checkins"
STARTED = "2026-03-14T08:00:00Z"
VALID = {
    "episodes": {"started_at": STARTED, "peak_intensity": 6},
    "sessions": {"started_at": STARTED, "actual_minutes": 12},
    "care": {"started_at": STARTED, "kind": "heat", "minutes": 20},
}
HUGE_IDS = [2**31, 2**31 - 1, 2**63, 2**64, 10**30, 0, -1]


def checkin_with_note(note_json: str) -> str:
    """A check-in's JSON text whose ``note`` is the given raw JSON value."""
    return '{"day": "2026-03-14", "pain": 4, "note": ' + note_json + "}"


def send_json_text(client: TestClient, method: str, url: str, text: str) -> httpx2.Response:
    return client.request(
        method, url, content=text.encode(), headers={"Content-Type": "application/json"}
    )


def assert_client_error(response: httpx2.Response) -> dict[str, Any]:
    """Any 4xx with the error body (the status is the app's choice, the shape is not)."""
    assert 400 <= response.status_code < 500, (response.status_code, response.text[:300])
    body: dict[str, Any] = response.json()
    assert set(body) == {"error", "message", "problems"}
    assert body["message"]
    return body


@pytest.fixture
def seeded(client: TestClient) -> dict[str, int]:
    """One entry of each timed kind (so an id probe cannot pass by an empty table)."""
    ids = {}
    for room, body in VALID.items():
        response = client.post(f"/api/v1/{room}", json=body)
        assert response.status_code == 201
        ids[room] = response.json()["id"]
    return ids


# --- ids ------------------------------------------------------------------------------------


@pytest.mark.parametrize("entry_id", HUGE_IDS)
def test_an_id_past_any_column_is_simply_not_found(
    client: TestClient, row_counts: RowCounts, seeded: dict[str, int], entry_id: int
) -> None:
    before = row_counts()
    for room, valid in VALID.items():
        url = f"/api/v1/{room}/{entry_id}"
        requests: list[tuple[str, dict[str, Any]]] = [
            ("GET", {}),
            ("PUT", {"json": valid}),
            ("PATCH", {"json": {"note": "probe"}}),
        ]
        for method, options in [*requests, ("DELETE", {})]:
            body = assert_refused(client.request(method, url, **options), 404)
            assert body["error"] == "not_found", (method, url)
    assert row_counts() == before


@pytest.mark.parametrize("entry_id", ["1.5", "1e3", "abc", "%C2%B9", "0x10"])
def test_an_id_that_is_not_a_whole_number_is_refused(
    client: TestClient, row_counts: RowCounts, seeded: dict[str, int], entry_id: str
) -> None:
    before = row_counts()
    for method in ("GET", "DELETE"):
        assert_refused(client.request(method, f"/api/v1/episodes/{entry_id}"), 422, "entry_id")
    assert row_counts() == before


# --- days in addresses and ranges -------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fields"),
    [
        ("end=0001-01-10", {"end"}),
        ("start=9999-12-30&end=9999-12-31", {"start", "end"}),
        ("end=0", {"end"}),
        ("start=0", {"start"}),
        ("start=0001-01-01", {"start"}),
        ("start=2026-02-30", {"start"}),
        ("end=2026-03-15T00:00:00", {"end"}),
        ("end=%2B2026-03-15", {"end"}),
        ("start=2026-03-15&end=2026-03-01", {"end"}),
        ("start=1900-01-01&end=2100-12-31", {"start"}),
    ],
)
def test_a_listing_range_outside_the_calendar_names_its_field(
    client: TestClient, query: str, fields: set[str]
) -> None:
    for room in ("checkins", "episodes", "sessions", "care"):
        body = assert_refused(client.get(f"/api/v1/{room}?{query}"), 422)
        named = {p["field"] for p in body["problems"]}
        assert named, (room, body)
        assert named <= fields, (room, body)


@pytest.mark.parametrize("query", ["days=0", "days=-1", f"days={10**30}", "days=1e3", "days=NaN"])
@pytest.mark.parametrize("path", ["/api/v1/diary", "/api/v1/pain-trend"])
def test_a_number_of_days_out_of_range_names_days(
    client: TestClient, path: str, query: str
) -> None:
    assert_refused(client.get(f"{path}?{query}"), 422, "days")


@pytest.mark.parametrize("day", ["0", "0001-01-01", "9999-12-31", "2026-02-30", "٢٠٢٦-٠٣-١٤"])
@pytest.mark.parametrize("method", ["GET", "DELETE"])
def test_a_day_in_the_address_outside_the_calendar_is_refused(
    client: TestClient, row_counts: RowCounts, method: str, day: str
) -> None:
    client.post(CHECKINS, json={"day": "2026-03-14", "pain": 4})
    before = row_counts()
    assert_refused(client.request(method, f"{CHECKINS}/{day}"), 422, "day")
    assert row_counts() == before


def test_putting_a_check_in_at_a_day_outside_the_calendar_is_refused(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    response = client.put(f"{CHECKINS}/0", json={"day": "2026-03-14", "pain": 4})
    assert_refused(response, 422, "day")
    assert row_counts() == before


# --- values that only look right ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"pain": True}, "pain"),
        ({"pain": False}, "pain"),
        ({"pain": "٣"}, "pain"),  # an Arabic-Indic three
        ({"pain": "３"}, "pain"),  # a fullwidth three
        ({"pain": "3" * 400}, "pain"),
        ({"pain": 10**30}, "pain"),
        ({"pain": 4.5}, "pain"),
        ({"pain": None}, "pain"),
        ({"pain": [4]}, "pain"),
        ({"took_pain_relief": 0}, "took_pain_relief"),
        ({"took_pain_relief": 1}, "took_pain_relief"),
        ({"took_pain_relief": "maybe"}, "took_pain_relief"),
        ({"hours_sitting": "NaN"}, "hours_sitting"),
        ({"hours_sitting": "Infinity"}, "hours_sitting"),
        ({"hours_sitting": "1e400"}, "hours_sitting"),
        ({"hours_sitting": True}, "hours_sitting"),
        ({"note": "before\u0000after"}, "note"),
        ({"day": 20260314}, "day"),
        ({"day": "2026-03-14T00:00:00"}, "day"),
    ],
)
def test_a_check_in_value_that_only_looks_right_is_refused_by_name(
    client: TestClient, row_counts: RowCounts, fields: dict[str, Any], field: str
) -> None:
    before = row_counts()
    body = assert_refused(
        client.post(CHECKINS, json={"day": "2026-03-14", "pain": 4, **fields}), 422, field
    )
    assert body["error"] == "invalid_input"
    put = client.put(f"{CHECKINS}/2026-03-14", json={"day": "2026-03-14", "pain": 4, **fields})
    assert_refused(put, 422, field)
    assert row_counts() == before


@pytest.mark.parametrize(
    "started_at",
    [
        "0001-01-01T00:00:00+05:00",
        "0001-01-01T00:00:00-05:00",
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:59:59+05:00",
        "1899-12-31T23:59:59Z",
        "2101-01-01T00:00:00Z",
        "0001-01-01",
        "2026-03-14T25:00:00Z",
        "2026-03-14T08:00:00+24:00",
        "1e30",
        True,
    ],
)
def test_an_impossible_or_out_of_calendar_start_time_is_refused(
    client: TestClient, row_counts: RowCounts, seeded: dict[str, int], started_at: Any
) -> None:
    before = row_counts()
    for room, valid in VALID.items():
        body = {**valid, "started_at": started_at}
        assert_refused(client.post(f"/api/v1/{room}", json=body), 422, "started_at")
        assert_refused(client.put(f"/api/v1/{room}/{seeded[room]}", json=body), 422, "started_at")
    assert row_counts() == before


@pytest.mark.parametrize("ended_at", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00"])
def test_an_episode_end_at_the_ends_of_the_calendar_is_refused(
    client: TestClient, row_counts: RowCounts, ended_at: str
) -> None:
    before = row_counts()
    body = {**VALID["episodes"], "ended_at": ended_at}
    assert_refused(client.post("/api/v1/episodes", json=body), 422, "ended_at")
    assert row_counts() == before


@pytest.mark.parametrize(
    ("room", "field"),
    [("episodes", "note"), ("sessions", "note"), ("care", "note"), ("sessions", "stop_reason")],
)
def test_a_nul_character_is_refused_on_every_database(
    client: TestClient, row_counts: RowCounts, room: str, field: str
) -> None:
    before = row_counts()
    body = {**VALID[room], field: "a\u0000b"}
    if field == "stop_reason":
        body["stopped_early"] = True
    assert_refused(client.post(f"/api/v1/{room}", json=body), 422, field)
    assert row_counts() == before


# --- JSON that is not quite JSON --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"day": "2026-03-14", "pain": NaN}',
        '{"day": "2026-03-14", "pain": 4, "hours_sitting": NaN}',
        '{"day": "2026-03-14", "pain": 4, "hours_sitting": Infinity}',
        '{"day": "2026-03-14", "pain": 4, "hours_sitting": -Infinity}',
        '{"day": "2026-03-14", "pain": 4, "hours_sitting": 1e400}',
        '{"day": "2026-03-14", "pain": 1e400}',
        '{"day": "2026-03-14", "pain": 4, "pain": true}',
        "[]",
        "null",
        '"2026-03-14"',
        "",
    ],
)
def test_json_with_non_finite_numbers_or_the_wrong_shape_is_refused(
    client: TestClient, row_counts: RowCounts, text: str
) -> None:
    before = row_counts()
    assert_client_error(send_json_text(client, "POST", CHECKINS, text))
    assert row_counts() == before


@pytest.mark.parametrize(
    "text",
    [
        '{"answers": {"age": NaN}}',
        '{"answers": {"age": Infinity, "pain_now": 1e400}}',
    ],
)
def test_a_screening_with_non_finite_numbers_is_refused(client: TestClient, text: str) -> None:
    for url in ("/api/v1/screenings", "/api/v1/screenings/evaluate", "/api/v1/screenings/recheck"):
        assert_client_error(send_json_text(client, "POST", url, text))
    assert client.get("/api/v1/screenings/latest").status_code == 404


@pytest.mark.parametrize("depth", [100_000, 10_000, 1_000])
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", CHECKINS),
        ("PUT", f"{CHECKINS}/2026-03-14"),
        ("POST", "/api/v1/episodes"),
        ("POST", "/api/v1/screenings"),
    ],
)
def test_absurdly_nested_json_is_refused_not_crashed_on(
    client: TestClient, row_counts: RowCounts, method: str, url: str, depth: int
) -> None:
    before = row_counts()
    nested = "[" * depth + "]" * depth
    for text in (nested, checkin_with_note(nested)):
        assert_client_error(send_json_text(client, method, url, text))
    assert row_counts() == before


def test_a_deep_but_parseable_body_is_refused_by_its_shape(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    note = json.dumps({"a": [[[[["deep"]]]]]})
    response = send_json_text(client, "POST", CHECKINS, checkin_with_note(note))
    body = assert_refused(response, 422, "note")
    assert body["error"] == "invalid_input"
    assert row_counts() == before


@pytest.mark.parametrize(
    ("started_at", "ended_at"),
    [
        ("2026-03-14T08:00:00Z", "2026-03-14 07:00"),
        ("2026-03-14 08:00", "2026-03-14T07:00:00Z"),
        ("2026-03-14 08:00", "2026-03-14 07:00"),
    ],
)
def test_an_episode_ending_before_it_started_is_refused_however_the_times_are_written(
    client: TestClient, row_counts: RowCounts, started_at: str, ended_at: str
) -> None:
    before = row_counts()
    body = {"started_at": started_at, "ended_at": ended_at, "peak_intensity": 4}
    assert_refused(client.post("/api/v1/episodes", json=body), 422, "ended_at")
    assert row_counts() == before


# --- the safety questions' answers --------------------------------------------------------------

SCREENING_ROUTES = [
    "/api/v1/screenings",
    "/api/v1/screenings/evaluate",
    "/api/v1/screenings/recheck",
]


def answers_for(url: str, **given: object) -> dict[str, object]:
    """``given`` on its own for the daily re-check, else in an otherwise complete set."""
    if url.endswith("/recheck"):
        return dict(given)
    answers: dict[str, object] = {"age": 38, "pain_now": 5, "episode_days": 2}
    while gaps := missing_items(answers):
        answers.update(dict.fromkeys(gaps, "no"))
    return {**answers, **given}


@pytest.mark.parametrize("url", SCREENING_ROUTES)
@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"age": 10**30}, "age"),
        ({"age": "٣٠"}, "age"),
        ({"age": "\u0000"}, "age"),
        ({"age\u0000": "yes"}, "age\u0000"),
        ({"saddle_numbness": "yes\u0000"}, "saddle_numbness"),
        ({"saddle_numbness": True}, "saddle_numbness"),
        ({"saddle_numbness": 1}, "saddle_numbness"),
        ({"no_such_question": "yes"}, "no_such_question"),
    ],
)
def test_an_answer_that_only_looks_right_is_named_and_nothing_is_saved(
    client: TestClient, url: str, given: dict[str, object], field: str
) -> None:
    response = client.post(url, json={"answers": answers_for(url, **given)})
    assert field in [p["field"] for p in assert_client_error(response)["problems"]]
    assert client.get("/api/v1/screenings/latest").status_code == 404


@pytest.mark.parametrize("url", SCREENING_ROUTES)
def test_more_answers_than_there_are_questions_are_refused(client: TestClient, url: str) -> None:
    answers = {f"q{i}": "yes" for i in range(501)}
    assert_client_error(client.post(url, json={"answers": answers}))
    assert client.get("/api/v1/screenings/latest").status_code == 404


@pytest.mark.parametrize("url", ["/api/v1/screenings", "/api/v1/screenings/evaluate"])
@pytest.mark.parametrize("given", [{"pain_now": True}, {"pain_now": False}, {"episode_days": True}])
def test_a_number_answered_with_true_or_false_is_refused(
    client: TestClient, url: str, given: dict[str, object]
) -> None:
    response = client.post(url, json={"answers": answers_for(url, **given)})
    assert [p["field"] for p in assert_client_error(response)["problems"]] == list(given)
    assert client.get("/api/v1/screenings/latest").status_code == 404


@pytest.mark.parametrize("url", SCREENING_ROUTES)
def test_an_answer_keyed_by_a_lone_surrogate_is_refused(client: TestClient, url: str) -> None:
    response = send_json_text(client, "POST", url, '{"answers": {"\\ud800": "yes"}}')
    assert_client_error(response)
    assert client.get("/api/v1/screenings/latest").status_code == 404


def test_a_diary_field_named_by_a_lone_surrogate_is_refused(
    client: TestClient, row_counts: RowCounts
) -> None:
    before = row_counts()
    text = '{"day": "2026-03-14", "pain": 4, "\\ud800": 1}'
    assert_client_error(send_json_text(client, "POST", CHECKINS, text))
    assert row_counts() == before


@pytest.mark.parametrize(
    ("url", "answers"),
    [
        ("/api/v1/screenings/evaluate", {"age": "9" * 4300}),
        ("/api/v1/screenings/recheck", {"saddle_numbness": "9" * 5000}),
    ],
)
def test_a_long_digit_string_python_can_read_or_that_answers_a_choice_is_refused(
    client: TestClient, url: str, answers: dict[str, object]
) -> None:
    assert_client_error(client.post(url, json={"answers": answers}))


@pytest.mark.parametrize("url", ["/api/v1/screenings", "/api/v1/screenings/evaluate"])
def test_an_age_of_five_thousand_digits_is_refused(client: TestClient, url: str) -> None:
    assert_client_error(client.post(url, json={"answers": {"age": "9" * 5000}}))
    assert client.get("/api/v1/screenings/latest").status_code == 404


def test_an_age_of_five_thousand_digits_on_the_questions_page_is_refused(
    client: TestClient,
) -> None:
    form = {"group": "about-you", "shown": "age", "age": "9" * 5000}
    response = client.post("/check/answers", data=form, follow_redirects=False)
    assert 400 <= response.status_code < 500


def test_the_api_still_works_after_the_probes(client: TestClient) -> None:
    """A refusal leaves nothing behind in the app (no poisoned state, no open transaction)."""
    send_json_text(client, "POST", CHECKINS, "[" * 100_000)
    client.get(f"/api/v1/episodes/{2**63}")
    client.post(CHECKINS, json={"day": "2026-03-14", "pain": True})
    created = client.post(CHECKINS, json={"day": "2026-03-14", "pain": 4})
    assert created.status_code == 201
    assert client.get(f"{CHECKINS}/2026-03-14").json()["pain"] == 4
