"""Property tests: more "yes" never means less care, "unsure" is never safer than "no", and the
order answers arrive in does not matter.

Screenings are generated with every question answered (skipped ones too, which the engine still
reads), mostly "no" with a few "yes"/"unsure", so that results span all four urgency levels.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from acumat.errors import InvalidInput
from acumat.safety import Urgency, emergency_stop, evaluate, load_ruleset, partial_result, triage
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
    assert result.complete
    assert explains_itself(result)


def explains_itself(result: TriageOut) -> bool:
    """The urgency and the verdict are each backed by a reason at that level, once per rule."""
    levels = [reason.level for reason in result.reasons]
    rules = [reason.rule for reason in result.reasons]
    return (
        result.urgency.value in levels
        and result.mat.value in levels
        and len(rules) == len(set(rules))
    )


@st.composite
def partial_screenings(draw: st.DrawFn) -> dict[str, str | int]:
    """Part of a screening, as a form or a file stops short: a random subset of the answers."""
    answers = draw(screenings())
    keep = draw(st.lists(st.sampled_from(sorted(answers)), max_size=12, unique=True))
    return {key: answers[key] for key in keep}


@settings(max_examples=300, deadline=None)
@given(partial_screenings())
def test_every_partial_result_explains_itself(answers: dict[str, str | int]) -> None:
    result = partial_result(answers)
    if result is not None:
        assert not result.complete
        assert result.is_urgent
        assert explains_itself(result)


@settings(max_examples=300, deadline=None)
@given(partial_screenings())
def test_every_emergency_stop_explains_itself(answers: dict[str, str | int]) -> None:
    result = emergency_stop(answers)
    if result is not None:
        assert result.urgency is Urgency.EMERGENCY
        assert explains_itself(result)


@settings(max_examples=200, deadline=None)
@given(partial_screenings(), st.sampled_from(sorted(CHOICE_IDS)))
def test_a_refused_answer_never_hides_an_urgent_one(
    answers: dict[str, str | int], refused: str
) -> None:
    urgent = partial_result({k: v for k, v in answers.items() if k != refused})
    try:
        result = triage({**answers, refused: "maybe"})
    except InvalidInput:
        assert urgent is None
        return
    assert urgent is not None
    assert (result.urgency, result.mat) == (urgent.urgency, urgent.mat)
    assert [r.field for r in result.refused] == [refused]
    assert explains_itself(result)


@settings(max_examples=200, deadline=None)
@given(screenings(), st.data())
def test_a_partial_result_is_never_calmer_than_the_full_one(
    answers: dict[str, str | int], data: st.DataObject
) -> None:
    keep = data.draw(st.lists(st.sampled_from(sorted(answers)), unique=True))
    partial = partial_result({key: answers[key] for key in keep})
    if partial is not None:
        assert no_less_careful(evaluate(answers), partial)
