"""``/api/v1/openapi.json``: every route documented, with its typed bodies and refusals."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

import acumat.api.v1
from acumat.config import load_settings
from acumat.http.app import create_app
from tests.api.refusals import assert_refused
from tests.http.clients import plain

OPENAPI = "/api/v1/openapi.json"
METHODS = {"get", "post", "put", "delete", "patch", "head", "options"}
ENTRY_ROOMS = {"episodes": "Episode", "sessions": "MatSession", "care": "Care"}
ROUTES: set[tuple[str, str]] = {
    ("/api/v1/checkins", "get"),
    ("/api/v1/checkins", "post"),
    ("/api/v1/checkins/{day}", "get"),
    ("/api/v1/checkins/{day}", "put"),
    ("/api/v1/checkins/{day}", "patch"),
    ("/api/v1/checkins/{day}", "delete"),
    ("/api/v1/diary", "get"),
    ("/api/v1/pain-trend", "get"),
    ("/api/v1/vocabulary", "get"),
    ("/api/v1/screenings", "post"),
    ("/api/v1/screenings/items", "get"),
    ("/api/v1/screenings/evaluate", "post"),
    ("/api/v1/screenings/latest", "get"),
    ("/api/v1/screenings/recheck", "post"),
    ("/api/v1/clinician-approvals", "post"),
    ("/api/v1/mat-status", "get"),
    ("/api/v1/plan", "get"),
    ("/api/v1/plan/skin-healed", "post"),
    ("/api/v1/today", "get"),
    ("/api/v1/session-under-way", "get"),
    ("/api/v1/session-under-way", "post"),
    ("/api/v1/session-under-way/end", "post"),
    ("/api/v1/ask", "get"),
    ("/api/v1/insights", "get"),
}
for _room in ENTRY_ROOMS:
    ROUTES |= {(f"/api/v1/{_room}", m) for m in ("get", "post")}
    ROUTES |= {(f"/api/v1/{_room}/{{entry_id}}", m) for m in ("get", "put", "patch", "delete")}
# Every create, and the check-in PUT that may create: (path, method, In schema, Out schema)
CREATES = [("/api/v1/checkins", "post", "CheckInWithSigns", "CheckInSaved")]
CREATES += [("/api/v1/checkins/{day}", "put", "CheckInWithSigns", "CheckInSaved")]
CREATES += [(f"/api/v1/{r}", "post", f"{s}In", f"{s}Out") for r, s in ENTRY_ROOMS.items()]


@pytest.fixture
def client_without_db(sqlite_url: str, home: Path) -> Iterator[TestClient]:
    """The app without its lifespan: the document needs no database."""
    test_client = plain(create_app(load_settings(sqlite_url)))
    yield test_client
    test_client.close()


@pytest.fixture
def document(client_without_db: TestClient) -> dict[str, Any]:
    response = client_without_db.get(OPENAPI)
    assert response.status_code == 200
    doc: dict[str, Any] = response.json()
    return doc


def operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def refs(node: Any) -> Iterator[str]:
    """Every ``$ref`` anywhere under ``node``."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def schema_ref(response_or_body: dict[str, Any]) -> str:
    ref: str = response_or_body["content"]["application/json"]["schema"]["$ref"]
    return ref.removeprefix("#/components/schemas/")


def test_the_document_lists_every_api_route(document: dict[str, Any]) -> None:
    documented = {(path, method) for path, method, _ in operations(document)}
    assert documented >= ROUTES


def room_routes() -> Iterator[tuple[str, str]]:
    """(path, method) of every route of every room module under ``acumat.api.v1``."""
    for module in pkgutil.iter_modules(acumat.api.v1.__path__, "acumat.api.v1."):
        router = getattr(importlib.import_module(module.name), "router", None)
        if isinstance(router, APIRouter):
            for route in router.routes:
                if isinstance(route, APIRoute):
                    yield from ((f"/api/v1{route.path}", m.lower()) for m in route.methods or ())


def test_every_room_route_is_served_and_documented(document: dict[str, Any]) -> None:
    documented = {(path, method) for path, method, _ in operations(document)}
    assert set(room_routes()) == documented == ROUTES


