"""The settings page: the longest mat session a plan may build up to, in the page's words."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services.settings import read_settings
from acumat.store.engine import Database
from tests.present.wording import not_for_people, visible_text


def test_the_limit_is_shown_changed_and_kept(
    client: TestClient, db: Database, actor: Actor
) -> None:
    page = client.get("/settings").text
    assert '<label for="mat_cap">Longest mat session (minutes)</label>' in page
    assert 'value="30" min="5" max="40"' in page
    form = {"timezone": "UTC", "region": "GB", "mat_cap": "35"}
    assert client.post("/settings", data=form).status_code == 303
    assert read_settings(db, actor).mat_cap == 35
    assert 'value="35"' in client.get("/settings").text


def test_a_limit_above_40_is_refused_in_words_and_nothing_changes(
    client: TestClient, db: Database, actor: Actor
) -> None:
    form = {"timezone": "UTC", "region": "GB", "mat_cap": "45"}
    refused = client.post("/settings", data=form)
    assert refused.status_code == 422
    assert "a whole number from 5 to 40 (you entered 45)" in refused.text.lower()
    assert not not_for_people(visible_text(refused.text))
    assert read_settings(db, actor).mat_cap == 30
