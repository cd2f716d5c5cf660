"""Property tests: more "yes" never means less care, "unsure" is never safer than "no", and the
order answers arrive in does not matter.

Screenings are generated with every question answered (skipped ones too, which the engine still
reads), mostly "no" with a few "yes"/"unsure", so that results span all four urgency levels.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from acumat.safety import Urgency, evaluate, load_ruleset
from acumat.safety.model import NumberRange
from acumat.safety.result import TriageOut
from tests.safety.kit import choice_items

CHOICE_IDS = choice_items()
NUMBERS = {
    i.id: i.answers for i in load_ruleset().items.values() if isinstance(i.answers, NumberRange)
}


@st.composite
def screenings(draw: st.DrawFn) -> dict[str, str | int]:
    """A full screening: numbers anywhere in range, at most a handful of non-"no" answers."""
    answers: dict[str, str | int] = dict.fromkeys(CHOICE_IDS, "no")
    for item_id, allowed in NUMBERS.items():
        answers[item_id] = draw(st.integers(allowed.min, allowed.max))
    flagged = draw(st.lists(st.sampled_from(CHOICE_IDS), max_size=4, unique=True))
    for item_id in flagged:
        answers[item_id] = draw(st.sampled_from(["yes", "unsure"]))
    return answers


def no_less_careful(after: TriageOut, before: TriageOut) -> bool:
    return after.urgency.rank <= before.urgency.rank and after.mat.rank <= before.mat.rank


@settings(max_examples=300, deadline=None)
@given(screenings(), st.data())
def test_changing_one_no_to_yes_never_lowers_urgency_or_relaxes_the_verdict(
    answers: dict[str, str | int], data: st.DataObject
) -> None:
    item_id = data.draw(st.sampled_from([i for i in CHOICE_IDS if answers[i] == "no"]))
    before = evaluate(answers)
    after = evaluate({**answers, item_id: "yes"})
    assert no_less_careful(after, before)


@settings(max_examples=300, deadline=None)
@given(screenings(), st.data())
def test_unsure_is_never_treated_as_safer_than_no(
    answers: dict[str, str | int], data: st.DataObject
) -> None:
    item_id = data.draw(st.sampled_from([i for i in CHOICE_IDS if answers[i] == "no"]))
    assert no_less_careful(evaluate({**answers, item_id: "unsure"}), evaluate(answers))


@settings(max_examples=200, deadline=None)
@given(screenings(), st.integers(0, 2**32 - 1))
def test_the_result_does_not_depend_on_answer_order(
    answers: dict[str, str | int], seed: int
) -> None:
    keys = list(answers)
    random.Random(seed).shuffle(keys)
    assert evaluate({key: answers[key] for key in keys}) == evaluate(answers)


@settings(max_examples=300, deadline=None)
@given(screenings())
def test_every_emergency_or_urgent_result_blocks_the_mat(answers: dict[str, str | int]) -> None:
    result = evaluate(answers)
    if result.urgency.rank <= Urgency.URGENT_SAME_DAY.rank:
        assert result.mat.value == "do-not-use"


@settings(max_examples=200, deadline=None)
@given(screenings())
def test_every_result_explains_itself(answers: dict[str, str | int]) -> None:
    result = evaluate(answers)
    levels = [reason.level for reason in result.reasons]
    assert result.urgency.value in levels
    assert result.mat.value in levels
    ranks = [r.rule for r in result.reasons]
    assert len(ranks) == len(set(ranks))
