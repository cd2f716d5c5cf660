"""Reading ``plan/rules.toml``: the mat plan's thresholds and words, checked before use.

The file is data reviewed like code; this loader refuses one that would let a plan break the
product's promises (a first session over 10 minutes, a step over 5, a cap over 40) or that
cites a source acumat does not know, so a bad edit fails the tests instead of reaching a
person.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from acumat.diary.vocabulary import AFTER_EFFECTS, SKIN_REACTIONS, STOP_REASONS
from acumat.knowledge import source_ids

LONGEST_FIRST = 10  # SES-01 / SEED-04: first sessions of 5-10 minutes
LARGEST_STEP = 5  # SES-02
HIGHEST_CAP = 40  # SES-03

SECTIONS = (
    "first",
    "grow",
    "ahead",
    "cap",
    "hold",
    "step_back",
    "fabric",
    "skin_pause",
    "long_gap",
    "gentle",
    "not_screened",
    "do_not_use",
    "needs_clinician",
)


class PlanRulesError(ValueError):
    """``plan/rules.toml`` is malformed or breaks a limit the product promises."""


@dataclass(frozen=True)
class Rule:
    """One plan rule: its id, its words and where they come from."""

    id: str
    words: dict[str, str]
    facts: tuple[str, ...]
    sources: tuple[str, ...]
    values: dict[str, Any]

    def say(self, key: str = "reason", **values: object) -> str:
        return self.words[key].format(**values)


@dataclass(frozen=True)
class PlanRules:
    """Every rule of the plan, by section name, with the numbers the planner needs."""

    version: str
    horizon_days: int
    rules: dict[str, Rule]

    def __getitem__(self, section: str) -> Rule:
        return self.rules[section]

    @property
    def first_minutes(self) -> int:
        return int(self["first"].values["minutes"])

    @property
    def step(self) -> int:
        return int(self["grow"].values["step_minutes"])

    @property
    def gentle_step(self) -> int:
        return int(self["gentle"].values["step_minutes"])

    @property
    def default_cap(self) -> int:
        return int(self["cap"].values["default_minutes"])

    @property
    def hard_cap(self) -> int:
        return int(self["cap"].values["hard_minutes"])

    @property
    def fabric_sessions(self) -> int:
        return int(self["fabric"].values["tolerated_sessions"])

    @property
    def long_gap_days(self) -> int:
        return int(self["long_gap"].values["days"])

    @property
    def pausing_reactions(self) -> frozenset[str]:
        return frozenset(self["skin_pause"].values["reactions"])

    @property
    def neutral_stops(self) -> frozenset[str]:
        return frozenset(self["hold"].values["neutral_stop_reasons"])

    @property
    def pausing_effects(self) -> frozenset[str]:
        return frozenset(self["skin_pause"].values["effects"])

    @property
    def step_back_effects(self) -> frozenset[str]:
        return frozenset(self["step_back"].values["effects"])

    @property
    def holding_effects(self) -> frozenset[str]:
        return frozenset(self["hold"].values["effects"])


WORD_KEYS = ("reason", "status", "restart")


def _rule(section: str, raw: dict[str, Any], known_sources: set[str]) -> Rule:
    try:
        rule_id, facts, sources = raw["id"], tuple(raw["facts"]), tuple(raw["sources"])
    except KeyError as missing:
        raise PlanRulesError(f"[{section}] has no {missing.args[0]}") from None
    unknown = [s for s in sources if s not in known_sources]
    if not sources or unknown:
        raise PlanRulesError(f"{rule_id}: unknown or missing sources {unknown or '(none)'}")
    words = {key: str(raw[key]) for key in WORD_KEYS if key in raw}
    if not words:
        raise PlanRulesError(f"{rule_id}: says nothing (no reason or status)")
    values = {k: v for k, v in raw.items() if k not in {"id", "facts", "sources", *WORD_KEYS}}
    return Rule(rule_id, words, facts, sources, values)


def _limit_problems(rules: PlanRules) -> list[str]:
    problems = []
    if not 1 <= rules.first_minutes <= LONGEST_FIRST:
        problems.append(f"a first session must be 1-{LONGEST_FIRST} minutes")
    if not 1 <= rules.gentle_step <= rules.step <= LARGEST_STEP:
        problems.append(f"steps must be 1-{LARGEST_STEP} minutes, the gentle one no larger")
    if not rules.first_minutes <= rules.default_cap <= rules.hard_cap <= HIGHEST_CAP:
        problems.append(f"caps must rise from the first session to at most {HIGHEST_CAP}")
    if rules.fabric_sessions < 1 or rules.long_gap_days < 1 or rules.horizon_days < 1:
        problems.append("counts of sessions and days must be at least 1")
    if not rules.pausing_reactions <= SKIN_REACTIONS.keys() - {"none", "redness"}:
        problems.append("only skin damage may pause the plan (SKIN-04), never none or redness")
    if not rules.neutral_stops <= STOP_REASONS.keys() - {"sharp_pain", "more_pain"}:
        problems.append("a stop for pain is never neutral (SES-06)")
    effects = [rules.pausing_effects, rules.step_back_effects, rules.holding_effects]
    if not set().union(*effects) <= AFTER_EFFECTS.keys():
        problems.append("an after-effect is not one the diary knows")
    if "infection_signs" not in rules.pausing_effects:
        problems.append("signs of a skin infection must pause the plan (SKIN-05)")
    return problems


def parse_rules(text: str, known_sources: set[str]) -> PlanRules:
    """The rules in ``text``, or :class:`PlanRulesError` naming what is wrong."""
    try:
        table = tomllib.loads(text)
        rules = PlanRules(
            version=str(table["version"]),
            horizon_days=int(table["horizon_days"]),
            rules={name: _rule(name, table[name], known_sources) for name in SECTIONS},
        )
        problems = _limit_problems(rules)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, PlanRulesError):
            raise
        raise PlanRulesError(f"plan rules cannot be read: {exc!r}") from None
    if problems:
        raise PlanRulesError("; ".join(problems))
    return rules


@cache
def load_rules() -> PlanRules:
    """The shipped plan rules, read and checked once per process."""
    text = files("acumat.plan").joinpath("rules.toml").read_text(encoding="utf-8")
    return parse_rules(text, set(source_ids()))
