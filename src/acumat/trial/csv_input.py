"""Daily pain from CSV text with the columns ``date,condition,pain``, for any trial.

The header is required (the three names in any order, any letter case). ``date`` is
``YYYY-MM-DD`` and each day appears at most once, in any order; ``condition`` is ``mat``
or ``no_mat``; ``pain`` is a number from 0 to 10, or empty for a day without a rating.
There is no run-in: each run of listed days with the same condition is a period. Anything
else is refused with :class:`~acumat.errors.InvalidInput`, each problem naming its line
(``line 7``) with what is wrong and what to do.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from acumat.errors import InvalidInput, Problem
from acumat.trial.schedule import MAT, NO_MAT, Condition
from acumat.trial.series import DailySeries, series_from_runs

COLUMNS = ("date", "condition", "pain")
HEADER = ",".join(COLUMNS)
NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?|\.[0-9]+")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
CONDITIONS: dict[str, Condition] = {MAT: MAT, NO_MAT: NO_MAT}
MAX_PROBLEMS = 5
"""A file with many bad lines is refused with its first few, not hundreds."""


class Refusal(ValueError):
    """One field of one line is wrong; the message says what and what to do."""


def read_pain_csv(text: str) -> DailySeries:
    """The series ``text`` holds, or :class:`InvalidInput` naming each bad line."""
    rows = _rows(text)
    if not rows:
        raise InvalidInput.single(
            "--csv", f"the file is empty; it needs the header {HEADER} and then one line per day"
        )
    (header_line, header), *days = rows
    order = _header(header, header_line)
    if not days:
        raise InvalidInput.single(
            "--csv", f"the file has its header but no days; add one line per day under {HEADER}"
        )
    return _read_days(days, order)


def _rows(text: str) -> list[tuple[int, list[str]]]:
    """Each non-blank CSV row with the file line it starts on (a quoted value may span
    lines)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    found: list[tuple[int, list[str]]] = []
    last = 0
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                found.append((last + 1, row))
            last = reader.line_num
    except csv.Error as exc:
        raise InvalidInput.single(
            f"line {reader.line_num}",
            f"cannot be read as CSV ({exc}); save the file again as plain CSV text",
        ) from None
    return found


def _read_days(rows: list[tuple[int, list[str]]], order: list[int]) -> DailySeries:
    problems: list[Problem] = []
    seen: dict[date, int] = {}
    days: list[int] = []
    conditions: list[Condition] = []
    pains: list[float | None] = []
    for line, row in rows:
        try:
            day, condition, pain = _row(row, order, seen)
        except Refusal as exc:
            problems.append(Problem(f"line {line}", str(exc), "invalid_line", {"line": line}))
            if len(problems) == MAX_PROBLEMS:
                break
            continue
        seen[day] = line
        days.append(day.toordinal())
        conditions.append(condition)
        pains.append(pain)
    if problems:
        raise InvalidInput(problems)
    return series_from_runs(days, conditions, pains)


def _header(row: list[str], line: int) -> list[int]:
    """Where each of :data:`COLUMNS` is in a row, from the header ``row``."""
    names = [cell.strip().lstrip("\ufeff").lower() for cell in row]
    if sorted(names) != sorted(COLUMNS):
        got = ",".join(cell.strip() for cell in row)
        raise InvalidInput.single(
            f"line {line}",
            f"the first line must be the header {HEADER} (got {_shown(got)}); add it, or "
            "rename the columns to these three names",
        )
    return [names.index(column) for column in COLUMNS]


def _row(
    row: list[str], order: list[int], seen: dict[date, int]
) -> tuple[date, Condition, float | None]:
    if len(row) != len(COLUMNS):
        raise Refusal(
            f"expected 3 values ({', '.join(COLUMNS)}) but found {len(row)}; a decimal needs a "
            "point, not a comma (7.5)"
        )
    day_text, condition_text, pain_text = (row[i].strip() for i in order)
    day = _day(day_text)
    if day in seen:
        raise Refusal(
            f"{day.isoformat()} is already on line {seen[day]}; keep one rating per day "
            "(the evening one, or their average)"
        )
    return day, _condition(condition_text), _pain(pain_text)


def _day(text: str) -> date:
    if not ISO_DAY.fullmatch(text):
        raise Refusal(f"date must be written YYYY-MM-DD, such as 2026-03-14 (got {_shown(text)})")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Refusal(f"{text} is not a day of the calendar; check the date") from None


def _condition(text: str) -> Condition:
    found = CONDITIONS.get(text.lower())
    if found is None:
        raise Refusal(f"condition must be mat or no_mat (got {_shown(text)})")
    return found


def _pain(text: str) -> float | None:
    if not text:
        return None
    value = float(text) if NUMBER.fullmatch(text) else None
    if value is None or value > 10:
        raise Refusal(
            f"pain must be a whole or decimal number from 0 to 10 (got {_shown(text)}); "
            "leave it empty for a day without a rating"
        )
    return value


def _shown(text: str) -> str:
    """``text`` as a message shows it: trimmed to 40 characters, anything unprintable (a
    terminal escape, a line break) as ``?``, and "nothing" when empty."""
    if not text:
        return "nothing"
    text = text if len(text) <= 40 else text[:37] + "..."
    return "".join(c if c.isprintable() else "?" for c in text)
