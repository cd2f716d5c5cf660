"""Reading the safety data shipped in the package: items, rules, actions, sources, wording,
the mat checklist and what to do instead of the mat.

Files are read once per process (cached) with ``tomllib``. Loading fails loudly with
:class:`RuleDataError` on malformed data or broken references (a rule reading an unknown item
would silently never fire, which is under-triage; an unknown ``{placeholder}`` would be shown
as it is), so a bad edit cannot reach a person.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from acumat.knowledge import source_register
from acumat.safety.conditions import (
    Condition,
    Facts,
    ItemTest,
    RuleFired,
    is_derived,
    items_read,
    parse_condition,
    walk,
)
from acumat.safety.errors import RuleDataError
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.model import (
    CHOICES,
    ITEM_KINDS,
    Advice,
    AdviceStep,
    Checklist,
    ChecklistEntry,
    Elsewhere,
    Group,
    Item,
    NumberRange,
    Rule,
    RuleSet,
    Source,
)
from acumat.safety.regions import known_placeholders, localise, placeholders

Level = TypeVar("Level", Urgency, Verdict)
RULE_KEYS = {"id", "urgency", "verdict", "when", "fallback", "reason", "action", "sources"}
ITEM_KEYS = {
    "id",
    "kind",
    "group",
    "text",
    "short",
    "help",
    "answers",
    "required",
    "recheck",
    "ask_if",
}


def _data() -> Traversable:
    return files("acumat.safety")


@cache
def load_ruleset() -> RuleSet:
    """The items, rules and sources, checked for consistency; the same object on every call."""
    item_bytes = (_data() / "items.toml").read_bytes()
    action_bytes = (_data() / "actions.toml").read_bytes()
    rule_files = sorted(
        (f for f in (_data() / "rules").iterdir() if f.name.endswith(".toml")), key=lambda f: f.name
    )
    digest = hashlib.sha256(item_bytes)
    digest.update(b"actions.toml" + action_bytes)
    actions = load_actions(action_bytes.decode())
    rules: list[Rule] = []
    elsewhere: list[Elsewhere] = []
    raw_rules: list[dict[str, Any]] = []
    for path in rule_files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + raw)
        table = tomllib.loads(raw.decode())
        family = path.name.removesuffix(".toml")
        raw_rules += table.get("rule", [])
        rules += [_rule(r, family, actions) for r in table.get("rule", [])]
        elsewhere += [Elsewhere(e["id"], e["where"], e["note"]) for e in table.get("elsewhere", [])]
    unused = sorted(set(actions) - _referenced(raw_rules))
    if unused:
        raise RuleDataError(f"actions.toml: no rule uses {', '.join(unused)}")
    items_table = tomllib.loads(item_bytes.decode())
    ruleset = RuleSet(
        groups=tuple(Group(g["id"], g["title"]) for g in items_table["group"]),
        items={i["id"]: _item(i) for i in items_table["item"]},
        rules=tuple(rules),
        elsewhere=tuple(elsewhere),
        sources=_sources(),
        version="sha256-" + digest.hexdigest()[:12],
    )
    problems = reference_problems(ruleset)
    if problems:
        raise RuleDataError("; ".join(problems))
    return ruleset


@cache
def load_checklist() -> Checklist:
    """The SEED-07 "choosing and preparing your mat" checklist."""
    table = tomllib.loads((_data() / "checklist.toml").read_text(encoding="utf-8"))
    entries = tuple(
        ChecklistEntry(e["id"], e["heading"], e["text"], tuple(e["sources"]))
        for e in table["entry"]
    )
    return Checklist(table["rule"], table["title"], entries)


def _sources() -> dict[str, Source]:
    return dict(source_register())


ACTION_REF = "@"


def load_actions(text: str) -> dict[str, str]:
    """The shared action sentences of ``actions.toml`` by id, each checked for placeholders."""
    table = tomllib.loads(text)
    bad = [key for key, value in table.items() if not isinstance(value, str) or not value.strip()]
    if bad:
        raise RuleDataError(f"actions.toml: {', '.join(bad)} must each be a sentence")
    for key, value in table.items():
        _check_placeholders(f"action {key}", value)
    return dict(table)


def resolve_action(raw: object, actions: dict[str, str], owner: str) -> str:
    """A rule's ``action``: its own sentence, an ``@id`` from actions.toml, or a list of both
    joined with spaces. An unknown ``@id`` is refused: a rule must never lose its action."""
    given = raw if isinstance(raw, list) else [raw]
    parts = [part for part in given if isinstance(part, str) and part.strip()]
    if not given or len(parts) != len(given):
        raise RuleDataError(f"{owner}: action must be a sentence, an @reference or a list of them")
    unknown = [p for p in parts if p.startswith(ACTION_REF) and p[1:] not in actions]
    if unknown:
        raise RuleDataError(f"{owner}: action {', '.join(unknown)} is not in actions.toml")
    return " ".join(actions[p[1:]] if p.startswith(ACTION_REF) else p for p in parts)


def _referenced(raw_rules: list[dict[str, Any]]) -> set[str]:
    """The action ids the rules refer to (``@id`` parts of their ``action``)."""
    found: set[str] = set()
    for rule in raw_rules:
        parts = rule.get("action", [])
        for part in parts if isinstance(parts, list) else [parts]:
            if isinstance(part, str) and part.startswith(ACTION_REF):
                found.add(part[1:])
    return found


def _check_placeholders(owner: str, text: str) -> None:
    unknown = placeholders(text) - known_placeholders()
    if unknown:
        raise RuleDataError(f"{owner}: unknown placeholder {{{', '.join(sorted(unknown))}}}")


def _rule(raw: dict[str, Any], family: str, actions: dict[str, str] | None = None) -> Rule:
    unknown = set(raw) - RULE_KEYS
    if unknown or ("urgency" in raw) == ("verdict" in raw):
        raise RuleDataError(f"rule {raw.get('id')}: needs urgency or verdict, unknown {unknown}")
    fallback = bool(raw.get("fallback", False))
    if fallback == ("when" in raw):
        raise RuleDataError(f"rule {raw['id']}: give either a condition or fallback = true")
    return Rule(
        id=raw["id"],
        family=family,
        when=None if fallback else parse_condition(raw["when"]),
        reason=raw["reason"],
        action=resolve_action(raw["action"], actions or {}, f"rule {raw['id']}"),
        sources=tuple(raw["sources"]),
        urgency=_level(Urgency, raw, "urgency"),
        verdict=_level(Verdict, raw, "verdict"),
        fallback=fallback,
    )


def _level(scale: type[Level], raw: dict[str, Any], key: str) -> Level | None:
    if key not in raw:
        return None
    try:
        return scale(raw[key])
    except ValueError as exc:
        raise RuleDataError(f"rule {raw['id']}: unknown {key} {raw[key]!r}") from exc


def _item(raw: dict[str, Any]) -> Item:
    unknown = set(raw) - ITEM_KEYS
    if unknown or raw["kind"] not in ITEM_KINDS:
        raise RuleDataError(f"item {raw.get('id')}: bad kind or unknown fields {unknown}")
    answers = raw["answers"]
    if isinstance(answers, dict):
        answers = NumberRange(answers["min"], answers["max"])
    elif tuple(answers) != CHOICES:
        raise RuleDataError(f"item {raw['id']}: answers must be {list(CHOICES)} or a range")
    return Item(
        id=raw["id"],
        kind=raw["kind"],
        group=raw["group"],
        text=raw["text"],
        answers=answers if isinstance(answers, NumberRange) else CHOICES,
        required=raw["required"],
        help=raw.get("help"),
        short=raw.get("short"),
        recheck=raw.get("recheck", False),
        ask_if=parse_condition(raw["ask_if"]) if "ask_if" in raw else None,
    )


def reference_problems(ruleset: RuleSet) -> list[str]:
    """Every broken cross-reference in ``ruleset``, as sentences; empty when all is well."""
    problems = [p for rule in ruleset.rules for p in _rule_problems(rule, ruleset)]
    groups = {g.id for g in ruleset.groups}
    for item in ruleset.items.values():
        if item.group not in groups:
            problems.append(f"item {item.id}: unknown group {item.group}")
        if item.ask_if is not None:
            problems += [
                f"item {item.id}: ask_if reads unknown item {u}"
                for u in sorted(items_read(item.ask_if) - set(ruleset.items))
            ]
            problems += _test_problems(f"item {item.id}", item.ask_if, ruleset)
    ids = [rule.id for rule in ruleset.rules] + [e.id for e in ruleset.elsewhere]
    problems += [f"rule id {i} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    return problems + _outcome_problems(ruleset)


def _outcome_problems(ruleset: RuleSet) -> list[str]:
    """Every full result has a reason for each level, and so does every urgent partial one.

    Each kind needs exactly one fallback (RV-04, MAT-OK), and some verdict rule must hold on
    an urgent outcome alone (MAT-D1), since a partial result never uses a fallback.
    """
    problems = []
    verdict_rules = [r for r in ruleset.rules if r.verdict is not None]
    for kind, rules in (
        ("urgency", [r for r in ruleset.rules if r.urgency]),
        ("verdict", verdict_rules),
    ):
        fallbacks = [r.id for r in rules if r.fallback]
        if len(fallbacks) != 1:
            problems.append(f"{kind} rules need exactly one fallback, not {fallbacks}")
    urgent_only = Facts({}, frozenset(), Urgency.URGENT_SAME_DAY)
    if not any(r.when is not None and r.when.holds(urgent_only) for r in verdict_rules):
        problems.append("no verdict rule holds on an urgent result alone, as MAT-D1 does")
    problems += [
        f"rule {rule.id}: reads {item}, which is not required"
        for rule in ruleset.rules
        for item in sorted(items_read(rule.when) if rule.when else set())
        if item in ruleset.items and not ruleset.items[item].required
    ]
    return problems


def _rule_problems(rule: Rule, ruleset: RuleSet) -> list[str]:
    problems = [
        f"rule {rule.id}: unknown source {s}" for s in rule.sources if s not in ruleset.sources
    ]
    unknown = placeholders(rule.reason + rule.action) - known_placeholders()
    problems += [f"rule {rule.id}: unknown placeholder {{{name}}}" for name in sorted(unknown)]
    if rule.when is None:
        return problems
    problems += [
        f"rule {rule.id}: reads unknown item {u}"
        for u in sorted(items_read(rule.when) - set(ruleset.items))
    ]
    problems += _test_problems(f"rule {rule.id}", rule.when, ruleset)
    if rule.urgency is not None and is_derived(rule.when):
        problems.append(f"rule {rule.id}: urgency rules may only read answers")
    urgency_ids = {r.id for r in ruleset.rules if r.urgency is not None}
    problems += [
        f"rule {rule.id}: rule_fired names {c.rule}, not an urgency rule"
        for c in walk(rule.when)
        if isinstance(c, RuleFired) and c.rule not in urgency_ids
    ]
    return problems


MATCHABLE = frozenset({"yes", "no"})  # "unsure" is read as "yes" before any rule sees it


def _test_problems(owner: str, condition: Condition, ruleset: RuleSet) -> list[str]:
    """Comparisons that could never hold: a silent rule is an under-triage bug."""
    problems = []
    for test in (c for c in walk(condition) if isinstance(c, ItemTest)):
        item = ruleset.items.get(test.item)
        if item is None:
            continue
        numeric = isinstance(item.answers, NumberRange)
        operands = test.operand if isinstance(test.operand, frozenset) else {test.operand}
        if numeric != (test.op in ("min", "max")):
            problems.append(f"{owner}: '{test.op}' cannot compare {test.item}")
        elif not numeric and not set(operands) <= MATCHABLE:
            problems.append(f"{owner}: {test.item} is never {sorted(map(str, operands))}")
    return problems


@cache
def load_wording() -> dict[str, dict[str, dict[str, str]]]:
    """Labels for urgency levels and mat verdicts, as shown to people (with placeholders)."""
    table: dict[str, dict[str, dict[str, str]]] = tomllib.loads(
        (_data() / "wording.toml").read_text(encoding="utf-8")
    )
    for scale, levels in table.items():
        for level, words in levels.items():
            for key, text in words.items():
                _check_placeholders(f"wording {scale}.{level}.{key}", text)
    return table


def urgency_label(urgency: str, region: str | None = None) -> str:
    """What an urgency level tells a person to do, in the words of their region."""
    return localise(load_wording()["urgency"][urgency]["label"], region)


def verdict_label(verdict: str, region: str | None = None) -> str:
    """What a mat verdict (or ``ok-with-clinician-approval``) means, for a person."""
    return localise(load_wording()["verdict"][verdict]["label"], region)


@cache
def load_instead() -> dict[Verdict, Advice]:
    """What to do instead of the mat, per verdict (instead.toml), with checked sources."""
    table = tomllib.loads((_data() / "instead.toml").read_text(encoding="utf-8"))
    known = _sources()
    found: dict[Verdict, Advice] = {}
    for name, raw in table["instead"].items():
        steps = tuple(
            AdviceStep(s["text"], tuple(s["sources"]), tuple(s.get("shown_only_if_no", ())))
            for s in raw["step"]
        )
        questions = set(load_ruleset().items)
        for step in steps:
            _check_placeholders(f"instead {name}", step.text)
            if not step.sources or not set(step.sources) <= set(known):
                raise RuleDataError(f"instead {name}: a step cites no or unknown sources")
            if not set(step.shown_only_if_no) <= questions:
                raise RuleDataError(f"instead {name}: a step names an unknown question")
        if name not in set(Verdict):
            raise RuleDataError(f"instead.toml: {name} is not a verdict")
        found[Verdict(name)] = Advice(raw["title"], steps)
    return found


def verdict_instead(
    verdict: Verdict | str,
    region: str | None = None,
    answers: Mapping[str, object] | None = None,
) -> Advice | None:
    """What the person can do instead of the mat under ``verdict``, in their region's words,
    leaving out steps their ``answers`` do not allow (none known: those steps are left out);
    ``None`` when the verdict needs no alternative (the mat may be used)."""
    advice = load_instead().get(Verdict(verdict))
    return None if advice is None else advice.for_answers(answers or {}).localised(region)
