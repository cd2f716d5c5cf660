"""What people read: every action, reason and label reads right in every region, shared
actions are referenced, sources carry their real names, and do-not-use says what to do instead."""

from __future__ import annotations

import re

import pytest

from acumat.safety import Verdict, load_ruleset, verdict_instead
from acumat.safety.errors import RuleDataError
from acumat.safety.loader import (
    _rule,
    load_actions,
    load_wording,
    reference_problems,
    resolve_action,
    urgency_label,
    verdict_label,
)
from acumat.safety.regions import localise, regions
from acumat.safety.schemas import CLEARED

RULES = load_ruleset()
# Services and numbers of one region, which may only reach a text through its placeholders.
REGIONAL = re.compile(r"\b999\b|\b111\b|A&E|\bNHS\b|\bGP\b|\b911\b|\b112\b|emergency room")
PROVENANCE = re.compile(
    r"read via|syndicat|quoted|reprint|copies|secondary report|\(press\)|\(slides\)|\.txt|/",
    re.IGNORECASE,
)
DRUGS_OR_DOSES = re.compile(
    r"ibuprofen|naproxen|paracetamol|acetaminophen|aspirin|codeine|diclofenac|\d+\s?mg\b",
    re.IGNORECASE,
)


def every_text() -> list[tuple[str, str]]:
    """Each sentence acumat shows from the safety data, named by where it comes from."""
    texts = [(f"{r.id} reason", r.reason) for r in RULES.rules]
    texts += [(f"{r.id} action", r.action) for r in RULES.rules]
    texts += [
        (f"wording {scale}.{level}", words["label"])
        for scale, levels in load_wording().items()
        for level, words in levels.items()
    ]
    advice = verdict_instead(Verdict.DO_NOT_USE)
    assert advice is not None
    return texts + [("instead", step.text) for step in advice.steps]


def test_no_rule_or_label_names_one_regions_services_outside_a_placeholder() -> None:
    from acumat.safety.loader import load_instead

    raw = [(r.id, r.reason + " " + r.action) for r in RULES.rules]
    raw += [
        (level, w["label"]) for levels in load_wording().values() for level, w in levels.items()
    ]
    raw += [("instead", s.text) for a in load_instead().values() for s in a.steps]
    assert [name for name, text in raw if REGIONAL.search(text)] == []


@pytest.mark.parametrize("code", list(regions()))
def test_every_text_reads_as_sentences_in_every_region(code: str) -> None:
    for name, text in every_text():
        shown = localise(text, code)
        assert "{" not in shown, (name, shown)
        assert shown[:1].isupper(), (name, shown)
        for sentence in re.split(r"(?<=[.!?])\s+", shown):
            assert sentence[:1].isupper() or sentence.startswith("acumat "), (name, sentence)
            assert sentence.count("today") <= 1, (name, sentence)


@pytest.mark.parametrize(
    ("code", "number", "place"),
    [
        ("GB", "999", "A&E"),
        ("US", "911", "the emergency room"),
        ("EU", "112", "the emergency department"),
    ],
)
def test_the_emergency_label_and_actions_name_each_regions_number(
    code: str, number: str, place: str
) -> None:
    assert urgency_label("EMERGENCY", code) == f"Call {number} or go to {place} now"
    rf01 = next(r for r in RULES.rules if r.id == "RF-01")
    assert f"call {number}" in localise(rf01.action, code)


def test_labels_default_to_the_default_region() -> None:
    assert urgency_label("EMERGENCY") == "Call 999 or go to A&E now"
    assert urgency_label("URGENT_SAME_DAY", "US").startswith("See your doctor today")
    assert verdict_label(CLEARED, "US") == verdict_label(CLEARED)


# --- the action table ------------------------------------------------------------------


def test_no_action_sentence_is_written_out_in_two_rules() -> None:
    actions = [r.action for r in RULES.rules]
    repeated = {a for a in actions if actions.count(a) > 1}
    shared = set(load_actions(_package_file("actions.toml")).values())
    assert repeated <= shared


def test_an_action_reference_is_replaced_by_its_sentence() -> None:
    actions = {"urgent": "{Urgent_help}."}
    assert resolve_action("@urgent", actions, "rule X") == "{Urgent_help}."
    joined = resolve_action(["@urgent", "Then rest."], actions, "rule X")
    assert joined == "{Urgent_help}. Then rest."
    assert resolve_action("Rest.", actions, "rule X") == "Rest."


@pytest.mark.parametrize("action", ["@nowhere", ["@urgent_today", "@nowhere"], [], [""], 3])
def test_an_unknown_or_malformed_action_reference_fails_loading(action: object) -> None:
    raw: dict[str, object] = {"id": "X-1", "urgency": "EMERGENCY", "reason": "r"}
    raw |= {"when": {"item": "fever", "is": "yes"}, "action": action, "sources": ["S1"]}
    actions = load_actions(_package_file("actions.toml"))
    with pytest.raises(RuleDataError, match="X-1: action"):
        _rule(raw, "test", actions)


def test_an_unknown_placeholder_fails_loading() -> None:
    with pytest.raises(RuleDataError, match="unknown placeholder"):
        load_actions('call = "Call {ambulance_number} now."')
    import dataclasses

    first = dataclasses.replace(RULES.rules[0], action="Call {ambulance_number}.")
    doctored = dataclasses.replace(RULES, rules=(first, *RULES.rules[1:]))
    assert reference_problems(doctored) == [
        f"rule {first.id}: unknown placeholder {{ambulance_number}}"
    ]


# --- sources and what to do instead ----------------------------------------------------


def test_source_names_are_the_sources_own_names() -> None:
    bad = {s.id: s.name for s in RULES.sources.values() if PROVENANCE.search(s.name)}
    assert bad == {}
    assert "Acupressure Mats" in RULES.sources["A1"].name


def test_provenance_stays_in_notes_that_are_kept_for_reviewers() -> None:
    assert "syndicated" in RULES.sources["S1"].note
    assert "seed/article.txt" in RULES.sources["A1"].note


@pytest.mark.parametrize("code", ["GB", "US"])
def test_do_not_use_says_what_to_do_instead_with_sources(code: str) -> None:
    advice = verdict_instead(Verdict.DO_NOT_USE, code, {"numb_skin": "no"})
    assert advice is not None
    texts = " ".join(step.text for step in advice.steps)
    assert "heat" in texts or "warmth" in texts
    assert "active" in texts
    assert ("your GP" if code == "GB" else "your doctor") in texts
    assert not DRUGS_OR_DOSES.search(texts)
    assert all(step.sources and set(step.sources) <= set(RULES.sources) for step in advice.steps)


@pytest.mark.parametrize("answers", [{"numb_skin": "yes"}, {"numb_skin": "unsure"}, {}, None])
def test_warmth_is_never_offered_instead_unless_numb_skin_was_answered_no(
    answers: dict[str, str] | None,
) -> None:
    advice = verdict_instead(Verdict.DO_NOT_USE, "GB", answers)
    assert advice is not None
    texts = " ".join(step.text for step in advice.steps)
    assert "warmth" not in texts
    assert "heat" not in texts
    assert "active" in texts  # the other alternatives stay


@pytest.mark.parametrize("verdict", [Verdict.OK, Verdict.CAUTION_CONSULT])
def test_other_verdicts_need_no_alternative(verdict: Verdict) -> None:
    assert verdict_instead(verdict) is None


def _package_file(name: str) -> str:
    from importlib.resources import files

    return (files("acumat.safety") / name).read_text(encoding="utf-8")
