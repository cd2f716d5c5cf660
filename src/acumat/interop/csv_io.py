"""acumat's CSV export: the whole diary in one sheet, one entry per row.

CSV holds the diary only; screenings and clinician approvals travel in the JSON export.

Columns, in this order (a cell that does not apply to a row's kind stays empty)::

    kind             checkin | episode | session | care
    day              check-in: the local calendar day, YYYY-MM-DD
    started_at       episode, session, care: ISO-8601 instant in UTC ending in Z
    ended_at         episode: ISO-8601 instant in UTC; empty while ongoing
    pain, peg_enjoyment, peg_activity, sleep_quality, spasm_count, stress,
    hours_sitting, took_pain_relief                       check-in fields
    peak_intensity, locations, triggers                   episode fields
    planned_minutes, actual_minutes, pain_before, pain_after, fabric_layer,
    stopped_early, stop_reason, skin_reaction, effects    mat-session fields
    care_kind        care: heat | cold | stretching | walking | other (the entry's ``kind``)
    minutes          care: minutes spent
    note             free text, any characters (quoted as CSV needs; see formulas below)
    uuid             the entry's identity, kept across exports and imports; empty: a new entry
    created_at, updated_at   ISO-8601 instants in UTC ending in Z
    is_demo          true | false

Lists (``locations``, ``triggers``, ``effects``) are joined with ``;``; booleans are ``true`` or
``false``; an empty cell means null (or the field's default: an empty note or list).
Rows are ordered check-ins, episodes, sessions, care, each sorted as in the JSON export;
lines end with ``\\n``. When reading, "row N" is the line of the sheet as a spreadsheet
numbers it: the header is row 1, so the first entry is row 2.

Formulas: a spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a
tab or carriage return) as a formula, so free text never starts a cell that way. The
only free-text column is ``note``; every other column holds numbers, days, instants,
words from a fixed vocabulary or a uuid, none of which can start so. On export, a note
that starts with any number of apostrophes (``'``) followed by one of those characters
gets one more apostrophe in front: ``=SUM(A1)`` is written ``'=SUM(A1)`` and a note
really written ``'=SUM(A1)`` is written ``''=SUM(A1)``. On import, a note cell that
starts with one or more apostrophes followed by one of those characters loses its first
apostrophe. Every other note is written and read as it is, so the round trip is exact.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from typing import Any, TextIO

from acumat.errors import InvalidInput
from acumat.interop.records import (
    EntriesByKind,
    LabelledRow,
    Reading,
    Record,
    export_rows,
)
from acumat.kinds import ENTRY_KINDS, EntryKind

COLUMNS = (
    "kind",
    "day",
    "started_at",
    "ended_at",
    "pain",
    "peg_enjoyment",
    "peg_activity",
    "sleep_quality",
    "spasm_count",
    "stress",
    "hours_sitting",
    "took_pain_relief",
    "peak_intensity",
    "locations",
    "triggers",
    "planned_minutes",
    "actual_minutes",
    "pain_before",
    "pain_after",
    "fabric_layer",
    "stopped_early",
    "stop_reason",
    "skin_reaction",
    "effects",
    "care_kind",
    "minutes",
    "note",
    "uuid",
    "created_at",
    "updated_at",
    "is_demo",
)
LIST_COLUMNS = frozenset({"locations", "triggers", "effects"})
TEXT_COLUMNS = frozenset({"note"})
CARE_KIND_COLUMN = "care_kind"  # ``kind`` already names the entry kind
FORMULA = re.compile(r"'*[=+\-@\t\r]")
"""What a text cell that a spreadsheet would run as a formula starts with, after any
apostrophes (see the module docstring)."""


def neutralise(text: str) -> str:
    """``text`` as a cell no spreadsheet runs as a formula (see the module docstring)."""
    return f"'{text}" if FORMULA.match(text) else text


def unneutralise(cell: str) -> str:
    """The text a cell written by :func:`neutralise` stands for."""
    return cell[1:] if cell.startswith("'") and FORMULA.match(cell, 1) else cell


def _column(kind: str, field: str) -> str:
    return CARE_KIND_COLUMN if kind == "care" and field == "kind" else field


def _field(kind: str, column: str) -> str:
    return "kind" if kind == "care" and column == CARE_KIND_COLUMN else column


# --- writing ---------------------------------------------------------------------------


def dump_csv(entries: EntriesByKind) -> str:
    """The CSV export of ``entries`` (Out models or dicts, keyed by entry kind)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    rows = export_rows(entries)
    for kind in ENTRY_KINDS:
        writer.writerows(_cells(kind, row) for row in rows[kind])
    return buffer.getvalue()


def _cells(kind: EntryKind, row: dict[str, Any]) -> list[str]:
    named = {_column(kind, field): _cell(value) for field, value in row.items()}
    for column in TEXT_COLUMNS:
        named[column] = neutralise(named[column])
    named["kind"] = kind
    return [named.get(column, "") for column in COLUMNS]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


# --- reading ---------------------------------------------------------------------------


def read_csv(stream: TextIO, reading: Reading) -> Iterator[Record]:
    """The valid entries of a CSV export, read row by row from ``stream``.

    A row's problems are noted in ``reading``; a sheet that is not CSV, lacks a header
    or has a row of the wrong length raises :class:`InvalidInput` at once.
    """
    lines = _lines(stream)
    first = next(lines, None)
    if first is None:
        raise InvalidInput.single("file", "is empty; expected a header row and entries")
    header = _header(first)
    for number, cells in enumerate(lines, start=2):
        if cells:  # a blank line carries no entry
            record = reading.entry(*_labelled(number, header, cells))
            if record is not None:
                yield record


def _lines(stream: TextIO) -> Iterator[list[str]]:
    reader = csv.reader(stream, strict=True)
    try:
        yield from reader
    except csv.Error as exc:
        where = f"near line {reader.line_num}"
        if "field larger than field limit" in str(exc):
            message = f"has a cell far too long {where}; a note holds at most 2000 characters"
        else:
            message = (
                f"is not valid CSV {where}: a quote is not closed, or stands inside a "
                "cell that does not start with one; check its quotes"
            )
        raise InvalidInput.single("file", message) from exc


def _header(cells: list[str]) -> list[str]:
    names = [cell.strip() for cell in cells]
    names[:1] = [name.removeprefix("\ufeff") for name in names[:1]]
    for name in names:
        if name not in COLUMNS:
            raise InvalidInput.single(
                f"row 1 (header) {name or '(empty)'}",
                "is not a column acumat knows; see `acumat export --format csv` for the columns",
            )
    if len(set(names)) != len(names):
        raise InvalidInput.single("row 1 (header)", "names a column twice")
    if "kind" not in names:
        raise InvalidInput.single(
            "row 1 (header) kind", "column is missing; each row needs its kind"
        )
    return names


def _labelled(number: int, header: list[str], cells: list[str]) -> LabelledRow:
    if len(cells) != len(header):
        raise InvalidInput.single(
            f"row {number}", f"has {len(cells)} cells but the header has {len(header)}"
        )
    values = dict(zip(header, cells, strict=True))
    kind = values.pop("kind").strip()
    raw = {_field(kind, c): _value(c, v) for c, v in values.items() if v.strip() != ""}
    return f"row {number} ({kind or 'no kind'})", kind, raw


def _value(column: str, cell: str) -> str | list[str]:
    if column in LIST_COLUMNS:
        return [word.strip() for word in cell.split(";") if word.strip()]
    if column in TEXT_COLUMNS:
        return unneutralise(cell)
    return cell
