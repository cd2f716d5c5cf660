"""The schemas' field words reach the OpenAPI document, so API clients read the same labels."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from acumat.config import load_settings
from acumat.diary.schemas import INPUT_SCHEMAS, EntryKind
from acumat.http.app import create_app
from acumat.present.fields import field_info
from tests.http.clients import plain

ROUTES = {"checkin": "checkins", "episode": "episodes", "session": "sessions", "care": "care"}


@pytest.fixture
def document(sqlite_url: str, home: Path) -> dict[str, Any]:
    """``/api/v1/openapi.json`` (the document needs no database)."""
    with plain(create_app(load_settings(sqlite_url))) as client:
        answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    found: dict[str, Any] = answer.json()
    return found


@pytest.fixture
def components(document: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = document["components"]["schemas"]
    return found


def body_of(document: dict[str, Any], kind: str) -> dict[str, Any]:
    """The schema of the body ``POST /api/v1/<kind's list>`` takes."""
    post = document["paths"][f"/api/v1/{ROUTES[kind]}"]["post"]
    ref = post["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    found: dict[str, Any] = document["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return found


FIELDS = [(kind, name) for kind, schema in INPUT_SCHEMAS.items() for name in schema.model_fields]


@pytest.mark.parametrize(("kind", "name"), FIELDS)
def test_the_api_documents_each_fields_title_help_and_unit(
    document: dict[str, Any], kind: EntryKind, name: str
) -> None:
    schema: type[BaseModel] = INPUT_SCHEMAS[kind]
    documented = body_of(document, kind)["properties"][name]
    info = field_info(schema, name)
    assert documented["title"] == info.label
    assert documented["description"] == info.help
    assert documented.get("unit") == info.unit


def test_the_pain_field_is_documented_as_people_read_it(document: dict[str, Any]) -> None:
    pain = body_of(document, "checkin")["properties"]["pain"]
    assert (pain["title"], pain["minimum"], pain["maximum"]) == ("Back pain today", 0, 10)
    assert pain["examples"] == [4]


def test_a_refused_field_in_the_api_carries_a_code(components: dict[str, Any]) -> None:
    problem = components["ProblemOut"]["properties"]
    assert set(problem) == {"field", "code", "message"}
