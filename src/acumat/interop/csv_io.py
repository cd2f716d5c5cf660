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
    stopped_early, stop_reason, skin_reaction             mat-session fields
    care_kind        care: heat | cold | stretching | walking | other (the entry's ``kind``)
    minutes          care: minutes spent
    note             free text, any characters (quoted as CSV needs)
    created_at, updated_at   ISO-8601 instants in UTC ending in Z
    is_demo          true | false

Lists (``locations``, ``triggers``) are joined with ``;``; booleans are ``true`` or
``false``; an empty cell means null (or the field's default: an empty note or list).
Rows are ordered check-ins, episodes, sessions, care, each sorted as in the JSON export;
lines end with ``\\n``. When reading, "row N" is the line of the sheet as a spreadsheet
numbers it: the header is row 1, so the first entry is row 2.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from acumat.diary.schemas import ENTRY_KINDS, EntryKind
from acumat.errors import InvalidInput
from acumat.interop.records import (
    EntriesByKind,
    LabelledRow,
    Record,
    export_rows,
    read_rows,
)
from acumat.timecheck import TimeContext

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
    "care_kind",
    "minutes",
    "note",
    "created_at",
    "updated_at",
    "is_demo",
)
LIST_COLUMNS = frozenset({"locations", "triggers"})
CARE_KIND_COLUMN = "care_kind"  # ``kind`` already names the entry kind


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


def load_csv(text: str, time: TimeContext) -> list[Record]:
    """Every row of a CSV export, validated; :class:`InvalidInput` names row and field."""
    lines = _parse(text)
    if not lines:
        raise InvalidInput.single("file", "is empty; expected a header row and entries")
    header = _header(lines[0])
    rows: list[LabelledRow] = []
    for number, cells in enumerate(lines[1:], start=2):
        if cells:  # a blank line carries no entry
            rows.append(_labelled(number, header, cells))
    return read_rows(rows, time)


def _parse(text: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), strict=True)
    try:
        return list(reader)
    except csv.Error as exc:
        raise InvalidInput.single(
            "file", f"is not valid CSV near line {reader.line_num} ({exc}); check its quotes"
        ) from exc


def _header(cells: list[str]) -> list[str]:
    names = [cell.strip() for cell in cells]
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
    return cell
