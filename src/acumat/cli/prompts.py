"""Asking for the diary values a person did not give as flags.

Questions go to stderr so that ``--json`` output on stdout stays parseable.

The questions only collect text; the service validates the answers, exactly as it
validates flags, so a wrong answer gets the same message as a wrong flag.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)

if TYPE_CHECKING:
    from pydantic import BaseModel

TIME = "YYYY-MM-DD HH:MM, your local time"


@dataclass(frozen=True)
class Question:
    """How to ask for one field; ``only_if`` names a field that must be true first."""

    text: str
    words: Mapping[str, str] | None = None
    many: bool = False
    yes_no: bool = False
    only_if: str | None = None


QUESTIONS: dict[str, Question] = {
    "day": Question("Day (YYYY-MM-DD)"),
    "pain": Question("Back pain on average, 0 (none) to 10 (worst you can imagine)"),
    "peg_enjoyment": Question("How much pain got in the way of enjoying life, 0-10"),
    "peg_activity": Question("How much pain got in the way of your usual activity, 0-10"),
    "sleep_quality": Question("How well you slept, 0 (very badly) to 10 (very well)"),
    "spasm_count": Question("How many spasms you had"),
    "stress": Question("Stress, 0 (calm) to 10 (extreme)"),
    "hours_sitting": Question("Hours spent sitting"),
    "took_pain_relief": Question("Did you take anything for the pain?", yes_no=True),
    "note": Question("Note"),
    "started_at": Question(f"Start ({TIME})"),
    "ended_at": Question(f"End ({TIME}; leave empty if it is still going on)"),
    "peak_intensity": Question("Intensity at its worst, 0-10"),
    "locations": Question("Where on your back", BACK_LOCATIONS, many=True),
    "triggers": Question("What may have set it off", TRIGGERS, many=True),
    "planned_minutes": Question("Minutes you planned"),
    "actual_minutes": Question("Minutes you actually lay on the mat"),
    "pain_before": Question("Pain before the session, 0-10"),
    "pain_after": Question("Pain after the session, 0-10"),
    "fabric_layer": Question("Did you lie on a fabric layer?", yes_no=True),
    "stopped_early": Question("Did you stop early?", yes_no=True),
    "stop_reason": Question("Why did you stop", STOP_REASONS, only_if="stopped_early"),
    "skin_reaction": Question("Any skin reaction afterwards", SKIN_REACTIONS),
    "kind": Question("Which kind of care", CARE_KINDS),
    "minutes": Question("How many minutes"),
}


def ask_missing(
    raw: dict[str, Any], schema: type[BaseModel], *, everything: bool
) -> dict[str, Any]:
    """``raw`` plus answers for the fields of ``schema`` it lacks.

    Required fields are always asked for; optional ones only when ``everything``, and an
    empty answer to an optional question leaves that field out.
    """
    filled = dict(raw)
    for name, info in schema.model_fields.items():
        question = QUESTIONS[name]
        if name in filled or not (everything or info.is_required()):
            continue
        if question.only_if and not filled.get(question.only_if):
            continue
        answer = ask(question, required=info.is_required())
        if answer is not None:
            filled[name] = answer
    return filled


def ask(question: Question, *, required: bool) -> Any:
    """One answer: a bool, a list of words, a string, or ``None`` for "skip"."""
    if question.yes_no:
        return typer.confirm(question.text, default=False, err=True)
    if question.words:
        show_words(question.words)
    text = question.text + (" (separate several with commas)" if question.many else "")
    if required:
        answer: str = typer.prompt(text, err=True)
    else:
        answer = typer.prompt(text, default="", show_default=False, err=True)
    if question.many:
        return [word.strip() for word in answer.split(",") if word.strip()]
    return answer.strip() or None


def show_words(words: Mapping[str, str]) -> None:
    """List the allowed words with what each means."""
    width = max(len(word) for word in words)
    for word, label in words.items():
        typer.echo(f"  {word.ljust(width)}  {label}", err=True)
