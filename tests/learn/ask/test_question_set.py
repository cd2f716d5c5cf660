"""The question set, asked: at least 95% of people's questions find their page in the top 3,
every warning sign leads with the safety check's own urgency in every region, and questions
outside acumat's subject are said to be so. The score printed here is the README's."""

from __future__ import annotations

import pytest

from acumat.learn.ask import answer, load_index
from acumat.safety.regions import regions
from tests.learn.test_question_set import FOLLOW_UPS, questions
from tests.safety.kit import triage

TOP = 3
REQUIRED = 0.95


def pages_of(question: str) -> list[str]:
    return [found.page for found in answer(question).answers[:TOP]]


def test_at_least_95_percent_of_questions_find_their_page_in_the_top_3() -> None:
    asked = questions()["question"]
    missed = [
        (q["text"], q["page"], pages_of(q["text"]))
        for q in asked
        if q["page"] not in pages_of(q["text"])
    ]
    score = 1 - len(missed) / len(asked)
    print(f"\ntop-{TOP}: {len(asked) - len(missed)} of {len(asked)} ({score:.1%})")
    assert score >= REQUIRED, "\n".join(f"{t!r}: wanted {p}, got {g}" for t, p, g in missed)


@pytest.mark.parametrize("question", questions()["question"], ids=lambda q: q["text"])
def test_every_question_is_in_scope(question: dict[str, str]) -> None:
    assert answer(question["text"]).in_scope


@pytest.mark.parametrize("symptom", questions()["symptom"], ids=lambda s: s["text"])
@pytest.mark.parametrize("region", sorted(regions()))
def test_a_warning_sign_leads_with_the_safety_checks_own_urgency(
    symptom: dict[str, str], region: str
) -> None:
    expected = triage(**{symptom["item"]: "yes", **FOLLOW_UPS.get(symptom["item"], {})}).urgency
    found = answer(symptom["text"]).worded(load_index().region_words(region))
    assert found.in_scope
    assert found.safety is not None, symptom["text"]
    assert found.safety.urgency == expected
    place = regions()[region]
    if expected == "EMERGENCY":
        assert place.emergency_number in found.safety.text
    assert "{" not in found.safety.text + found.safety.label
    assert found.contract()["safety"] == {"urgency": expected, "text": found.safety.text}


@pytest.mark.parametrize("question", questions()["off_topic"], ids=lambda q: q["text"])
def test_a_question_outside_the_subject_is_said_to_be_so(question: dict[str, str]) -> None:
    found = answer(question["text"])
    assert not found.in_scope
    assert found.safety is None
    assert [a.link for a in found.answers] == [t.link for t in load_index().topics]
