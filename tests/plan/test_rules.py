"""The plan's rule file is checked before use: it cannot break the product's promises."""

from __future__ import annotations

from importlib.resources import files

import pytest

from acumat.knowledge import source_ids
from acumat.plan import PlanRulesError, load_rules, parse_rules
from acumat.plan.rules import SECTIONS

TEXT = files("acumat.plan").joinpath("rules.toml").read_text(encoding="utf-8")


def test_the_shipped_rules_load_and_cite_known_sources() -> None:
    rules = load_rules()
    assert (rules.first_minutes, rules.step, rules.default_cap, rules.hard_cap) == (5, 5, 30, 40)
    for section in SECTIONS:
        assert rules[section].id.startswith("PLAN-")
        assert set(rules[section].sources) <= set(source_ids())


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("minutes = 5\n", "minutes = 15\n", "first session must be 1-10"),
        ("step_minutes = 5", "step_minutes = 8", "steps must be 1-5"),
        ("hard_minutes = 40", "hard_minutes = 45", "at most 40"),
        ("default_minutes = 30", "default_minutes = 41", "at most 40"),
        ('"marks_next_day", ', '"redness", "marks_next_day", ', "only skin damage"),
        (
            'neutral_stop_reasons = ["interrupted"]',
            'neutral_stop_reasons = ["sharp_pain"]',
            "never neutral",
        ),
        ('sources = ["S20", "S32"]', 'sources = ["S999"]', "unknown or missing sources"),
        ('id = "PLAN-GROW"\n', "", "has no id"),
        ('effects = ["infection_signs"]', "effects = []", "must pause the plan"),
        ('effects = ["itching"]', 'effects = ["sneezing"]', "not one the diary knows"),
    ],
)
def test_a_rule_file_that_breaks_a_promise_is_refused(old: str, new: str, problem: str) -> None:
    assert old in TEXT
    with pytest.raises(PlanRulesError, match=problem):
        parse_rules(TEXT.replace(old, new, 1), set(source_ids()))


def test_a_file_that_is_not_toml_is_refused() -> None:
    with pytest.raises(PlanRulesError, match="cannot be read"):
        parse_rules("version = ", set(source_ids()))
