"""acumat's JSON export: one document holding a person's whole diary.

    {"format": "acumat-export", "version": 1,
     "checkins": [...], "episodes": [...], "sessions": [...], "care": [...]}

Each entry holds every field of its ``…In`` schema (nulls included) and then
``created_at``, ``updated_at`` and ``is_demo`` (see :mod:`acumat.interop.records`).
The text is deterministic: keys in that order, entries sorted, instants in UTC with
``Z``, two-space indent, UTF-8 characters kept as they are, one trailing newline. So an
export, imported into an empty database and exported again, gives the same bytes.

When reading, "row N" counts from 1 within each list, e.g. ``row 3 (episode)`` is the
third entry of ``episodes``.
"""

from __future__ import annotations

import json
from typing import Any

from acumat.diary.schemas import ENTRY_KINDS
from acumat.errors import InvalidInput
from acumat.interop.records import (
    LIST_NAMES,
    EntriesByKind,
    LabelledRow,
    Record,
    export_rows,
    read_rows,
)

FORMAT_NAME = "acumat-export"
VERSION = 1
TOP_LEVEL = ("format", "version", *LIST_NAMES.values())


def dump_json(entries: EntriesByKind) -> str:
    """The export document for ``entries`` (Out models or dicts, keyed by entry kind)."""
    rows = export_rows(entries)
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": VERSION}
    for kind in ENTRY_KINDS:
        document[LIST_NAMES[kind]] = rows[kind]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def load_json(text: str) -> list[Record]:
    """Every entry of an export document, validated; :class:`InvalidInput` names each problem."""
    return read_rows(_labelled_rows(_document(text)))


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number acumat accepts")


def _document(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}"
        raise InvalidInput.single(
            "file", f"is not valid JSON ({exc.msg} at {where}); fix that spot or export again"
        ) from exc
    except ValueError as exc:
        raise InvalidInput.single("file", str(exc)) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InvalidInput.single(
            "format", f'must be "{FORMAT_NAME}": this file is not an acumat JSON export'
        )
    _check_header(document)
    return document


def _check_header(document: dict[str, Any]) -> None:
    if document.get("version") != VERSION:
        raise InvalidInput.single(
            "version", f"must be {VERSION}; this acumat reads version {VERSION} exports"
        )
    unknown = [key for key in document if key not in TOP_LEVEL]
    if unknown:
        raise InvalidInput.single(
            unknown[0], f"is not part of an acumat export; expected {', '.join(TOP_LEVEL)}"
        )


def _labelled_rows(document: dict[str, Any]) -> list[LabelledRow]:
    rows: list[LabelledRow] = []
    for kind in ENTRY_KINDS:
        items = document.get(LIST_NAMES[kind], [])
        if not isinstance(items, list):
            raise InvalidInput.single(LIST_NAMES[kind], "must be a list of entries")
        rows.extend((f"row {n} ({kind})", kind, item) for n, item in enumerate(items, 1))
    return rows
