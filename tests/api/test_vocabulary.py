"""``/api/v1/vocabulary``: every word list a client needs to build the diary's forms."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from acumat.diary import vocabulary

LISTS = {
    "triggers": vocabulary.TRIGGERS,
    "locations": vocabulary.BACK_LOCATIONS,
    "care_kinds": vocabulary.CARE_KINDS,
    "stop_reasons": vocabulary.STOP_REASONS,
    "skin_reactions": vocabulary.SKIN_REACTIONS,
    "after_effects": vocabulary.AFTER_EFFECTS,
}


def test_the_vocabulary_lists_each_word_with_its_label_in_order(client: TestClient) -> None:
    response = client.get("/api/v1/vocabulary")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == set(LISTS)
    for name, words in LISTS.items():
        assert body[name] == [{"value": v, "label": label} for v, label in words.items()]


def entries_using(name: str, word: str) -> tuple[str, dict[str, Any]]:
    """An entry whose ``name`` field holds ``word``: where a client would send it."""
    started = {"started_at": "2026-03-14T08:00:00Z"}
    session = {**started, "actual_minutes": 5}
    return {
        "triggers": ("episodes", {**started, "peak_intensity": 5, "triggers": [word]}),
        "locations": ("episodes", {**started, "peak_intensity": 5, "locations": [word]}),
        "care_kinds": ("care", {**started, "kind": word, "minutes": 10}),
        "stop_reasons": ("sessions", {**session, "stopped_early": True, "stop_reason": word}),
        "skin_reactions": ("sessions", {**session, "skin_reaction": word}),
        "after_effects": ("sessions", {**session, "effects": [word]}),
    }[name]


@pytest.mark.parametrize("name", LISTS)
def test_every_offered_word_is_accepted_where_it_belongs(client: TestClient, name: str) -> None:
    for word in client.get("/api/v1/vocabulary").json()[name]:
        room, entry = entries_using(name, word["value"])
        response = client.post(f"/api/v1/{room}", json=entry)
        assert response.status_code == 201, response.text
