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
from acumat.cli.fields import TIME_QUESTION_HINT, question_text, reader, spec

if TYPE_CHECKING:
    from acumat.actor import Actor
    from acumat.errors import Problem
    from acumat.kinds import EntryKind


@dataclass(frozen=True)
class Question:
    """How to ask for one field.

    ``label`` names the field in a refusal, as the web form's label does; ``kind`` reads the
    typed text; ``only_if`` names a field that must be true first; ``default`` is what an
    empty answer means (shown in brackets); ``may_skip`` lets a required field be left for
    a default the service fills in (a session's start).
    """

    text: str
    label: str
    kind: kinds.Typed | None = None
    words: Mapping[str, str] | None = None
    yes_no: bool = False
    only_if: str | None = None
    default: str | None = None
    may_skip: bool = False


ASKED_DIFFERENTLY: dict[str, dict[str, Any]] = {
    "day": {"default": "today"},
    "started_at": {"default": "now"},
    "ended_at": {"text": f"({TIME_QUESTION_HINT}; Enter if it is still going on)"},
    "stop_reason": {"only_if": "stopped_early"},
}
"""What the terminal adds to a field's own words: defaults, conditions, hints."""

SESSION_START = {"text": f"({TIME_QUESTION_HINT}; Enter if it has just ended)", "may_skip": True}


def question_for(kind: EntryKind, name: str) -> Question:
    """The question for field ``name`` of an entry of ``kind``, in the schema's words."""
    field = spec(kind, name)
    extra = dict(ASKED_DIFFERENTLY.get(name, {}))
    if kind == "session" and name == "started_at":
        extra = dict(SESSION_START)  # the service counts back from now by the minutes
    hint = extra.pop("text", None)
    return Question(
        text=f"{field.label} {hint}" if hint else question_text(field),
        label=field.label,
        kind=None if field.kind in ("flag", "text") else reader(field),
        words=field.vocabulary if field.kind in ("word", "words") else None,
        yes_no=field.kind == "flag",
        **extra,
    )


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
            say_again(question, in_words(problem, kind, name))


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


def in_words(problem: Problem, kind: EntryKind, name: str) -> str:
    """What to do about ``problem``, in the words the web form uses for the same field."""
    from acumat.diary.schemas import INPUT_SCHEMAS
    from acumat.present.fields import field_info
    from acumat.present.messages import for_person

    return for_person(problem, field_info(INPUT_SCHEMAS[kind], name))


def say_again(question: Question, message: str) -> None:
    typer.echo(f"  {question.label}: {message}. Please try again.", err=True)


def _many(question: Question) -> bool:
    return isinstance(question.kind, kinds.Word) and question.kind.many


def show_words(words: Mapping[str, str]) -> None:
    """List the allowed answers, numbered, each with its code and what it means."""
    width = max(len(word) for word in words)
    for number, (word, label) in enumerate(words.items(), 1):
        typer.echo(f"  {number:>2}  {word.ljust(width)}  {label}", err=True)
