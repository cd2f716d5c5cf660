"""The question set for `acumat ask` is written before the ranking (issue 16): it is checked
here as data — enough questions of each sort, each pointing at a real target — so the
ranking, when it lands, is judged against people's words rather than tuned to them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from acumat.plan.care import load_guides
from acumat.safety import load_ruleset
from tests.safety.kit import triage

SET = Path(__file__).with_name("ask_questions.toml")
TOPICS = {
    "how-mats-work",
    "evidence",
    "safe-use",
    "choosing-a-mat",
    "after-a-session",
    "what-sets-it-off",
    "heat-cold-stretching",
    "ergonomics",
    "when-to-get-help",
    "faq",
}
FOLLOW_UPS = {
    "bladder_change": {"bladder_new": "yes"},
    "bowel_change": {"bowel_new": "yes"},
    "both_legs": {"both_legs_new": "yes"},
    "skin_infection_signs": {"used_mat_before": "yes"},
}


def questions() -> dict[str, Any]:
    return tomllib.loads(SET.read_text(encoding="utf-8"))


def test_the_set_is_as_large_as_the_issue_asks() -> None:
    found = questions()
    assert len(found["question"]) >= 60
    assert len(found["symptom"]) >= 15
    assert len(found["off_topic"]) >= 10
    texts = [q["text"] for kind in ("question", "symptom", "off_topic") for q in found[kind]]
    assert len(texts) == len(set(texts))


def test_every_question_points_at_a_learn_topic_or_a_care_guide() -> None:
    guides = {f"care/{guide_id}" for guide_id in load_guides()}
    for question in questions()["question"]:
        assert question["page"] in TOPICS | guides, question


@pytest.mark.parametrize("symptom", questions()["symptom"], ids=lambda s: s["item"])
def test_every_symptom_names_a_warning_sign_the_rules_find_worth_acting_on(
    symptom: dict[str, str],
) -> None:
    item = symptom["item"]
    assert item in load_ruleset().items
    result = triage(**{item: "yes", **FOLLOW_UPS.get(item, {})})
    assert result.urgency != "SELF_CARE", item
