"""Warning signs in people's words: the pattern language, the data, and the property that
more words can never take a warning sign away."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat.learn.ask import answer
from acumat.learn.ask.signs import Sign, SignDataError, load_signs, parse_pattern
from acumat.learn.ask.words import words
from acumat.safety import load_ruleset
from tests.learn.test_question_set import questions

LEGS = Sign("both_legs", (parse_pattern("both legs|legs + numb*|pins and needles"),))


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("my legs have gone numb", True),
        ("numbness in both legs", True),
        ("legs pins and needles", True),
        ("pins needles and legs", False),  # a phrase must keep its order
        ("my leg has gone numb", False),  # one leg is another question
        ("legs feel heavy", False),
    ],
)
def test_patterns_need_every_part_in_any_order_and_phrases_in_order(
    text: str, described: bool
) -> None:
    assert LEGS.described_in(words(text)) is described


def test_an_empty_part_is_refused() -> None:
    with pytest.raises(SignDataError, match="empty part"):
        parse_pattern("legs + ")


def test_every_sign_names_a_screening_question_and_leads_somewhere() -> None:
    items = load_ruleset().items
    for sign in load_signs():
        assert sign.item in items
    assert {s["item"] for s in questions()["symptom"]} <= {s.item for s in load_signs()}


SYMPTOMS = [s["text"] for s in questions()["symptom"]]
FILLER = st.lists(
    st.sampled_from(["and", "also", "my", "back", "mat", "really", "today", "bad", "since", "?"]),
    max_size=8,
)


@given(st.sampled_from(SYMPTOMS), FILLER, FILLER)
def test_more_words_never_take_a_warning_sign_away(
    symptom: str, before: list[str], after: list[str]
) -> None:
    alone = answer(symptom).safety
    padded = answer(" ".join([*before, symptom, *after])).safety
    assert alone is not None
    assert padded is not None
    assert _rank(padded.urgency) <= _rank(alone.urgency)


def _rank(urgency: str) -> int:
    return ["EMERGENCY", "URGENT_SAME_DAY", "SEE_CLINICIAN_DAYS", "SELF_CARE"].index(urgency)
