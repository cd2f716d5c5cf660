"""The small condition language that rules and skip logic are written in.

A condition is a TOML inline table of one of these forms:

    { item = ID, is = "yes" }          the answer equals the value ("unsure" already reads as "yes")
    { item = ID, in = ["a", "b"] }     the answer is one of the values
    { item = ID, min = N }             a number answer is N or more (``max = N``: N or less;
                                       both together: within the range)
    { all = [C, ...] }                 every part holds
    { any = [C, ...] }                 at least one part holds
    { not = C }                        the part does not hold
    { at_least = N, of = [C, ...] }    N or more parts hold
    { urgency_at_least = LEVEL }       derived: the urgency rules reached LEVEL or more urgent
    { rule_fired = ID }                derived: that urgency rule fired

An unanswered item never matches, so ``is``/``min`` parts are false for skipped questions. The
derived forms see only the urgency rules' outcome, so only verdict rules may use them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol

from acumat.safety.errors import RuleDataError
from acumat.safety.levels import Urgency

Answer = str | int


@dataclass(frozen=True)
class Facts:
    """What a condition is judged against: normalised answers and, for verdicts, the triage."""

    answers: Mapping[str, Answer]
    fired: frozenset[str] = frozenset()
    urgency: Urgency | None = None


class Condition(Protocol):
    """Anything that can be judged against facts and can list its parts."""

    def holds(self, facts: Facts) -> bool: ...

    def parts(self) -> tuple[Condition, ...]: ...


@dataclass(frozen=True)
class ItemTest:
    """One comparison of one item's answer: ``op`` is ``is``, ``in``, ``min`` or ``max``."""

    item: str
    op: str
    operand: str | int | frozenset[str]

    def holds(self, facts: Facts) -> bool:
        value = facts.answers.get(self.item)
        if value is None:
            return False
        if self.op in ("min", "max"):
            return isinstance(value, int) and _in_bound(self.op, value, self.operand)
        if self.op == "in":
            return isinstance(self.operand, frozenset) and value in self.operand
        return value == self.operand

    def parts(self) -> tuple[Condition, ...]:
        return ()


def _in_bound(op: str, value: int, bound: object) -> bool:
    if not isinstance(bound, int):
        return False
    return value >= bound if op == "min" else value <= bound


@dataclass(frozen=True)
class AtLeast:
    """``count`` or more of the parts hold; ``all`` and ``any`` are the two extremes."""

    count: int
    children: tuple[Condition, ...]

    def holds(self, facts: Facts) -> bool:
        return sum(1 for child in self.children if child.holds(facts)) >= self.count

    def parts(self) -> tuple[Condition, ...]:
        return self.children


@dataclass(frozen=True)
class Not:
    """The part does not hold."""

    child: Condition

    def holds(self, facts: Facts) -> bool:
        return not self.child.holds(facts)

    def parts(self) -> tuple[Condition, ...]:
        return (self.child,)


@dataclass(frozen=True)
class UrgencyAtLeast:
    """The urgency rules reached ``level`` or something more urgent."""

    level: Urgency

    def holds(self, facts: Facts) -> bool:
        return facts.urgency is not None and facts.urgency.rank <= self.level.rank

    def parts(self) -> tuple[Condition, ...]:
        return ()


@dataclass(frozen=True)
class RuleFired:
    """The urgency rule ``rule`` fired."""

    rule: str

    def holds(self, facts: Facts) -> bool:
        return self.rule in facts.fired

    def parts(self) -> tuple[Condition, ...]:
        return ()


def walk(condition: Condition) -> Iterator[Condition]:
    """The condition and every part inside it, depth first."""
    yield condition
    for part in condition.parts():
        yield from walk(part)


def items_read(condition: Condition) -> set[str]:
    """Every item id the condition looks at."""
    return {c.item for c in walk(condition) if isinstance(c, ItemTest)}


def is_derived(condition: Condition) -> bool:
    """Whether the condition looks at the urgency rules' outcome rather than only at answers."""
    return any(isinstance(c, UrgencyAtLeast | RuleFired) for c in walk(condition))


def parse_condition(raw: object) -> Condition:
    """Build a condition from its TOML table, refusing anything outside the grammar above."""
    if not isinstance(raw, dict):
        raise RuleDataError(f"a condition must be a table, not {raw!r}")
    keys = frozenset(raw)
    if "item" in keys:
        return _parse_item_test(raw)
    if keys in _COMBINERS:
        return _COMBINERS[keys](raw)
    raise RuleDataError(f"unknown condition {raw!r}")


def _parse_item_test(raw: dict[str, object]) -> Condition:
    ops = sorted(set(raw) - {"item"})
    if not ops or not set(ops) <= {"is", "in", "min", "max"} or not isinstance(raw["item"], str):
        raise RuleDataError(f"unknown item test {raw!r}")
    tests = [ItemTest(raw["item"], op, _operand(op, raw[op])) for op in ops]
    return tests[0] if len(tests) == 1 else AtLeast(len(tests), tuple(tests))


def _operand(op: str, value: object) -> str | int | frozenset[str]:
    if op == "in" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    if op == "is" and isinstance(value, str):
        return value
    if op in ("min", "max") and isinstance(value, int) and not isinstance(value, bool):
        return value
    raise RuleDataError(f"bad value for {op!r}: {value!r}")


def _parts(raw: object) -> tuple[Condition, ...]:
    if not isinstance(raw, list) or not raw:
        raise RuleDataError(f"expected a non-empty list of conditions, not {raw!r}")
    return tuple(parse_condition(part) for part in raw)


def _all(raw: dict[str, object]) -> Condition:
    parts = _parts(raw["all"])
    return AtLeast(len(parts), parts)


def _any(raw: dict[str, object]) -> Condition:
    return AtLeast(1, _parts(raw["any"]))


def _at_least(raw: dict[str, object]) -> Condition:
    count = raw["at_least"]
    if not isinstance(count, int) or count < 1:
        raise RuleDataError(f"at_least needs a positive whole number, not {count!r}")
    return AtLeast(count, _parts(raw["of"]))


def _urgency_at_least(raw: dict[str, object]) -> Condition:
    try:
        return UrgencyAtLeast(Urgency(str(raw["urgency_at_least"])))
    except ValueError as exc:
        raise RuleDataError(f"unknown urgency in {raw!r}") from exc


def _rule_fired(raw: dict[str, object]) -> Condition:
    return RuleFired(str(raw["rule_fired"]))


def _not(raw: dict[str, object]) -> Condition:
    return Not(parse_condition(raw["not"]))


_COMBINERS = {
    frozenset({"all"}): _all,
    frozenset({"any"}): _any,
    frozenset({"not"}): _not,
    frozenset({"at_least", "of"}): _at_least,
    frozenset({"urgency_at_least"}): _urgency_at_least,
    frozenset({"rule_fired"}): _rule_fired,
}
