"""The rule data is complete and consistent: sources, items, levels and knowledge-base coverage."""

from __future__ import annotations

import dataclasses
import re

import pytest

from acumat.safety import Urgency, load_checklist, load_ruleset, recheck_items
from acumat.safety.conditions import ItemTest, items_read
from acumat.safety.errors import RuleDataError
from acumat.safety.loader import _rule, reference_problems
from acumat.safety.model import CHOICES, NumberRange, RuleSet


def _ids(prefix: str, last: int, width: int = 2) -> list[str]:
    return [f"{prefix}{n:0{width}d}" for n in range(1, last + 1)]


# Every rule id of the knowledge base's sections 2, 5 and 9, copied from it by hand (the
# MFG-xx lines of 5a are facts behind the MAT rules, and notes/evidence lines are not rules).
KNOWLEDGE_BASE_IDS = (
    _ids("RF-", 26)
    + _ids("RV-", 4)
    + _ids("MAT-D", 8, 1)
    + _ids("MAT-C", 10, 1)
    + ["MAT-OK"]
    + _ids("MAT-W", 3, 1)
    + _ids("SES-", 8)
    + _ids("SKIN-", 5)
    + _ids("SEED-", 11)
)
RECHECK = {
    "saddle_numbness", "bladder_change", "bladder_new", "bowel_change", "bowel_new",
    "sexual_change", "sexual_new", "both_legs", "both_legs_new", "leg_weakness_severe",
    "chest_pain", "sudden_severe_pain", "faint_or_clammy", "major_trauma", "fever", "very_unwell",
}  # fmt: skip
DISEASE_LABELS = re.compile(
    r"cauda|equina|syndrome|aneurysm|sepsis|fracture|spondyl|metasta|tumou?r|malignan|"
    r"discitis|abscess|osteomyelitis|cord compression|diagnos",
    re.IGNORECASE,
)
JARGON = re.compile(
    r"saddle|ana?esthesia|incontinen|bilateral|sciatica|neuropath|retention|perineal|"
    r"thoracic|immunosupp|anticoag|systemic|enthes|\bNRS\b|\bDVT\b",
    re.IGNORECASE,
)
RULES = load_ruleset()


def test_the_shipped_data_has_no_broken_references() -> None:
    assert reference_problems(RULES) == []


def test_every_knowledge_base_rule_has_a_counterpart() -> None:
    here = {r.id for r in RULES.rules} | {e.id for e in RULES.elsewhere}
    assert sorted(set(KNOWLEDGE_BASE_IDS) - here) == []


def test_rules_handled_elsewhere_point_at_something_real() -> None:
    rule_ids = {r.id for r in RULES.rules}
    rooms = {"engine", "rules", "plan", "session", "learn", "care", "insights", "trial"}
    for entry in RULES.elsewhere:
        targets = set(entry.where.split(", "))
        assert targets <= rule_ids or targets <= rooms or entry.where == "checklist.toml", entry


def test_the_checklist_is_seed_07_and_cites_known_sources() -> None:
    checklist = load_checklist()
    assert checklist.rule == "SEED-07"
    assert len(checklist.entries) >= 5
    assert {s for e in checklist.entries for s in e.sources} <= set(RULES.sources)
    assert {e.heading for e in checklist.entries} == {"choose", "prepare"}


def test_the_source_register_holds_s1_to_s56_with_urls() -> None:
    assert {f"S{n}" for n in range(1, 57)} <= set(RULES.sources)
    for number in range(1, 57):
        source = RULES.sources[f"S{number}"]
        assert source.name
        assert all(url.startswith("http") for url in source.urls)
        assert source.urls


def test_every_rule_cites_at_least_one_source_and_says_what_to_do() -> None:
    for rule in RULES.rules:
        assert rule.sources, rule.id
        assert rule.reason.strip(), rule.id
        assert rule.action.strip(), rule.id


def test_reasons_and_actions_never_name_a_disease() -> None:
    for rule in RULES.rules:
        assert not DISEASE_LABELS.search(rule.reason + rule.action), rule.id


def test_questions_avoid_medical_jargon() -> None:
    for item in RULES.items.values():
        assert not JARGON.search(item.text + (item.help or "")), item.id


def test_pain_score_feeds_no_emergency_or_urgent_rule() -> None:
    for rule in RULES.rules:
        if rule.when is not None and "pain_now" in items_read(rule.when):
            assert rule.urgency is Urgency.SEE_CLINICIAN_DAYS, rule.id


FOLLOWED_UP = {
    "bladder_change": "bladder_new",
    "bowel_change": "bowel_new",
    "sexual_change": "sexual_new",
    "both_legs": "both_legs_new",
}


def test_signs_that_can_be_long_standing_only_count_with_their_is_it_new_follow_up() -> None:
    for rule in RULES.rules:
        for parent, follow_up in FOLLOWED_UP.items():
            if rule.when is not None and parent in items_read(rule.when):
                assert follow_up in items_read(rule.when), rule.id


def test_every_is_it_new_follow_up_is_asked_after_a_yes_and_rechecked() -> None:
    for parent, follow_up in FOLLOWED_UP.items():
        item = RULES.items[follow_up]
        assert item.ask_if is not None
        assert items_read(item.ask_if) == {parent}
        assert item.recheck
        assert RULES.items[parent].recheck


