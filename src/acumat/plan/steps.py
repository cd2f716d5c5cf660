"""Reading ``plan/steps.toml``: the steps of a guided mat session, checked before use.

The file is data reviewed like code. This loader refuses one a person could be misled by:
a step without a known source, an unknown phase or stop reason, a placeholder an interface
would not fill, a phase the session needs left out, or any word about sleeping on the mat
(SES-08: acumat never suggests it).
"""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from acumat.diary.vocabulary import STOP_REASONS
from acumat.knowledge import source_ids

PHASES = ("before", "halfway", "end", "after", "stopped")
ONE_EACH = ("halfway", "end", "after")
PLACEHOLDERS = frozenset({"check"})
NEVER_SAID = ("sleep", "asleep", "overnight", "nap")


class StepsError(ValueError):
    """``plan/steps.toml`` is malformed or would mislead a person."""


@dataclass(frozen=True)
class Step:
    """One step: its id, when it is shown, its words and where they come from.

    ``fabric`` steps are shown only for a session on a fabric layer; ``reasons`` are the stop
    reasons a ``stopped`` step answers.
    """

    id: str
    phase: str
    text: str
    facts: tuple[str, ...]
    sources: tuple[str, ...]
    fabric: bool = False
    reasons: tuple[str, ...] = ()

    def say(self, check: str = "") -> str:
        """The words, with ``{check}`` filled by the interface's name for the safety check."""
        return self.text.format(check=check)


@dataclass(frozen=True)
class SessionSteps:
    """Every step of a guided session, in the file's order."""

    version: str
    steps: tuple[Step, ...]

    def before(self, *, fabric_layer: bool) -> list[Step]:
        """The steps shown before the timer starts, the fabric one only when planned."""
        return [s for s in self.steps if s.phase == "before" and (fabric_layer or not s.fabric)]

    def at(self, phase: str) -> Step:
        """The one step of ``halfway``, ``end`` or ``after``."""
        return next(s for s in self.steps if s.phase == phase)

    def after_stop(self, reason: str | None) -> Step | None:
        """The calm word for an early stop for ``reason``, if that reason has one."""
        return next((s for s in self.steps if s.phase == "stopped" and reason in s.reasons), None)


def _step(raw: dict[str, Any], known_sources: set[str]) -> Step:
    try:
        step = Step(
            id=str(raw["id"]),
            phase=str(raw["phase"]),
            text=str(raw["text"]),
            facts=tuple(raw["facts"]),
            sources=tuple(raw["sources"]),
            fabric=bool(raw.get("fabric", False)),
            reasons=tuple(raw.get("reasons", ())),
        )
    except KeyError as missing:
        raise StepsError(f"a step has no {missing.args[0]}: {raw.get('id', raw)}") from None
    problems = _step_problems(step, known_sources)
    if problems:
        raise StepsError(f"{step.id}: {'; '.join(problems)}")
    return step


def _step_problems(step: Step, known_sources: set[str]) -> list[str]:
    problems = []
    if step.phase not in PHASES:
        problems.append(f"unknown phase {step.phase!r}")
    unknown = [s for s in step.sources if s not in known_sources]
    if not step.sources or unknown:
        problems.append(f"unknown or missing sources {unknown or '(none)'}")
    if not step.facts:
        problems.append("names no facts")
    named = {name for _, name, _, _ in string.Formatter().parse(step.text) if name is not None}
    if named - PLACEHOLDERS:
        problems.append(f"placeholders no interface fills: {sorted(named - PLACEHOLDERS)}")
    if (step.phase == "stopped") != bool(step.reasons):
        problems.append("stop reasons belong to a stopped step, and it needs them")
    if set(step.reasons) - STOP_REASONS.keys():
        problems.append(f"unknown stop reasons {sorted(set(step.reasons) - STOP_REASONS.keys())}")
    if any(word in step.text.lower() for word in NEVER_SAID):
        problems.append("speaks of sleeping on the mat, which acumat never suggests (SES-08)")
    return problems


def parse_steps(text: str, known_sources: set[str]) -> SessionSteps:
    """The steps in ``text``, or :class:`StepsError` naming what is wrong."""
    try:
        table = tomllib.loads(text)
        steps = tuple(_step(raw, known_sources) for raw in table["step"])
        version = str(table["version"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, StepsError):
            raise
        raise StepsError(f"session steps cannot be read: {exc!r}") from None
    ids = [s.id for s in steps]
    if len(set(ids)) != len(ids):
        raise StepsError("two steps share an id")
    counts = {phase: sum(s.phase == phase for s in steps) for phase in PHASES}
    if counts["before"] == 0 or any(counts[phase] != 1 for phase in ONE_EACH):
        raise StepsError("needs steps before the timer and exactly one halfway, end and after")
    return SessionSteps(version, steps)


@cache
def load_steps() -> SessionSteps:
    """The shipped session steps, read and checked once per process."""
    text = files("acumat.plan").joinpath("steps.toml").read_text(encoding="utf-8")
    return parse_steps(text, set(source_ids()))