def test_the_document_is_well_formed_openapi(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "acumat"
    assert document["info"]["version"]
    ids = [op["operationId"] for _, _, op in operations(document)]
    assert len(ids) == len(set(ids))
    schemas = document["components"]["schemas"]
    for ref in refs(document):
        assert ref.startswith("#/components/schemas/")
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_every_operation_documents_its_answers_and_path_parameters(
    document: dict[str, Any],
) -> None:
    for path, method, operation in operations(document):
        assert operation["responses"], (path, method)
        assert all(r["description"] for r in operation["responses"].values())
        assert operation.get("summary") or operation.get("description"), (path, method)
        declared = {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
        in_template = {part[1:-1] for part in path.split("/") if part.startswith("{")}
        assert declared == in_template, (path, method)


@pytest.mark.parametrize(("path", "method", "schema_in", "schema_out"), CREATES)
def test_creating_routes_show_their_typed_body_and_201_answer(
    document: dict[str, Any], path: str, method: str, schema_in: str, schema_out: str
) -> None:
    operation = document["paths"][path][method]
    assert operation["requestBody"]["required"] is True
    assert schema_ref(operation["requestBody"]) == schema_in
    assert schema_ref(operation["responses"]["201"]) == schema_out
    assert schema_ref(operation["responses"]["422"]) == "ErrorOut"


def test_deletes_answer_204_without_a_body_and_document_404(document: dict[str, Any]) -> None:
    deletes = [(p, op) for p, m, op in operations(document) if m == "delete"]
    assert len(deletes) == 4
    for _, operation in deletes:
        assert "content" not in operation["responses"]["204"]
        assert schema_ref(operation["responses"]["404"]) == "ErrorOut"


def test_refusals_are_documented_with_the_real_error_body(document: dict[str, Any]) -> None:
    documented = [s for _, _, op in operations(document) for s in op["responses"] if s >= "400"]
    assert documented
    for _, _, operation in operations(document):
        for status, response in operation["responses"].items():
            if status >= "400":
                assert schema_ref(response) == "ErrorOut"
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_the_documented_error_body_is_what_a_refusal_sends(
    client: TestClient, document: dict[str, Any]
) -> None:
    body = assert_refused(client.post("/api/v1/checkins", json={"day": "2026-03-14"}), 422)
    error = document["components"]["schemas"]["ErrorOut"]
    assert set(error["properties"]) == {*body, "safety"}  # safety: only beside a 409 check-in
    assert set(error["required"]) == set(body)
    problem = document["components"]["schemas"]["ProblemOut"]
    assert set(problem["properties"]) == set(body["problems"][0])


CREATES_AT_ITS_ADDRESS = {("/api/v1/checkins/{day}", "put")}
DB_FREE = {
    ("/api/v1/vocabulary", "get"),
    ("/api/v1/screenings/items", "get"),
    ("/api/v1/screenings/evaluate", "post"),
}


def refusals_it_can_give(path: str, method: str, operation: dict[str, Any]) -> set[str]:
    """The refusals an operation can give, judged from its shape: every request can come to
    a foreign address (400); writes can come from another site (403) or be too large (413);
    parameters and bodies can be wrong (422); addressed entries can be missing (404, except
    where a PUT creates them); the
    database can be busy (503)."""
    expected = {"400"} if (path, method) in DB_FREE else {"400", "503"}
    if method != "get":
        expected |= {"403", "413"}
    if operation.get("parameters") or "requestBody" in operation:
        expected.add("422")
    if ("{" in path and (path, method) not in CREATES_AT_ITS_ADDRESS) or path.endswith("/latest"):
        expected.add("404")
    return expected


def test_every_operation_documents_every_refusal_it_can_give(document: dict[str, Any]) -> None:
    for path, method, operation in operations(document):
        documented = set(operation["responses"])
        missing = refusals_it_can_give(path, method, operation) - documented
        assert not missing, (path, method, missing)


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/api/v1/checkins", "post"),
        ("/api/v1/checkins/{day}", "patch"),
        ("/api/v1/clinician-approvals", "post"),
    ],
)
def test_writes_that_can_clash_document_409(
    document: dict[str, Any], path: str, method: str
) -> None:
    assert schema_ref(document["paths"][path][method]["responses"]["409"]) == "ErrorOut"


def test_a_busy_database_is_documented_with_retry_after(document: dict[str, Any]) -> None:
    busy = document["paths"]["/api/v1/care"]["post"]["responses"]["503"]
    assert "Retry-After" in busy["headers"]


def schema_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object anywhere under ``node``."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from schema_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from schema_nodes(value)


