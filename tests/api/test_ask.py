"""``GET /api/v1/ask``: the same answers and contract as ``acumat ask --json``."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.knowledge import source_register
from acumat.services.settings import change_settings
from acumat.store.engine import Database


def test_the_answer_is_the_contract_exactly(client: TestClient) -> None:
    response = client.get("/api/v1/ask", params={"q": "can i use it if im pregnant"})
    assert response.status_code == 200
    found = response.json()
    assert set(found) == {"in_scope", "safety", "answers"}
    assert found["in_scope"] is True
    assert found["answers"][0]["link"].startswith("/learn/safe-use")
    for passage in found["answers"]:
        assert set(passage) == {"title", "text", "sources", "link"}
        assert set(passage["sources"]) <= source_register().keys()


def test_a_warning_sign_comes_with_the_rules_urgency_for_the_persons_region(
    client: TestClient, db: Database, actor: Actor
) -> None:
    change_settings(db, actor, {"region": "US"})
    found = client.get("/api/v1/ask", params={"q": "had an accident with my bowels"}).json()
    assert found["in_scope"] is True
    assert found["safety"]["urgency"] == "EMERGENCY"
    assert "911" in found["safety"]["text"]
    assert "999" not in found["safety"]["text"]


def test_outside_the_subject_the_answers_are_the_learn_topics(client: TestClient) -> None:
    found = client.get("/api/v1/ask", params={"q": "who won the football"}).json()
    assert found == {
        "in_scope": False,
        "safety": None,
        "answers": found["answers"],
    }
    assert all(a["link"].startswith("/learn/") and a["sources"] == [] for a in found["answers"])


def test_an_empty_or_overlong_question_is_a_422_naming_q(client: TestClient) -> None:
    empty = client.get("/api/v1/ask", params={"q": " "})
    assert empty.status_code == 422
    assert "q" in empty.text
    assert client.get("/api/v1/ask", params={"q": "x" * 501}).status_code == 422
    assert client.get("/api/v1/ask").status_code == 422
