"""The questionnaire walked one group at a time, as the web form does."""

from __future__ import annotations

import pytest

from acumat.errors import InvalidInput
from acumat.safety.flow import next_step
from tests.safety.kit import complete


def test_it_starts_with_the_first_group() -> None:
    step = next_step({})
    assert step is not None
    assert (step.group.id, step.index, step.previous) == ("about-you", 0, None)
    assert [i.id for i in step.items][:3] == ["age", "pain_now", "episode_days"]


@pytest.mark.parametrize(
    ("sign", "follow_up"), [("bladder_change", "bladder_new"), ("both_legs", "both_legs_new")]
)
def test_a_yes_shows_its_follow_up_in_the_same_group(sign: str, follow_up: str) -> None:
    before = complete({})
    del before[sign]
    step = next_step({**before, sign: "yes"})
    assert step is not None
    assert step.group.id == "urgent"
    assert follow_up in [i.id for i in step.items]


def test_follow_ups_stay_hidden_after_a_no() -> None:
    step = next_step({"age": 40, "pain_now": 3, "episode_days": 1}, requested="urgent")
    assert step is not None
    assert "bladder_new" not in [i.id for i in step.items]


def test_a_complete_set_of_answers_has_no_next_step() -> None:
    assert next_step(complete({})) is None


def test_back_can_show_an_earlier_group_even_when_complete() -> None:
    step = next_step(complete({}), requested="about-you")
    assert step is not None
    assert step.group.id == "about-you"


def test_an_unknown_group_is_ignored() -> None:
    step = next_step({}, requested="nowhere")
    assert step is not None
    assert step.group.id == "about-you"


def test_a_refused_answer_is_named() -> None:
    with pytest.raises(InvalidInput, match="age"):
        next_step({"age": 300})
