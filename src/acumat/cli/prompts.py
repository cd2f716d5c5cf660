"""Asking for the diary values a person did not give as flags, one answer at a time.

Questions go to stderr so that ``--json`` output on stdout stays parseable. Each answer is
read exactly (:mod:`acumat.cli.input`) and then judged by the diary's own rules
(:func:`acumat.services.entry_input.answer_problems`) as soon as it is given; a wrong one is
asked again with the reason, and the answers already given are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer

from acumat.cli import input as typed
from acumat.cli import options as kinds
from acumat.diary.vocabulary import (
    BACK_LOCATIONS,
    CARE_KINDS,
    SKIN_REACTIONS,
    STOP_REASONS,
    TRIGGERS,
)

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.kinds import EntryKind

TIME = "for example now, 09:30, yesterday 22:15 or 2026-03-14 09:30"


@dataclass(frozen=True)
class Question:
    """How to ask for one field.

    ``kind`` reads the typed text; ``only_if`` names a field that must be true first;
    ``default`` is what an empty answer means (shown in brackets); ``may_skip`` lets a
    required field be left for a default the service fills in (a session's start).
    """

    text: str
    kind: kinds.Typed | None = None
    words: Mapping[str, str] | None = None
    yes_no: bool = False
    only_if: str | None = None
    default: str | None = None
    may_skip: bool = False

    @property
    def label(self) -> str:
        """The question without its hints, to name it in a refusal."""
        return self.text.split(" (")[0].split(",")[0]


QUESTIONS: dict[str, Question] = {
    "day": Question("Day (YYYY-MM-DD, today or yesterday)", kinds.DAY, default="today"),
    "pain": Question("Back pain on average, 0 (none) to 10 (worst you can imagine)", kinds.SCORE),
    "peg_enjoyment": Question("How much pain got in the way of enjoying life, 0-10", kinds.SCORE),
    "peg_activity": Question(
        "How much pain got in the way of your usual activity, 0-10", kinds.SCORE
    ),
    "sleep_quality": Question("How well you slept, 0 (very badly) to 10 (very well)", kinds.SCORE),
    "spasm_count": Question("How many spasms you had", kinds.SPASMS),
    "stress": Question("Stress, 0 (calm) to 10 (extreme)", kinds.SCORE),
    "hours_sitting": Question("Hours spent sitting", kinds.SITTING),
    "took_pain_relief": Question("Did you take anything for the pain?", yes_no=True),
    "note": Question("Note"),
    "started_at": Question(f"Start ({TIME})", kinds.MOMENT, default="now"),
    "ended_at": Question(f"End ({TIME}; Enter if it is still going on)", kinds.MOMENT),
    "peak_intensity": Question("Intensity at its worst, 0-10", kinds.SCORE),
    "locations": Question("Where on your back", kinds.LOCATIONS, BACK_LOCATIONS),
    "triggers": Question("What may have set it off", kinds.TRIGGER_WORDS, TRIGGERS),
    "planned_minutes": Question("Minutes you planned", kinds.PLANNED),
    "actual_minutes": Question("Minutes you actually lay on the mat", kinds.SESSION_MINUTES),
    "pain_before": Question("Pain before the session, 0-10", kinds.SCORE),
    "pain_after": Question("Pain after the session, 0-10", kinds.SCORE),
    "fabric_layer": Question("Did you lie on a fabric layer?", yes_no=True),
    "stopped_early": Question("Did you stop early?", yes_no=True),
    "stop_reason": Question(
        "Why did you stop", kinds.STOP_REASON, STOP_REASONS, only_if="stopped_early"
    ),
    "skin_reaction": Question("Any skin reaction afterwards", kinds.SKIN, SKIN_REACTIONS),
    "kind": Question("Which kind of care", kinds.CARE_KIND, CARE_KINDS),
    "minutes": Question("How many minutes", kinds.CARE_MINUTES),
}

SESSION_START = Question(f"Start ({TIME}; Enter if it has just ended)", kinds.MOMENT, may_skip=True)


def question_for(kind: EntryKind, name: str) -> Question:
    """The question for field ``name`` of an entry of ``kind``."""
    if kind == "session" and name == "started_at":
        return SESSION_START  # the service counts back from now by the minutes
    return QUESTIONS[name]


def ask_missing(
    raw: Mapping[str, Any], kind: EntryKind, actor: Actor, *, everything: bool
) -> dict[str, Any]:
    """``raw`` plus answers for the fields of ``kind`` it lacks, each checked as given.

    Required fields are always asked for; optional ones only when ``everything``, and an
    empty answer to an optional question leaves that field out.
    """
    from acumat.diary.schemas import INPUT_SCHEMAS

    filled = dict(raw)
    for name, info in INPUT_SCHEMAS[kind].model_fields.items():
        question = question_for(kind, name)
        if name in filled or not (everything or info.is_required()):
            continue
        if question.only_if and not filled.get(question.only_if):
            continue
        required = info.is_required() and not question.may_skip
        answer = ask_until_valid(question, name, kind, filled, actor, required=required)
        if answer is not None:
            filled[name] = answer
    return filled


def ask_until_valid(
    question: Question,
    name: str,
    kind: EntryKind,
    filled: Mapping[str, Any],
    actor: Actor,
    *,
    required: bool,
) -> Any:
    """Ask ``question`` until its answer is one the diary accepts; ``None`` means skipped."""
    from acumat.services.entry_input import answer_problems

    if question.words:
        show_words(question.words)
    while True:
        try:
            value = read_answer(question, ask(question, required=required), actor)
        except typed.Refused as refused:
            say_again(question, str(refused))
            continue
        if value is None:
            return None
        problems = answer_problems(actor, kind, {**filled, name: value}, name)
        if not problems:
            return value
        for problem in problems:
            say_again(question, in_words(problem.message, kind))


def ask(question: Question, *, required: bool) -> str | bool | None:
    """The typed answer (``True``/``False`` for yes-no questions), ``None`` when skipped."""
    if question.yes_no:
        return typer.confirm(question.text, default=False, err=True)
    text = question.text + (" (several: separate with commas)" if _many(question) else "")
    if question.default is not None:
        answer = str(typer.prompt(text, default=question.default, err=True))
    elif required:
        answer = str(typer.prompt(text, err=True))
    else:
        answer = str(typer.prompt(text, default="", show_default=False, err=True))
    return answer.strip() or None


def read_answer(question: Question, answer: str | bool | None, actor: Actor) -> Any:
    """The value an answer stands for, read in the person's own zone."""
    if answer is None or isinstance(answer, bool) or question.kind is None:
        return answer
    value = question.kind.read(answer)
    if isinstance(value, typed.When):
        return value.resolve(actor.now())
    if isinstance(question.kind, kinds.Day):
        return typed.day(answer, actor.today())
    if _many(question):
        return value.split(",")
    return value


def in_words(message: str, kind: EntryKind) -> str:
    """A service's sentence with field keys (``ended_at``) replaced by the questions' names."""
    for name in QUESTIONS:
        if "_" in name and name in message:
            message = message.replace(name, question_for(kind, name).label)
    return message


def say_again(question: Question, message: str) -> None:
    typer.echo(f"  {question.label}: {message}. Please try again.", err=True)


def _many(question: Question) -> bool:
    return isinstance(question.kind, kinds.Word) and question.kind.many


def show_words(words: Mapping[str, str]) -> None:
    """List the allowed answers, numbered, each with its code and what it means."""
    width = max(len(word) for word in words)
    for number, (word, label) in enumerate(words.items(), 1):
        typer.echo(f"  {number:>2}  {word.ljust(width)}  {label}", err=True)