def test_bounds_are_json_schema_minimum_and_maximum(document: dict[str, Any]) -> None:
    for node in schema_nodes(document["components"]["schemas"]):
        assert not {"ge", "le", "gt", "lt"} & set(node), node
    for _, _, operation in operations(document):
        for parameter in operation.get("parameters", []):
            assert not {"ge", "le", "gt", "lt"} & set(parameter["schema"]), parameter
    checkin = document["components"]["schemas"]["CheckInWithSigns"]["properties"]
    assert (checkin["pain"]["minimum"], checkin["pain"]["maximum"]) == (0, 10)
    care = document["components"]["schemas"]["CareIn"]["properties"]["minutes"]
    assert (care["exclusiveMinimum"], care["maximum"]) == (0, 240)


def parameter(document: dict[str, Any], path: str, name: str) -> dict[str, Any]:
    found = [p for p in document["paths"][path]["get"]["parameters"] if p["name"] == name]
    return dict(found[0]["schema"])


@pytest.mark.parametrize("path", ["/api/v1/diary", "/api/v1/pain-trend"])
def test_days_shows_its_range(document: dict[str, Any], path: str) -> None:
    days = parameter(document, path, "days")
    assert (days["minimum"], days["maximum"]) == (1, 3660)


LISTS = ["/api/v1/checkins", "/api/v1/episodes", "/api/v1/sessions", "/api/v1/care"]


@pytest.mark.parametrize("path", [*LISTS, "/api/v1/diary"])
def test_lists_document_their_paging(document: dict[str, Any], path: str) -> None:
    limit = parameter(document, path, "limit")
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (1, 500, 100)
    assert parameter(document, path, "cursor")
    assert "Link" in document["paths"][path]["get"]["responses"]["200"]["headers"]


def test_vocabularies_are_enums_in_the_schema(document: dict[str, Any]) -> None:
    from acumat.diary import vocabulary

    schemas = document["components"]["schemas"]
    episode = schemas["EpisodeIn"]["properties"]
    session = schemas["MatSessionIn"]["properties"]
    assert schemas["CareIn"]["properties"]["kind"]["enum"] == list(vocabulary.CARE_KINDS)
    assert episode["locations"]["items"]["enum"] == list(vocabulary.BACK_LOCATIONS)
    assert episode["triggers"]["items"]["enum"] == list(vocabulary.TRIGGERS)
    assert session["skin_reaction"]["enum"] == list(vocabulary.SKIN_REACTIONS)
    assert session["stop_reason"]["anyOf"][0]["enum"] == list(vocabulary.STOP_REASONS)
    assert schemas["CareOut"]["properties"]["kind"]["enum"] == list(vocabulary.CARE_KINDS)


def test_an_unknown_word_still_gets_the_friendly_message(client: TestClient) -> None:
    body = {"started_at": "2026-03-14T08:00:00Z", "kind": "sauna", "minutes": 10}
    refused = assert_refused(client.post("/api/v1/care", json=body), 422, "kind")
    assert refused["problems"][0]["message"] == (
        "must be one of: heat, cold, stretching, walking, other"
    )


def test_options_lists_the_methods_each_documented_path_takes(
    client: TestClient, document: dict[str, Any]
) -> None:
    for path, item in document["paths"].items():
        concrete = path.replace("{day}", "2026-03-14").replace("{entry_id}", "1")
        answer = client.options(concrete)
        assert answer.status_code == 204, path
        allowed = {m.strip().lower() for m in answer.headers["allow"].split(",")}
        assert allowed == {m for m in item if m in METHODS} | {"options"}, path


def test_a_method_a_path_does_not_take_is_405_naming_the_ones_it_does(
    client: TestClient,
) -> None:
    refused = client.patch("/api/v1/checkins")
    body = assert_refused(refused, 405)
    assert refused.headers["allow"] == "GET, POST, OPTIONS"
    assert body["message"] == "This address does not take PATCH; it takes GET, POST, OPTIONS."


def test_a_body_that_is_not_utf8_is_a_documented_400(
    client: TestClient, document: dict[str, Any]
) -> None:
    sent = client.post(
        "/api/v1/care", content=b"\xff", headers={"content-type": "application/json"}
    )
    body = assert_refused(sent, 400)
    assert body["message"] == "The body could not be read: send one JSON object, written in UTF-8."
    assert schema_ref(document["paths"]["/api/v1/care"]["post"]["responses"]["400"]) == "ErrorOut"
