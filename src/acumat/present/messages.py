"""The message catalogue: every refusal code, worded once for files and the API, once for people.

A :class:`~acumat.errors.Problem` carries facts (``field``, ``code``, ``params``). Two
renderings live here, side by side, so a new code cannot get one without the other:

* :func:`plain` is the sentence the API, export files and logs carry. It may name field
  keys and stored words (``must be one of: heat, cold, …``): programs read it.
* :func:`for_person` says what to do in the words on screen (``a whole number from 0 to
  10``), using the field's label and range from :mod:`acumat.present.fields`; it never shows
  a field key, a stored word or a library's sentence. :func:`on_screen` puts the label first
  (``Back pain today: a whole number from 0 to 10``).

The CLI words its own flags over the same codes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from acumat.errors import Problem

if TYPE_CHECKING:  # the catalogue stays importable from validation without the schemas
    from acumat.present.fields import FieldInfo
    from acumat.safety.model import Item

Params = Mapping[str, Any]

WHOLE = "must be a whole number written with the digits 0-9"
NUMBER = "must be a number written with the digits 0-9, such as 7.5"
DAY = "must be a day written as YYYY-MM-DD, such as 2026-03-15"
INSTANT = "must be a date and time such as 2026-03-15T08:30 (or with an offset: …T08:30+01:00)"
OBJECT = "must be a JSON object"
UNREADABLE = "this answer could not be read; reload the page and try again"


def number(value: object) -> str:
    """A bound or a given value as a person writes it: ``60``, not ``60.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _allowed(params: Params) -> str:
    return ", ".join(str(word) for word in params.get("allowed", ()))


def _plain_too_big(params: Params) -> str:
    if "maximum" not in params:
        return "is far too large"
    words = "less than" if params.get("exclusive") else "at most"
    return f"must be {words} {number(params['maximum'])} (got {number(params.get('given'))})"


def _plain_too_small(params: Params) -> str:
    words = "more than" if params.get("exclusive") else "at least"
    return f"must be {words} {number(params['minimum'])} (got {number(params.get('given'))})"


def _plain_unknown_word(params: Params) -> str:
    if "given" in params:
        return f"unknown {params['given']!r}; allowed: {_allowed(params)}"
    return f"must be one of: {_allowed(params)}"


def _plain_required(params: Params) -> str:
    """``is required``, with what to give when the params say (a question's range or choices)."""
    if "minimum" in params and "maximum" in params:
        low, high = number(params["minimum"]), number(params["maximum"])
        return f"is required: a whole number from {low} to {high}"
    if params.get("allowed"):
        return f"is required: one of {_allowed(params)}"
    return "is required"


DOCTOR = "{doctor}"
"""The region placeholder (:mod:`acumat.safety.regions`) for the person's usual doctor: a
sentence holding it is localised by the service that knows the person's region."""


def _plain_too_young(params: Params) -> str:
    youngest = number(params.get("minimum", 16))
    given = f" (got {number(params['given'])})" if "given" in params else ""
    return (
        f"is under {youngest}{given}: acumat is made for people aged {youngest} and over, and a "
        f"child or teenager with back pain should be seen by their {params.get('doctor', DOCTOR)}"
    )


def _plain_limit(params: Params) -> str:
    low, high = number(params.get("minimum", 1)), number(params.get("maximum", ""))
    given = f" (got {number(params['given'])})" if "given" in params else ""
    return f"must be between {low} and {high}{given}"


CURSOR_REFUSED = (
    "is not a page link acumat gave for this list; follow the next link as it was given, "
    "or leave cursor out to start from the newest entries"
)


