"""Option types that read values with :mod:`acumat.cli.input` and refuse in acumat's words.

Click's own refusals ("Invalid value for '--pain': …") never reach a person: a value that
cannot be read raises :class:`~acumat.errors.InvalidInput` on the flag, which the command
classes in :mod:`acumat.cli.core` print with an example. Each type knows its metavar and
an example, so help and errors come from the one place the option is defined.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import typer

from acumat.cli import input as typed
from acumat.errors import InvalidInput

DAY_METAVAR = "YYYY-MM-DD"
TIME_METAVAR = '"YYYY-MM-DD HH:MM"|HH:MM|now'
ANY_DAY = date(2000, 1, 1)  # only the form is checked when the option is read


class Typed(ABC):
    """A value read by a pure function; ``example`` is shown beside any refusal."""

    metavar = "VALUE"
    example = ""

    @abstractmethod
    def read(self, text: str) -> Any:
        """The value ``text`` stands for, or :class:`InvalidInput` saying what to type."""


class Whole(Typed):
    """A whole number in a range, taken exactly."""

    def __init__(self, low: int, high: int, example: int) -> None:
        self.low, self.high, self.example = low, high, str(example)
        self.metavar = f"{low}-{high}"

    def read(self, text: str) -> int:
        return typed.whole_number(text, self.low, self.high)


class Decimal(Typed):
    """A number such as 7.5 in a range; ``above_low`` refuses ``low`` itself."""

    metavar = "NUMBER"

    def __init__(self, low: float, high: float, example: str, *, above_low: bool = False) -> None:
        self.low, self.high, self.example, self.above_low = low, high, example, above_low

    def read(self, text: str) -> float:
        return typed.decimal_number(text, self.low, self.high, above_low=self.above_low)


class Day(Typed):
    """``today``, ``yesterday`` or ``YYYY-MM-DD``; the text is kept, read against the
    person's own today by the command."""

    metavar = DAY_METAVAR
    example = "yesterday"

    def read(self, text: str) -> str:
        typed.day(text, ANY_DAY)
        return text.strip()


class Moment(Typed):
    """A time as :func:`acumat.cli.input.moment` reads it; placed in time by the command."""

    metavar = TIME_METAVAR
    example = typed.TIME_EXAMPLE

    def read(self, text: str) -> typed.When:
        return typed.moment(text)


class Word(Typed):
    """One word of a vocabulary, by its code, its label or its number; returns the code.

    With ``many``, a comma-separated list is read too, returned comma-joined (see
    :func:`codes`), so ``--location a,b`` and ``--location a --location b`` agree.
    """

    metavar = "WORD"

    def __init__(self, vocabulary: Mapping[str, str], *, many: bool = False) -> None:
        self.vocabulary, self.many = vocabulary, many
        self.example = next(iter(vocabulary))

    def read(self, text: str) -> str:
        if self.many:
            return ",".join(typed.choices([text], self.vocabulary))
        return typed.choice(text, self.vocabulary)


EXAMPLES: dict[str, str] = {}
"""An example value for each flag defined with :func:`option`, shown beside its errors."""


@dataclass(frozen=True)
class Reader:
    """Typer's ``parser=`` for one flag: reads with ``kind`` or refuses on the flag."""

    kind: Typed
    flag: str

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value  # a default, already in its final form
        try:
            return self.kind.read(value)
        except typed.Refused as exc:
            raise InvalidInput.single(self.flag, str(exc)) from None


def option(*flags: str, kind: Typed, help: str, metavar: str | None = None) -> Any:  # noqa: A002
    """A ``typer.Option`` read by ``kind``, its example recorded for error messages."""
    EXAMPLES[flags[0]] = kind.example
    return typer.Option(
        *flags, help=help, metavar=metavar or kind.metavar, parser=Reader(kind, flags[0])
    )


def codes(values: list[str] | None) -> list[str] | None:
    """The codes of a repeatable :class:`Word` option, in order, without repeats."""
    if not values:
        return None
    found: list[str] = []
    for value in values:
        found += [code for code in value.split(",") if code and code not in found]
    return found


def words(vocabulary: Mapping[str, str]) -> str:
    """Help text listing a vocabulary as people read it."""
    return "; ".join(f"{code} ({label})" for code, label in vocabulary.items())


DAY = Day()
MOMENT = Moment()
