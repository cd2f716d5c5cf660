"""``/api/v1/episodes``, ``/sessions`` and ``/care``: the same five routes for each kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary
from acumat.store.engine import Database
from tests.api.refusals import RowCounts, assert_refused

EARLIER = "2026-03-14T08:00:00Z"


@dataclass(frozen=True)
class Kind:
    """One kind of timed entry: its address, a valid body and an edit to it."""

    name: str
    url: str
    table: str
    valid: dict[str, Any]
    edit: dict[str, Any]

    def body(self, **changes: Any) -> dict[str, Any]:
        return {**self.valid, **changes}


EPISODE = Kind(
    "episode",
    "/api/v1/episodes",
    "episodes",
    {
        "started_at": EARLIER,
        "ended_at": "2026-03-14T09:30:00Z",
        "peak_intensity": 7,
        "locations": ["lower_left"],
        "triggers": ["lifting", "stress"],
    },
    {"peak_intensity": 4, "ended_at": None},
)
SESSION = Kind(
    "session",
    "/api/v1/sessions",
    "sessions",
    {
        "started_at": EARLIER,
        "planned_minutes": 10,
        "actual_minutes": 10,
        "pain_before": 6,
        "pain_after": 4,
        "fabric_layer": True,
    },
    {"actual_minutes": 6.5, "stopped_early": True, "stop_reason": "interrupted"},
)
CARE = Kind(
    "care",
    "/api/v1/care",
    "care",
    {"started_at": EARLIER, "kind": "heat", "minutes": 20},
    {"kind": "stretching", "minutes": 12},
)
KINDS = [pytest.param(k, id=k.name) for k in (EPISODE, SESSION, CARE)]

# (kind, body changes, the field named, or None when the rule spans fields + a word of its message)
REFUSALS = [
    (EPISODE, {"peak_intensity": 11}, "peak_intensity"),
    (EPISODE, {"peak_intensity": None}, "peak_intensity"),
    (EPISODE, {"triggers": ["dancing"]}, "triggers"),
    (EPISODE, {"locations": ["knee"]}, "locations"),
    (EPISODE, {"started_at": "2026-03-16T08:00:00Z"}, "started_at"),
    (EPISODE, {"ended_at": "2026-03-14T07:00:00Z"}, "ended_at"),
    (EPISODE, {"mood": "grim"}, "mood"),
    (EPISODE, {"note": "x" * 2001}, "note"),
    (SESSION, {"actual_minutes": -1}, "actual_minutes"),
    (SESSION, {"actual_minutes": 61}, "actual_minutes"),
    (SESSION, {"pain_after": 11}, "pain_after"),
    (SESSION, {"stopped_early": True}, "stop_reason"),
    (SESSION, {"stopped_early": True, "stop_reason": "bored"}, "stop_reason"),
    (SESSION, {"skin_reaction": "purple"}, "skin_reaction"),
    (SESSION, {"started_at": "next week"}, "started_at"),
    (CARE, {"kind": "sauna"}, "kind"),
    (CARE, {"minutes": 0}, "minutes"),
    (CARE, {"minutes": -5}, "minutes"),
    (CARE, {"started_at": "2026-03-15T13:00:00Z"}, "started_at"),
    (CARE, {"colour": "red"}, "colour"),
    # Found by schemathesis: numbers were read as Unix timestamps (0 stored as 1970-01-01).
    (CARE, {"started_at": 0}, "started_at"),
    (EPISODE, {"started_at": 1773475200}, "started_at"),
    (SESSION, {"started_at": "1773475200"}, "started_at"),
    (EPISODE, {"ended_at": 1773475200.5}, "ended_at"),
    (CARE, {"started_at": True}, "started_at"),
]


def named(response_body: dict[str, Any], field: str) -> bool:
    """Whether the refusal names ``field`` itself or one of its list items."""
    fields = [p["field"] for p in response_body["problems"]]
    return any(f == field or f.startswith(f"{field}.") for f in fields)


@pytest.mark.parametrize(("kind", "changes", "field"), REFUSALS)
def test_a_refused_entry_names_its_field_and_writes_nothing(
    client: TestClient, row_counts: RowCounts, kind: Kind, changes: dict[str, Any], field: str
) -> None:
    before = row_counts()
    body = assert_refused(client.post(kind.url, json=kind.body(**changes)), 422)
    assert body["error"] == "invalid_input"
    assert named(body, field), body
    assert row_counts() == before


@pytest.mark.parametrize("kind", KINDS)
def test_posting_an_entry_creates_it_with_its_location(client: TestClient, kind: Kind) -> None:
    response = client.post(kind.url, json=kind.valid)
    assert response.status_code == 201
    body = response.json()
    assert response.headers["location"].endswith(f"{kind.url}/{body['id']}")
    assert {k: body[k] for k in kind.valid} == kind.valid
    assert client.get(response.headers["location"]).json() == body


@pytest.mark.parametrize("kind", KINDS)
def test_malformed_json_is_refused_and_writes_nothing(
    client: TestClient, row_counts: RowCounts, kind: Kind
) -> None:
    before = row_counts()
    response = client.post(kind.url, content=b"{", headers={"content-type": "application/json"})
    assert_refused(response, 422)
    assert row_counts() == before


@pytest.mark.parametrize("kind", KINDS)
def test_listing_defaults_to_the_last_thirty_days_newest_first(
    client: TestClient, kind: Kind
) -> None:
    for started in ("2026-02-13T12:00:00Z", "2026-02-14T00:30:00Z", EARLIER):
        assert client.post(kind.url, json=kind.body(started_at=started)).status_code == 201
    listed = [e["started_at"] for e in client.get(kind.url).json()]
    assert listed == [EARLIER, "2026-02-14T00:30:00Z"]
    window = client.get(kind.url, params={"start": "2026-01-01", "end": "2026-03-13"})
    assert [e["started_at"] for e in window.json()] == [
        "2026-02-14T00:30:00Z",
        "2026-02-13T12:00:00Z",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_a_listing_ending_before_it_starts_is_refused(client: TestClient, kind: Kind) -> None:
    params = {"start": "2026-03-10", "end": "2026-03-01"}
    assert_refused(client.get(kind.url, params=params), 422, "end")


@pytest.mark.parametrize("kind", KINDS)
def test_reading_an_unknown_id_is_not_found(client: TestClient, kind: Kind) -> None:
    body = assert_refused(client.get(f"{kind.url}/999"), 404)
    assert body["error"] == "not_found"
    assert "999" in body["message"]


@pytest.mark.parametrize("kind", KINDS)
def test_an_id_that_is_not_a_number_is_refused_naming_it(client: TestClient, kind: Kind) -> None:
    assert_refused(client.get(f"{kind.url}/first"), 422, "entry_id")


@pytest.mark.parametrize("kind", KINDS)
def test_putting_an_entry_replaces_every_field(
    client: TestClient, row_counts: RowCounts, kind: Kind
) -> None:
    created = client.post(kind.url, json=kind.valid).json()
    response = client.put(f"{kind.url}/{created['id']}", json=kind.body(**kind.edit))
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == created["id"]
    assert {k: body[k] for k in kind.edit} == kind.edit
    assert client.get(f"{kind.url}/{created['id']}").json() == body
    assert row_counts()[kind.table] == 1


@pytest.mark.parametrize("kind", KINDS)
def test_putting_an_unknown_id_is_not_found_and_writes_nothing(
    client: TestClient, row_counts: RowCounts, kind: Kind
) -> None:
    before = row_counts()
    assert_refused(client.put(f"{kind.url}/999", json=kind.valid), 404)
    assert row_counts() == before


@pytest.mark.parametrize(("kind", "changes", "field"), REFUSALS[::3])
def test_a_refused_put_changes_nothing(
    client: TestClient, kind: Kind, changes: dict[str, Any], field: str
) -> None:
    stored = client.post(kind.url, json=kind.valid).json()
    response = client.put(f"{kind.url}/{stored['id']}", json=kind.body(**changes))
    assert named(assert_refused(response, 422), field)
    assert client.get(f"{kind.url}/{stored['id']}").json() == stored


@pytest.mark.parametrize("kind", KINDS)
def test_deleting_an_entry_removes_it(
    client: TestClient, row_counts: RowCounts, kind: Kind
) -> None:
    created = client.post(kind.url, json=kind.valid).json()
    response = client.delete(f"{kind.url}/{created['id']}")
    assert (response.status_code, response.content) == (204, b"")
    assert row_counts()[kind.table] == 0
    assert_refused(client.get(f"{kind.url}/{created['id']}"), 404)


@pytest.mark.parametrize("kind", KINDS)
def test_deleting_an_unknown_id_is_not_found(
    client: TestClient, row_counts: RowCounts, kind: Kind
) -> None:
    client.post(kind.url, json=kind.valid)
    before = row_counts()
    assert_refused(client.delete(f"{kind.url}/999"), 404)
    assert row_counts() == before


@pytest.mark.parametrize("kind", KINDS)
def test_another_persons_entry_is_not_found_for_every_verb(
    client: TestClient, db: Database, row_counts: RowCounts, stranger: Actor, kind: Kind
) -> None:
    theirs = diary.add_entry(db, stranger, kind.name, kind.valid)
    address = f"{kind.url}/{theirs.id}"
    before = row_counts()
    assert client.get(kind.url).json() == []
    assert_refused(client.get(address), 404)
    assert_refused(client.put(address, json=kind.body(**kind.edit)), 404)
    assert_refused(client.delete(address), 404)
    assert row_counts() == before
    assert diary.get_entry(db, stranger, kind.name, theirs.id) == theirs
