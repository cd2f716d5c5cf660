"""``/api/v1/screenings``, ``/clinician-approvals`` and ``/mat-status``."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from acumat.actor import Actor
from acumat.services import screening
from acumat.store.engine import Database
from acumat.store.models import Screening
from tests.api.refusals import assert_refused
from tests.safety.kit import complete

URL = "/api/v1/screenings"


def stored(db: Database) -> int:
    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(Screening)) or 0)


def post(client: TestClient, url: str, answers: dict[str, Any]) -> Any:
    return client.post(url, json={"answers": answers})


def test_items_list_every_question_with_its_answers(client: TestClient) -> None:
    items = client.get(f"{URL}/items").json()
    assert {"id", "text", "kind", "answers"} <= set(items[0])
    assert any(i["id"] == "saddle_numbness" and i["kind"] == "red_flag" for i in items)


def test_a_screening_is_triaged_saved_and_located(client: TestClient, db: Database) -> None:
    response = post(client, URL, complete({"pregnant": "yes", "pregnancy_possible": "yes"}))
    assert response.status_code == 201
    body = response.json()
    assert (body["urgency"], body["mat"]) == ("SEE_CLINICIAN_DAYS", "do-not-use")
    assert {r["rule"] for r in body["reasons"]} >= {"RF-26", "MAT-D3"}
    assert response.headers["location"].endswith("/api/v1/screenings/latest")
    assert client.get(f"{URL}/latest").json() == body


def test_missing_answers_are_422_naming_them(client: TestClient, db: Database) -> None:
    answers = complete({})
    del answers["fever"]
    body = assert_refused(post(client, URL, answers), 422)
    assert "fever" in [p["field"] for p in body["problems"]]
    assert stored(db) == 0


def test_an_unknown_question_is_422(client: TestClient, db: Database) -> None:
    body = assert_refused(post(client, URL, {**complete({}), "mood": "yes"}), 422)
    assert body["problems"][0]["field"] == "mood"
    assert stored(db) == 0


def test_evaluate_does_not_save(client: TestClient, db: Database) -> None:
    response = post(client, f"{URL}/evaluate", complete({"fever": "yes"}))
    assert response.status_code == 200
    assert (response.json()["urgency"], response.json()["mat"]) == (
        "URGENT_SAME_DAY",
        "do-not-use",
    )
    assert stored(db) == 0


def test_latest_is_404_before_any_screening(client: TestClient) -> None:
    assert_refused(client.get(f"{URL}/latest"), 404)


def test_a_recheck_with_a_new_red_flag_triages_at_once(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    calm = post(client, f"{URL}/recheck", {"chest_pain": "no"}).json()["triage"]
    assert calm["urgency"] == "SELF_CARE"
    alarm = post(client, f"{URL}/recheck", {"chest_pain": "yes"}).json()["triage"]
    assert (alarm["urgency"], alarm["mat"], alarm["origin"]) == (
        "EMERGENCY",
        "do-not-use",
        "checkin",
    )
    assert client.get("/api/v1/mat-status").json()["may_use_mat"] is False


def test_approval_clears_caution_consult(client: TestClient, db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({"blood_pressure": "yes"}))
    approval = {"clinician": "Ms Okafor, physiotherapist", "approved_on": "2026-03-10"}
    response = client.post("/api/v1/clinician-approvals", json=approval)
    assert response.status_code == 201
    status = client.get("/api/v1/mat-status").json()
    assert (status["verdict"], status["may_use_mat"]) == ("ok-with-clinician-approval", True)
    assert status["approval"]["clinician"] == "Ms Okafor, physiotherapist"


def test_approval_without_caution_is_409(client: TestClient, db: Database, actor: Actor) -> None:
    screening.record_screening(db, actor, complete({}))
    approval = {"clinician": "Dr Lee", "approved_on": "2026-03-10"}
    assert_refused(client.post("/api/v1/clinician-approvals", json=approval), 409)


def test_an_approval_dated_in_the_future_is_422(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    approval = {"clinician": "Dr Lee", "approved_on": "2026-04-01"}
    body = assert_refused(client.post("/api/v1/clinician-approvals", json=approval), 422)
    assert body["problems"][0]["field"] == "approved_on"


def test_a_strangers_screening_is_never_shown(
    client: TestClient, db: Database, stranger: Actor
) -> None:
    screening.record_screening(db, stranger, complete({"chest_pain": "yes"}))
    assert_refused(client.get(f"{URL}/latest"), 404)
    assert client.get("/api/v1/mat-status").json()["screening"] is None


def test_an_invalid_answer_never_hides_an_urgent_one(client: TestClient) -> None:
    answers = {"saddle_numbness": "yes", "age": "forty"}
    evaluated = client.post("/api/v1/screenings/evaluate", json={"answers": answers})
    assert evaluated.status_code == 200
    body = evaluated.json()
    assert (body["urgency"], body["complete"]) == ("EMERGENCY", False)
    assert [r["field"] for r in body["refused"]] == ["age"]
    saved = client.post("/api/v1/screenings", json={"answers": answers})
    assert saved.status_code == 201
    assert saved.json()["urgency"] == "EMERGENCY"
    assert [r["field"] for r in saved.json()["refused"]] == ["age"]
    assert client.get("/api/v1/screenings/latest").json()["urgency"] == "EMERGENCY"


def test_evaluate_says_whether_the_answers_were_complete(client: TestClient) -> None:
    partial = client.post("/api/v1/screenings/evaluate", json={"answers": {"fever": "yes"}})
    assert partial.json()["complete"] is False
    full = client.post("/api/v1/screenings/evaluate", json={"answers": complete({})})
    assert full.json()["complete"] is True
    assert "refused" not in full.json()


def test_evaluate_returns_the_same_object_as_the_cli_dry_run(client: TestClient) -> None:
    answers = {"saddle_numbness": "yes", "age": "forty"}
    body = client.post(f"{URL}/evaluate", json={"answers": answers}).json()
    assert body == screening.judge(answers).contract()
    assert set(body) == {"urgency", "mat", "reasons", "ruleset_version", "complete", "refused"}


@pytest.mark.parametrize(("region", "number"), [("GB", "999"), ("US", "911"), ("EU", "112")])
def test_the_same_emergency_answers_name_the_regions_number(
    client: TestClient, db: Database, actor: Actor, region: str, number: str
) -> None:
    from acumat.services.settings import change_settings

    change_settings(db, actor, {"region": region})
    answers = {"age": 40, "chest_pain": "yes"}
    saved = post(client, URL, answers)
    assert saved.status_code == 201
    assert saved.json()["reasons"][0]["action"] == f"Call {number} now."
    evaluated = post(client, f"{URL}/evaluate", answers).json()
    assert evaluated["reasons"][0]["action"] == f"Call {number} now."
    assert client.get(f"{URL}/latest").json()["reasons"][0]["action"] == f"Call {number} now."


def test_a_recheck_with_a_refused_answer_still_saves_the_urgent_one(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    response = post(client, f"{URL}/recheck", {"chest_pain": "yes", "fever": "maybe"})
    assert response.status_code == 200
    triage = response.json()["triage"]
    assert (triage["urgency"], triage["origin"]) == ("EMERGENCY", "checkin")
    assert [r["field"] for r in triage["refused"]] == ["fever"]
    assert client.get(f"{URL}/latest").json()["urgency"] == "EMERGENCY"


def test_a_recheck_with_a_refused_answer_and_nothing_urgent_is_422(
    client: TestClient, db: Database, actor: Actor
) -> None:
    screening.record_screening(db, actor, complete({}))
    body = assert_refused(post(client, f"{URL}/recheck", {"chest_pain": "no", "fever": 3}), 422)
    assert body["problems"][0]["field"] == "fever"
    assert stored(db) == 1


def test_mat_status_carries_the_permission(client: TestClient, db: Database, actor: Actor) -> None:
    assert client.get("/api/v1/mat-status").json()["permission"] == "not_screened"
    screening.record_screening(db, actor, complete({"blood_pressure": "yes"}))
    status = client.get("/api/v1/mat-status").json()
    assert (status["permission"], status["may_use_mat"]) == ("needs_clinician", False)
    assert status["screening"]["is_demo"] is False


def approvals(db: Database) -> int:
    from acumat.store.models import ClinicianApproval

    with db.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(ClinicianApproval)) or 0)


@pytest.mark.parametrize(
    ("approval", "expected"),
    [
        ({"clinician": "X", "approved_on": "2026-03-10"}, [("clinician", "too_short")]),
        ({"clinician": "Dr Lee", "approved_on": "2027-01-01"}, [("approved_on", "future_day")]),
        ({}, [("clinician", "required"), ("approved_on", "required")]),
        ({"clinician": "   ", "approved_on": "2026-03-10"}, [("clinician", "too_short")]),
    ],
    ids=["name-too-short", "future-day", "nothing-written", "only-spaces"],
)
def test_a_refused_approval_keeps_field_names_and_codes_and_writes_nothing(
    client: TestClient,
    db: Database,
    actor: Actor,
    approval: dict[str, str],
    expected: list[tuple[str, str]],
) -> None:
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    body = assert_refused(client.post("/api/v1/clinician-approvals", json=approval), 422)
    assert [(p["field"], p["code"]) for p in body["problems"]] == expected
    assert all(p["message"] for p in body["problems"])
    assert approvals(db) == 0
    assert client.get("/api/v1/mat-status").json()["may_use_mat"] is False


def test_the_approval_fields_are_described_in_the_openapi_document(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]["ApprovalIn"]
    for name in ("clinician", "approved_on", "note"):
        assert schema["properties"][name]["title"], name
        assert schema["properties"][name]["description"], name


def test_a_missing_age_is_required_with_what_to_give(client: TestClient, db: Database) -> None:
    answers = complete({})
    del answers["age"]
    body = assert_refused(post(client, URL, answers), 422)
    message = "is required: a whole number from 16 to 120"
    assert body["problems"] == [{"field": "age", "code": "required", "message": message}]
    assert stored(db) == 0


@pytest.mark.parametrize(("region", "doctor"), [("GB", "GP"), ("US", "doctor")])
def test_an_age_under_16_is_refused_with_advice_to_see_a_doctor(
    client: TestClient, db: Database, actor: Actor, region: str, doctor: str
) -> None:
    from acumat.services.settings import change_settings

    change_settings(db, actor, {"region": region})
    for url in (URL, f"{URL}/evaluate"):
        body = assert_refused(post(client, url, {**complete({}), "age": 12}), 422)
        (problem,) = body["problems"]
        assert (problem["field"], problem["code"]) == ("age", "below_minimum_age")
        assert "acumat is made for people aged 16 and over" in problem["message"]
        assert problem["message"].endswith(f"should be seen by their {doctor}")
        assert "{" not in body["message"]
    assert stored(db) == 0


def test_an_age_under_16_never_hides_an_emergency_answer(client: TestClient, db: Database) -> None:
    answers = {"age": 12, "saddle_numbness": "yes"}
    evaluated = post(client, f"{URL}/evaluate", answers)
    assert evaluated.status_code == 200
    assert evaluated.json()["urgency"] == "EMERGENCY"
    saved = post(client, URL, answers)
    assert saved.status_code == 201
    body = saved.json()
    assert (body["urgency"], body["complete"]) == ("EMERGENCY", False)
    (refused,) = body["refused"]
    assert (refused["field"], refused["code"]) == ("age", "below_minimum_age")
    assert refused["message"].endswith("should be seen by their GP")
    latest = client.get(f"{URL}/latest").json()
    assert latest["urgency"] == "EMERGENCY"
    assert "age" not in latest["answers"]
    assert stored(db) == 1
