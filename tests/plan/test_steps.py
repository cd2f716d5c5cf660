"""The session steps (plan/steps.toml): each sourced, in acumat's words, never about sleep."""

from __future__ import annotations

import tomllib
from importlib.resources import files

import pytest

from acumat.diary.vocabulary import STOP_REASONS
from acumat.plan.steps import StepsError, load_steps, parse_steps

SOURCES = {"S28", "S29", "S30", "S31", "S33", "A1"}
GOOD = """
version = "test"
[[step]]
id = "B"
phase = "before"
text = "Lower yourself slowly."
facts = ["SES-04"]
sources = ["S29"]
[[step]]
id = "H"
phase = "halfway"
text = "Halfway."
facts = ["SES-04"]
sources = ["S29"]
[[step]]
id = "E"
phase = "end"
text = "Time is up."
facts = ["SES-08"]
sources = ["S28"]
[[step]]
id = "A"
phase = "after"
text = "Get up slowly."
facts = ["SES-05"]
sources = ["S30"]
"""


def test_the_shipped_steps_load_with_known_sources() -> None:
    steps = load_steps()
    assert steps.steps
    assert all(step.sources and step.facts for step in steps.steps)


def test_the_steps_say_what_the_knowledge_base_asks_for() -> None:
    steps = load_steps()
    by_id = {step.id: step for step in steps.steps}
    assert "SES-01" in by_id["STEP-FABRIC"].facts
    assert "slowly" in by_id["STEP-LOWER"].text
    assert "no sudden movements" in by_id["STEP-STILL"].text
    assert "SES-05" in steps.at("after").facts
    assert "Get up slowly" in steps.at("after").text


def test_the_fabric_step_is_shown_only_on_a_fabric_layer() -> None:
    steps = load_steps()
    with_fabric = [s.id for s in steps.before(fabric_layer=True)]
    without = [s.id for s in steps.before(fabric_layer=False)]
    assert with_fabric[0] == "STEP-FABRIC"
    assert "STEP-FABRIC" not in without
    assert with_fabric[1:] == without


def test_no_step_speaks_of_sleep() -> None:
    raw = files("acumat.plan").joinpath("steps.toml").read_text(encoding="utf-8")
    for step in tomllib.loads(raw)["step"]:
        assert "sleep" not in step["text"].lower()


@pytest.mark.parametrize("reason", ["sharp_pain", "numbness", "dizzy_or_sick"])
def test_a_stop_for_a_worrying_reason_gets_a_calm_word_naming_the_check(reason: str) -> None:
    calm = load_steps().after_stop(reason)
    assert calm is not None
    words = calm.say("acumat check")
    assert "Get up slowly" in words
    assert "acumat check" in words
    assert "{check}" not in words


@pytest.mark.parametrize("reason", ["interrupted", "other", None])
def test_a_neutral_stop_has_no_calm_word(reason: str | None) -> None:
    assert load_steps().after_stop(reason) is None


def test_every_calm_word_answers_known_stop_reasons() -> None:
    for step in load_steps().steps:
        assert set(step.reasons) <= STOP_REASONS.keys()


def test_a_good_file_parses() -> None:
    steps = parse_steps(GOOD, SOURCES)
    assert [s.id for s in steps.before(fabric_layer=False)] == ["B"]


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        (GOOD.replace('sources = ["S29"]', 'sources = ["S999"]', 1), "unknown or missing"),
        (GOOD.replace('sources = ["S29"]', "sources = []", 1), "unknown or missing"),
        (GOOD.replace('phase = "before"', 'phase = "during"'), "unknown phase"),
        (GOOD.replace("Halfway.", "Halfway, {name}."), "placeholders"),
        (GOOD.replace("Halfway.", "Close your eyes and sleep."), "SES-08"),
        (GOOD.replace('phase = "halfway"', 'phase = "before"'), "exactly one halfway"),
        (GOOD.replace('id = "H"', 'id = "B"'), "share an id"),
        (GOOD.replace('facts = ["SES-04"]', "facts = []", 1), "names no facts"),
        (GOOD.replace('phase = "halfway"', 'phase = "stopped"'), "stop reasons"),
        (GOOD + '[[step]]\nid = "S"\nphase = "stopped"\nreasons = ["bored"]\ntext = "x"\n'
         'facts = ["SES-06"]\nsources = ["S33"]\n', "unknown stop reasons"),
        (GOOD.replace('text = "Time is up."\n', ""), "has no text"),
        ("version = ", "cannot be read"),
    ],
)  # fmt: skip
def test_a_misleading_or_broken_file_is_refused(broken: str, problem: str) -> None:
    with pytest.raises(StepsError, match=problem):
        parse_steps(broken, SOURCES)
