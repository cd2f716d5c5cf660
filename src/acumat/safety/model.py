"""The plain data of the safety room: levels, questions, rules, reasons and results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from acumat.safety.conditions import Condition
from acumat.safety.levels import Urgency, Verdict

ItemKind = Literal["red_flag", "condition", "context"]
ITEM_KINDS: tuple[ItemKind, ...] = ("red_flag", "condition", "context")
CHOICES = ("yes", "no", "unsure")


@dataclass(frozen=True)
class NumberRange:
    """Whole numbers from ``min`` to ``max`` inclusive."""

    min: int
    max: int


@dataclass(frozen=True)
class Group:
    """One page of the screening form."""

    id: str
    title: str


@dataclass(frozen=True)
class Item:
    """One screening question; ``answers`` is the allowed choices or a number range.

    ``short`` names the sign in a few words for the daily re-check list.
    """

    id: str
    kind: ItemKind
    group: str
    text: str
    answers: tuple[str, ...] | NumberRange
    required: bool
    help: str | None = None
    short: str | None = None
    recheck: bool = False
    ask_if: Condition | None = None

    def to_dict(self) -> dict[str, object]:
        """The JSON form: ``answers`` is a list of choices or ``{"min", "max"}``."""
        answers: object
        if isinstance(self.answers, NumberRange):
            answers = {"min": self.answers.min, "max": self.answers.max}
        else:
            answers = list(self.answers)
        return {
            "id": self.id,
            "text": self.text,
            "kind": self.kind,
            "answers": answers,
            "group": self.group,
            "help": self.help,
            "required": self.required,
            "recheck": self.recheck,
        }


@dataclass(frozen=True)
class Source:
    """An entry of the source register."""

    id: str
    name: str
    urls: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    """A rule sets an urgency or a mat verdict when its condition holds.

    A ``fallback`` rule has no condition: it fires only when no other rule of its kind did.
    """

    id: str
    family: str
    when: Condition | None
    reason: str
    action: str
    sources: tuple[str, ...]
    urgency: Urgency | None = None
    verdict: Verdict | None = None
    fallback: bool = False

    @property
    def level(self) -> str:
        """The urgency or verdict this rule sets, as its public name."""
        return str(self.urgency or self.verdict)

    @property
    def severity(self) -> int:
        """Sort key for reasons: urgent care first, then mat limits, then the all-clears."""
        order = (
            "EMERGENCY",
            "URGENT_SAME_DAY",
            "SEE_CLINICIAN_DAYS",
            "do-not-use",
            "caution-consult",
            "SELF_CARE",
            "ok",
        )
        return order.index(self.level)


@dataclass(frozen=True)
class Elsewhere:
    """A knowledge-base rule that lives outside the safety rules, and where it lives."""

    id: str
    where: str
    note: str


@dataclass(frozen=True)
class RuleSet:
    """Everything the engine reads, loaded once from the package data."""

    groups: tuple[Group, ...]
    items: Mapping[str, Item]
    rules: tuple[Rule, ...]
    elsewhere: tuple[Elsewhere, ...]
    sources: Mapping[str, Source]
    version: str


@dataclass(frozen=True)
class Reason:
    """Why a rule fired, what to do, and the sources behind it; ``level`` is what it set."""

    rule: str
    text: str
    action: str
    sources: tuple[str, ...]
    level: str

    def to_dict(self) -> dict[str, object]:
        """The contract's reason object: ``{"rule", "text", "action", "sources"}``."""
        return {
            "rule": self.rule,
            "text": self.text,
            "action": self.action,
            "sources": list(self.sources),
        }


@dataclass(frozen=True)
class TriageResult:
    """The outcome of a screening; ``reasons`` are sorted most urgent first."""

    urgency: Urgency
    mat: Verdict
    reasons: list[Reason] = field(default_factory=list)
    ruleset_version: str = ""

    def to_dict(self) -> dict[str, object]:
        """The contract's result object, plus the rule-set version it was decided with."""
        return {
            "urgency": str(self.urgency),
            "mat": str(self.mat),
            "reasons": [r.to_dict() for r in self.reasons],
            "ruleset_version": self.ruleset_version,
        }


@dataclass(frozen=True)
class ChecklistEntry:
    """One line of the mat checklist."""

    id: str
    heading: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """The SEED-07 "choosing and preparing your mat" checklist."""

    rule: str
    title: str
    entries: tuple[ChecklistEntry, ...]
