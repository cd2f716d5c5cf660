"""Table-driven: each written patient story in stories.toml reaches its expected result."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from acumat.safety import evaluate
from tests.safety.kit import complete

STORIES: list[dict[str, Any]] = tomllib.loads(
    (Path(__file__).parent / "stories.toml").read_text(encoding="utf-8")
)["story"]


@pytest.mark.parametrize("story", STORIES, ids=[s["id"] for s in STORIES])
def test_story_reaches_the_expected_urgency_and_mat_verdict(story: dict[str, Any]) -> None:
    result = evaluate(complete(story["answers"]))
    reasons = [r.rule for r in result.reasons]
    assert (result.urgency.value, result.mat.value) == (story["urgency"], story["mat"]), reasons


def test_there_are_at_least_twenty_distinct_stories() -> None:
    assert len({s["id"] for s in STORIES}) == len(STORIES) >= 20
    assert len({s["story"] for s in STORIES}) == len(STORIES)


def test_stories_cover_every_urgency_and_verdict() -> None:
    pairs = {(s["urgency"], s["mat"]) for s in STORIES}
    assert {u for u, _ in pairs} == {"EMERGENCY", "URGENT_SAME_DAY", "SEE_CLINICIAN_DAYS",
                                     "SELF_CARE"}  # fmt: skip
    assert {m for _, m in pairs} == {"do-not-use", "caution-consult", "ok"}
