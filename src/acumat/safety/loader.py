"""Reading the safety data shipped in the package: items, rules, sources and the mat checklist.

Files are read once per process (cached) with ``tomllib``. Loading fails loudly with
:class:`RuleDataError` on malformed data or broken references (a rule reading an unknown item
would silently never fire, which is under-triage), so a bad edit cannot reach a person.
"""

from __future__ import annotations

import hashlib
import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, TypeVar

from acumat.safety.conditions import (
    Condition,
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
    rule_files = sorted(
        (f for f in (_data() / "rules").iterdir() if f.name.endswith(".toml")), key=lambda f: f.name
    )
    digest = hashlib.sha256(item_bytes)
    rules: list[Rule] = []
    elsewhere: list[Elsewhere] = []
    for path in rule_files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + raw)
        table = tomllib.loads(raw.decode())
        rules += [_rule(r, path.name.removesuffix(".toml")) for r in table.get("rule", [])]
        elsewhere += [Elsewhere(e["id"], e["where"], e["note"]) for e in table.get("elsewhere", [])]
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
    table = tomllib.loads((_data() / "sources.toml").read_text(encoding="utf-8"))
    return {s["id"]: Source(s["id"], s["name"], tuple(s["urls"])) for s in table["source"]}


def _rule(raw: dict[str, Any], family: str) -> Rule:
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
        action=raw["action"],
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
    return problems


def _rule_problems(rule: Rule, ruleset: RuleSet) -> list[str]:
    problems = [
        f"rule {rule.id}: unknown source {s}" for s in rule.sources if s not in ruleset.sources
    ]
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
    """Labels for urgency levels and mat verdicts, as shown to people."""
    table: dict[str, dict[str, dict[str, str]]] = tomllib.loads(
        (_data() / "wording.toml").read_text(encoding="utf-8")
    )
    return table


def urgency_label(urgency: str) -> str:
    return load_wording()["urgency"][urgency]["label"]


def verdict_label(verdict: str) -> str:
    return load_wording()["verdict"][verdict]["label"]