PLAIN: dict[str, Callable[[Params], str]] = {
    "required": _plain_required,
    "too_big": _plain_too_big,
    "too_small": _plain_too_small,
    "not_whole_number": lambda p: WHOLE,
    "not_a_number": lambda p: NUMBER,
    "not_yes_no": lambda p: "must be yes or no (true or false)",
    "not_a_day": lambda p: DAY,
    "not_a_time": lambda p: INSTANT,
    "unknown_word": _plain_unknown_word,
    "too_long": lambda p: f"must be at most {p['max_length']} characters long",
    "too_short": lambda p: f"must be at least {p['min_length']} characters long",
    "too_many": lambda p: f"must hold at most {p['max_length']} items",
    "too_few": lambda p: f"must hold at least {p['min_length']} items",
    "not_text": lambda p: "must be text",
    "not_a_list": lambda p: "must be a list (a JSON array)",
    "not_an_object": lambda p: OBJECT,
    "not_json": lambda p: "is not valid JSON; send one JSON object",
    "unknown_field": lambda p: "is not a field of this entry; remove it",
    "has_nul": lambda p: "must not contain a NUL character (\\0); remove it",
    "not_an_identity": lambda p: (
        "must be a UUID such as 2f1c9a4e-7b3d-4e8a-9c21-5d6f7a8b9c0d, or left out for a new entry"
    ),
    "ends_before_start": lambda p: "ended_at must not be before started_at",
    "reason_required": lambda p: f"is required when stopped_early is true; one of: {_allowed(p)}",
    "reason_not_allowed": lambda p: "is only allowed when stopped_early is true",
    "sign_and_none": lambda p: "a sign was ticked and also 'None of these'; pick one",
    "sign_not_ticked": lambda p: "'yes' was chosen but no sign was ticked; tick which",
    "below_minimum_age": _plain_too_young,
    "bad_cursor": lambda p: CURSOR_REFUSED,
    "limit_out_of_range": _plain_limit,
}
"""Sentences for programs and files, one per code (the API's ``message``)."""

CODES = frozenset(
    {*PLAIN, "future_day", "future_time", "not_a_real_day", "out_of_window", "skipped_time"}
)
"""Every code a person-facing interface must word; ``invalid`` is the catch-all."""


def plain(code: str, params: Params, fallback: str = "") -> str:
    """The API and file sentence for ``code``; ``fallback`` when the code words itself."""
    render = PLAIN.get(code)
    return render(params) if render is not None else fallback


# --- words for people ------------------------------------------------------------------------

NOUNS = {"minutes": "minutes", "hours": "hours"}


def range_words(info: FieldInfo) -> str:
    """What a number field takes, e.g. ``a whole number from 0 to 10``."""
    noun = "a whole number" if info.kind == "integer" else "a number"
    if info.unit in NOUNS:
        noun += f" of {NOUNS[info.unit]}"
    low, high = info.minimum, info.maximum
    if low is not None and high is not None:
        if info.above_minimum:
            return f"{noun} more than {number(low)} and up to {number(high)}"
        return f"{noun} from {number(low)} to {number(high)}"
    if high is not None:
        return f"{noun} up to {number(high)}"
    if low is not None:
        return f"{noun} of at least {number(low)}"
    return noun


def _given(params: Params) -> str:
    return f" (you entered {number(params['given'])})" if "given" in params else ""


def _numbers(problem: Problem, info: FieldInfo | None) -> str:
    if info is not None and info.kind in ("integer", "number"):
        return range_words(info) + _given(problem.params)
    params = problem.params
    if problem.code == "too_big" and "maximum" in params:
        return f"at most {number(params['maximum'])}{_given(params)}"
    if problem.code == "too_small" and "minimum" in params:
        return f"at least {number(params['minimum'])}{_given(params)}"
    if problem.code == "not_a_number":
        return "a number written with digits, such as 7.5"
    return "a whole number written with digits, such as 4"


REQUIRED = {
    "day": "please give the day",
    "time": "please give the date and time",
    "word": "please pick one of the choices",
    "words": "please pick at least one of the choices",
    "flag": "please choose yes or no",
}


def _required(problem: Problem, info: FieldInfo | None) -> str:
    params = problem.params
    if info is None and "minimum" in params and "maximum" in params:
        low, high = number(params["minimum"]), number(params["maximum"])
        return f"please give a whole number from {low} to {high}"
    if info is None:
        return "please pick one of the choices" if params.get("allowed") else "please fill this in"
    if info.kind in ("integer", "number"):
        return f"please give {range_words(info)}"
    return REQUIRED.get(info.kind, "please fill this in")


def _too_young(problem: Problem, info: FieldInfo | None) -> str:
    """Kind advice, not a range error: acumat is not for children, their doctor is."""
    youngest = number(problem.params.get("minimum", 16))
    doctor = problem.params.get("doctor") or "doctor"
    return (
        f"sorry, acumat is made for people aged {youngest} and over. A child or teenager with "
        f"back pain should be seen by their {doctor}: please ask a parent or carer to book an "
        "appointment"
    )


