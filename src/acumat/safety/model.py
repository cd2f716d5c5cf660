"""The plain data of the safety room: questions, rules, sources and advice (results: result.py)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from acumat.knowledge.register import Source as Source
from acumat.safety.conditions import Condition
from acumat.safety.levels import Urgency, Verdict
from acumat.safety.regions import localise

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


@dataclass(frozen=True)
class AdviceStep:
    """One thing a person can do, in acumat's words, and the sources it rests on."""

    text: str
    sources: tuple[str, ...]
    shown_only_if_no: tuple[str, ...] = ()

    def shown_for(self, answers: Mapping[str, object]) -> bool:
        """Whether ``answers`` said "no" to every question this step needs a "no" for."""
        return all(str(answers.get(q, "")).lower() == "no" for q in self.shown_only_if_no)


@dataclass(frozen=True)
class Advice:
    """What a person can do instead of using the mat (instead.toml)."""

    title: str
    steps: tuple[AdviceStep, ...]

    def for_answers(self, answers: Mapping[str, object]) -> Advice:
        """Only the steps that suit someone who gave ``answers`` (SC-07: no warmth on skin
        that may be numb)."""
        return replace(self, steps=tuple(s for s in self.steps if s.shown_for(answers)))

    def localised(self, region: str | None) -> Advice:
        """The advice with the region's services in its words."""
        steps = tuple(replace(s, text=localise(s.text, region)) for s in self.steps)
        return replace(self, title=localise(self.title, region), steps=steps)
