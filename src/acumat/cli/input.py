"""Reading what a person types at the terminal: exactly, or refused with an example.

Pure functions, no clock and no database: "now" and "today" are handed in, so a time is
read in the person's own zone by the caller. Nothing here guesses: ``12`` is twelve or a
refusal, never 120; a day with no time of day is refused rather than stored as midnight.
Each refusal is a :class:`Refused` whose message the caller prefixes with the flag or the
question the person answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

WHOLE = re.compile(r"[0-9]{1,20}")
DECIMAL = re.compile(r"([0-9]{1,9}(\.[0-9]{0,6})?|\.[0-9]{1,6})")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
ISO_DAY_T = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}t[0-9:.]+")
CLOCK = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})")
OPEN_ENDED = 10**6  # a range this wide is the service's to judge, so it is not shown
RELATIVE_DAYS = {"today": 0, "yesterday": 1}
TIME_FORMS = '"YYYY-MM-DD HH:MM", "today 09:30", "yesterday 22:15", 09:30 or now'
TIME_EXAMPLE = '"today 09:30"'
DAY_FORMS = "YYYY-MM-DD (such as 2026-03-14), today or yesterday"


class Refused(ValueError):
    """What was typed cannot be read; the message says what would be."""


def whole_number(text: str, low: int, high: int) -> int:
    """``text`` as a whole number from ``low`` to ``high``, taken exactly."""
    typed = text.strip()
    span = f" from {low} to {high}" if high < OPEN_ENDED else ""
    if not WHOLE.fullmatch(typed):
        raise Refused(f"must be a whole number{span} (got {_shown(typed)})")
    value = int(typed)
    if not low <= value <= high:
        raise Refused(f"must be a whole number{span} (got {value})")
    return value


def decimal_number(text: str, low: float, high: float, *, above_low: bool = False) -> float:
    """``text`` as a number such as ``7.5`` from ``low`` (or above it) to ``high``."""
    typed = text.strip()
    span = f"more than {low:g} and at most {high:g}" if above_low else f"from {low:g} to {high:g}"
    if not DECIMAL.fullmatch(typed):
        raise Refused(f"must be a number {span}, such as 7.5 (got {_shown(typed)})")
    value = float(typed)
    too_low = value <= low if above_low else value < low
    if too_low or value > high:
        raise Refused(f"must be a number {span} (got {typed})")
    return value


def day(text: str, today: date) -> date:
    """``today``, ``yesterday`` or ``YYYY-MM-DD``, in any letter case."""
    typed = text.strip().lower()
    if typed in RELATIVE_DAYS:
        return today - timedelta(days=RELATIVE_DAYS[typed])
    return _iso_day(typed, DAY_FORMS)


def _iso_day(typed: str, forms: str) -> date:
    if not ISO_DAY.fullmatch(typed):
        raise Refused(f"must be {forms} (got {_shown(typed)})")
    try:
        return date.fromisoformat(typed)
    except ValueError:
        raise Refused(f"{typed} is not a day of the calendar") from None


@dataclass(frozen=True)
class When:
    """A moment as typed, not yet placed in time: ``now``, or a day and a clock time.

    ``day`` is a date, or a number of days back from today (0 today, 1 yesterday).
    """

    day: date | int | None
    clock: time | None
    exact: datetime | None = None

    def resolve(self, now: datetime) -> datetime:
        """The moment in ``now``'s zone: ``now`` itself (aware), a time given with its UTC
        offset as given, or a naive local wall time that the diary reads in the person's
        zone, as it reads any typed time."""
        if self.exact is not None:
            return self.exact
        if self.clock is None:
            return now
        if isinstance(self.day, date):
            found = self.day
        else:
            found = now.date() - timedelta(days=self.day or 0)
        return datetime.combine(found, self.clock)


def moment(text: str) -> When:
    """``now``, ``HH:MM`` or ``H:MM`` (today), ``today HH:MM``, ``yesterday HH:MM``, or
    ``YYYY-MM-DD HH:MM``; a day alone is refused, never read as midnight."""
    typed = " ".join(text.strip().lower().split())
    if ISO_DAY.match(typed):
        offset = _with_offset(typed)
        if offset is not None:
            return When(None, None, offset)
    if ISO_DAY_T.fullmatch(typed):  # 2026-03-14T09:30, as exports write it
        typed = typed.replace("t", " ", 1)
    if typed == "now":
        return When(None, None)
    words = typed.split(" ")
    if len(words) == 1 and (typed in RELATIVE_DAYS or ISO_DAY.fullmatch(typed)):
        raise Refused(f"needs a time of day as well, such as {_with_time(typed)}")
    if len(words) == 1:
        return When(0, _clock(words[0], text))
    if len(words) == 2 and words[0] in RELATIVE_DAYS:
        return When(RELATIVE_DAYS[words[0]], _clock(words[1], text))
    if len(words) == 2 and ISO_DAY.fullmatch(words[0]):
        return When(_iso_day(words[0], "a day written as YYYY-MM-DD"), _clock(words[1], text))
    raise Refused(f"must be {TIME_FORMS} (got {_shown(text.strip())})")


def _with_offset(typed: str) -> datetime | None:
    """A full date and time with a UTC offset (``2026-03-14 09:30+01:00``); the offset wins."""
    try:
        found = datetime.fromisoformat(typed.upper())
    except ValueError:
        return None
    return found if found.tzinfo is not None else None


def _with_time(typed: str) -> str:
    return f'"{typed} 09:30"'


def _clock(typed: str, text: str) -> time:
    found = CLOCK.fullmatch(typed)
    if found is None:
        raise Refused(f"must be {TIME_FORMS} (got {_shown(text.strip())})")
    hour, minute = int(found.group(1)), int(found.group(2))
    if hour > 23 or minute > 59:
        raise Refused(f"{typed} is not a time of day; use 00:00 to 23:59")
    return time(hour, minute)


def choice(text: str, vocabulary: Mapping[str, str]) -> str:
    """The code of the word meant: its code, its label or its number in the list, any case."""
    typed = _folded(text)
    codes = list(vocabulary)
    if typed.isdigit() and 1 <= int(typed) <= len(codes):
        return codes[int(typed) - 1]
    for code, label in vocabulary.items():
        if typed in (_folded(code), _folded(label)):
            return code
    raise Refused(f"must be one of: {listed(vocabulary)} (got {_shown(text.strip())})")


def choices(texts: Iterable[str], vocabulary: Mapping[str, str]) -> list[str]:
    """Every word meant, from repeated values and comma-separated lists alike, in order.

    A label that holds a comma ("Lower back, left") is still one word: the longest run of
    comma-separated parts that names a word is taken first.
    """
    found: list[str] = []
    for text in texts:
        for code in _split_words(text, vocabulary):
            if code not in found:
                found.append(code)
    return found


def _split_words(text: str, vocabulary: Mapping[str, str]) -> list[str]:
    parts = text.split(",")
    codes: list[str] = []
    start = 0
    while start < len(parts):
        if not parts[start].strip():
            start += 1
            continue
        for end in range(len(parts), start, -1):
            try:
                codes.append(choice(",".join(parts[start:end]), vocabulary))
            except Refused:
                continue
            start = end
            break
        else:
            choice(parts[start], vocabulary)  # refuses, naming the part not understood
    return codes


def listed(vocabulary: Mapping[str, str]) -> str:
    """``1 lower_left (Lower back, left), 2 …``: what :func:`choice` accepts."""
    return ", ".join(
        f"{n} {code} ({label})" for n, (code, label) in enumerate(vocabulary.items(), 1)
    )


def _folded(text: str) -> str:
    return " ".join(text.strip().lower().replace("_", " ").replace("-", " ").split())


def _shown(typed: str) -> str:
    """What was typed, short enough to repeat back."""
    shown = typed if len(typed) <= 40 else typed[:37] + "..."
    return repr(shown) if shown else "nothing"