def _limit(problem: Problem, info: FieldInfo | None) -> str:
    params = problem.params
    low, high = number(params.get("minimum", 1)), number(params.get("maximum", ""))
    return f"a whole number from {low} to {high}{_given(params)}"


def _length(problem: Problem, info: FieldInfo | None) -> str:
    params = problem.params
    if problem.code == "too_long":
        return f"please keep it to {params['max_length']} characters or fewer"
    if problem.code == "too_short":
        return f"please write at least {params['min_length']} characters"
    if problem.code == "too_many":
        return f"please pick at most {params['max_length']}"
    return f"please pick at least {params['min_length']}"


FIXED = {
    "not_yes_no": "please choose yes or no",
    "not_a_day": "a day written as year-month-day, such as 2026-03-15",
    "not_a_time": "a date and time, such as 2026-03-15 08:30",
    "future_day": "today or an earlier day, please",
    "future_time": "that time has not come yet; give the time it happened",
    "not_a_real_day": "that day is not on the calendar; check the day and the month",
    "out_of_window": "a day between the years 1900 and 2100, please",
    "skipped_time": (
        "the clocks went forward then, so that time never happened; give a time after the change"
    ),
    "unknown_word": "please pick from the choices shown",
    "not_text": UNREADABLE,
    "not_a_list": UNREADABLE,
    "not_an_object": UNREADABLE,
    "not_json": UNREADABLE,
    "not_an_identity": UNREADABLE,
    "unknown_field": "the form sent an answer acumat does not know; reload the page and try again",
    "has_nul": "it holds a hidden control character that cannot be saved; please retype it",
    "ends_before_start": "this is before the start; check both times",
    "reason_required": "please pick why you stopped, or choose “I finished”",
    "reason_not_allowed": "please choose one answer: either you finished, or why you stopped",
    "sign_and_none": "you ticked a sign but answered “No, nothing new”; please check your answer",
    "sign_not_ticked": "you answered yes: tick each sign you have now or are not sure about",
    "bad_cursor": (
        "it is not one acumat gave, or it has changed; open the diary again and follow its "
        "links from there"
    ),
}

PERSON: dict[str, Callable[[Problem, FieldInfo | None], str]] = {
    "required": _required,
    "too_big": _numbers,
    "too_small": _numbers,
    "not_whole_number": _numbers,
    "not_a_number": _numbers,
    "too_long": _length,
    "too_short": _length,
    "too_many": _length,
    "too_few": _length,
    "below_minimum_age": _too_young,
    "limit_out_of_range": _limit,
}


def for_person(problem: Problem, info: FieldInfo | None = None) -> str:
    """What to do about ``problem``, in the words on screen (no field key, no stored word).

    ``info`` is the field on screen (its kind and range shape the sentence); a problem with
    the catch-all code ``invalid`` keeps its own sentence, which acumat wrote.
    """
    render = PERSON.get(problem.code)
    if render is not None:
        return render(problem, info)
    return FIXED.get(problem.code, problem.message)


def labelled(label: str, text: str) -> str:
    """``Label: what to do``; a label that is a question is followed by a space only."""
    return f"{label} {text[:1].upper()}{text[1:]}" if label.endswith("?") else f"{label}: {text}"


def on_screen(problem: Problem, info: FieldInfo | None) -> str:
    """The whole sentence for a list of problems: the label on screen, then what to do."""
    text = for_person(problem, info)
    if info is None:
        return text[:1].upper() + text[1:]
    return labelled(info.label, text)


QUESTION_CHOICES = {"yes": "Yes", "no": "No", "unsure": "Not sure"}
"""The answers of a yes/no question, as the form and the terminal show them."""


def question_field(item: Item) -> FieldInfo:
    """A safety question as a field on screen: its question as the label, and the whole
    numbers or the choices it takes (from ``items.toml``), so a refusal is worded from the
    question's own range."""
    from acumat.present.fields import FieldInfo
    from acumat.safety.model import NumberRange

    if isinstance(item.answers, NumberRange):
        low, high = item.answers.min, item.answers.max
        return FieldInfo(
            item.id, item.text, item.help or "", "integer", low, high, required=item.required
        )
    choices = {answer: QUESTION_CHOICES.get(answer, answer) for answer in item.answers}
    return FieldInfo(
        item.id, item.text, item.help or "", "word", required=item.required, choices=choices
    )