def test_each_urgency_rule_reads_answers_and_each_fallback_is_alone_in_its_kind() -> None:
    fallbacks = [r for r in RULES.rules if r.fallback]
    assert sorted((r.id, r.level) for r in fallbacks) == [("MAT-OK", "ok"), ("RV-04", "SELF_CARE")]


def test_items_read_by_rules_are_required() -> None:
    for rule in RULES.rules:
        for item_id in items_read(rule.when) if rule.when else set():
            assert RULES.items[item_id].required, (rule.id, item_id)


def test_items_have_a_known_kind_group_and_allowed_answers() -> None:
    numbers = {"age": (16, 120), "pain_now": (0, 10), "episode_days": (0, 3650)}
    for item in RULES.items.values():
        assert item.kind in {"red_flag", "condition", "context"}
        if isinstance(item.answers, NumberRange):
            assert (item.answers.min, item.answers.max) == numbers.pop(item.id)
        else:
            assert item.answers == CHOICES
    assert numbers == {}


def test_skip_logic_only_looks_at_questions_asked_earlier() -> None:
    seen: set[str] = set()
    for item in RULES.items.values():
        if item.ask_if is not None:
            assert items_read(item.ask_if) <= seen, item.id
        seen.add(item.id)


def test_every_group_is_used_and_every_item_is_read_by_a_rule_or_skip_logic() -> None:
    read = {i for r in RULES.rules if r.when for i in items_read(r.when)}
    read |= {i for it in RULES.items.values() if it.ask_if for i in items_read(it.ask_if)}
    assert set(RULES.items) == read
    assert {g.id for g in RULES.groups} == {i.group for i in RULES.items.values()}


def test_recheck_set_is_the_emergency_signs_and_their_follow_ups() -> None:
    assert {item.id for item in recheck_items()} == RECHECK
    assert all(item.kind == "red_flag" for item in recheck_items())


def test_ruleset_version_is_a_content_hash() -> None:
    assert re.fullmatch(r"sha256-[0-9a-f]{12}", RULES.version)


# The checks below prove the integrity tests can fail: each doctors one thing.


def _with_first_rule(**changes: object) -> RuleSet:
    first = dataclasses.replace(RULES.rules[0], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(RULES, rules=(first, *RULES.rules[1:]))


def test_a_rule_citing_an_unknown_source_is_reported() -> None:
    problems = reference_problems(_with_first_rule(sources=("S999",)))
    assert problems == [f"rule {RULES.rules[0].id}: unknown source S999"]


def test_a_rule_reading_an_unknown_item_is_reported() -> None:
    problems = reference_problems(_with_first_rule(when=ItemTest("tummy_ache", "is", "yes")))
    assert problems == [f"rule {RULES.rules[0].id}: reads unknown item tummy_ache"]


def test_a_duplicated_rule_id_is_reported() -> None:
    doctored = dataclasses.replace(RULES, rules=(*RULES.rules, RULES.rules[0]))
    assert reference_problems(doctored) == [f"rule id {RULES.rules[0].id} is used twice"]


@pytest.mark.parametrize(
    "raw",
    [
        {"urgency": "SOON"},
        {"verdict": "maybe"},
        {"urgency": "EMERGENCY", "verdict": "ok"},
        {"urgency": "EMERGENCY", "colour": "red"},
        {"urgency": "EMERGENCY", "when": {"item": "fever", "is": "yes", "or": 1}},
        {"urgency": "EMERGENCY", "when": {"sometimes": []}},
        {"urgency": "EMERGENCY", "fallback": True},
    ],
    ids=["unknown-urgency", "unknown-verdict", "both", "unknown-field", "bad-test", "bad-combiner",
         "fallback-with-condition"],
)  # fmt: skip
def test_malformed_rules_are_refused_at_load(raw: dict[str, object]) -> None:
    base: dict[str, object] = {"id": "X-1", "reason": "r", "action": "a", "sources": ["S1"]}
    base["when"] = {"item": "fever", "is": "yes"}
    with pytest.raises(RuleDataError):
        _rule({**base, **raw}, "test")


def test_every_level_and_verdict_has_a_label() -> None:
    from acumat.safety import Urgency, Verdict
    from acumat.safety.loader import urgency_label, verdict_label
    from acumat.safety.schemas import CLEARED

    assert all(urgency_label(u) for u in Urgency)
    assert all(verdict_label(v) for v in [*Verdict, CLEARED])


def test_every_daily_sign_has_a_short_name() -> None:
    from acumat.safety import recheck_items

    assert all(item.short for item in recheck_items() if item.ask_if is None)


@pytest.mark.parametrize(
    ("test", "problem"),
    [
        (ItemTest("fever", "is", "unsure"), "fever is never ['unsure']"),
        (ItemTest("fever", "is", "Yes"), "fever is never ['Yes']"),
        (ItemTest("fever", "min", 1), "'min' cannot compare fever"),
        (ItemTest("age", "is", "yes"), "'is' cannot compare age"),
    ],
)
def test_a_comparison_that_can_never_hold_is_reported(test: ItemTest, problem: str) -> None:
    assert reference_problems(_with_first_rule(when=test)) == [
        f"rule {RULES.rules[0].id}: {problem}"
    ]
