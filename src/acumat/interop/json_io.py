"""acumat's JSON export: one document holding a person's whole diary and safety history.

    {"format": "acumat-export", "version": 2,
     "checkins": [...], "episodes": [...], "sessions": [...], "care": [...],
     "screenings": [...], "clinician_approvals": [...]}

Each diary entry holds every field of its ``…In`` schema (nulls included) and then
``created_at``, ``updated_at`` and ``is_demo`` (see :mod:`acumat.interop.records`).

Each screening holds ``taken_at``, ``origin``, ``complete``, ``answers`` (keys sorted),
``urgency``, ``verdict``, ``reasons`` (``rule``, ``text``, ``action``, ``sources``,
``level``), ``ruleset_version`` and ``is_demo``, sorted by ``taken_at`` and then by the
order they were stored. A screening is kept as it was decided, with the rule-set version
that decided it; reading never re-evaluates it. Each clinician approval holds
``screening`` (the 1-based position, in ``screenings``, of the screening it clears),
``clinician``, ``approved_on``, ``note`` and ``created_at``, sorted by ``created_at`` and
then by the order they were stored. No database id is ever written. The CSV export holds
the diary only; this is the format that keeps everything.

The text is deterministic: keys in that order, entries sorted, instants in UTC with
``Z``, two-space indent, UTF-8 characters kept as they are, one trailing newline. So an
export, imported into an empty database and exported again, gives the same bytes.

Version 1 documents (the diary lists only) are still read. When reading, "row N" counts
from 1 within each list, e.g. ``row 3 (episode)`` is the third entry of ``episodes`` and
``row 2 (screening)`` the second of ``screenings``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel

from acumat.diary.schemas import ENTRY_KINDS
from acumat.errors import InvalidInput, Problem
from acumat.interop.records import (
    LIST_NAMES,
    EntriesByKind,
    LabelledRow,
    Record,
    capped,
    check_rows,
    export_rows,
    format_instant,
)
from acumat.safety.levels import Verdict
from acumat.safety.schemas import ApprovalRecord, ScreeningRecord
from acumat.timecheck import TimeContext
from acumat.validation import parse

FORMAT_NAME = "acumat-export"
VERSION = 2
READABLE_VERSIONS = (1, 2)
DIARY_LISTS = tuple(LIST_NAMES.values())
SAFETY_LISTS = ("screenings", "clinician_approvals")
TOP_LEVEL = {
    1: ("format", "version", *DIARY_LISTS),
    2: ("format", "version", *DIARY_LISTS, *SAFETY_LISTS),
}
REASON_FIELDS = ("rule", "text", "action", "sources", "level")
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class StoredSafety:
    """A person's screenings and approvals as stored, as plain mappings of their columns.

    Screenings carry ``id``; approvals carry ``id`` and ``screening_id``. The ids only
    order the rows and link them; they are never written.
    """

    screenings: Sequence[Mapping[str, Any]] = ()
    approvals: Sequence[Mapping[str, Any]] = ()


@dataclass(frozen=True)
class SafetyRecords:
    """Validated screenings and approvals, in file order; ``approval.screening`` is a
    1-based position in ``screenings``."""

    screenings: list[ScreeningRecord] = field(default_factory=list)
    approvals: list[ApprovalRecord] = field(default_factory=list)


@dataclass(frozen=True)
class ExportContents:
    """Everything a file holds, validated and ready to store."""

    entries: list[Record]
    safety: SafetyRecords = field(default_factory=SafetyRecords)


# --- writing ---------------------------------------------------------------------------


def dump_json(entries: EntriesByKind, safety: StoredSafety | None = None) -> str:
    """The export document for ``entries`` (Out models or dicts, keyed by entry kind) and
    the stored ``safety`` history (none: empty lists)."""
    rows = export_rows(entries)
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": VERSION}
    for kind in ENTRY_KINDS:
        document[LIST_NAMES[kind]] = rows[kind]
    document.update(safety_rows(safety or StoredSafety()))
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def safety_rows(safety: StoredSafety) -> dict[str, list[dict[str, Any]]]:
    """The ``screenings`` and ``clinician_approvals`` lists, sorted, ids replaced by positions.

    An approval whose screening is not among ``safety.screenings`` is a broken store, not
    bad input, so it raises :class:`LookupError` rather than writing a dangling link.
    """
    screenings = sorted(safety.screenings, key=lambda row: (row["taken_at"], row["id"]))
    position = {row["id"]: n for n, row in enumerate(screenings, 1)}
    approvals = sorted(safety.approvals, key=lambda row: (row["created_at"], row["id"]))
    return {
        "screenings": [_screening_row(row) for row in screenings],
        "clinician_approvals": [_approval_row(row, position) for row in approvals],
    }


def _screening_row(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "taken_at": format_instant(row["taken_at"]),
        "origin": row["origin"],
        "complete": row["complete"],
        "answers": dict(sorted(row["answers"].items())),
        "urgency": row["urgency"],
        "verdict": row["verdict"],
        "reasons": [_reason_row(reason) for reason in row["reasons"]],
        "ruleset_version": row["ruleset_version"],
        "is_demo": row["is_demo"],
    }


def _reason_row(reason: Mapping[str, Any]) -> dict[str, Any]:
    return {name: reason.get(name, "") for name in REASON_FIELDS}


def _approval_row(row: Mapping[str, Any], position: Mapping[int, int]) -> dict[str, Any]:
    if row["screening_id"] not in position:
        raise LookupError(f"approval {row['id']} clears screening {row['screening_id']}, not held")
    return {
        "screening": position[row["screening_id"]],
        "clinician": row["clinician"],
        "approved_on": row["approved_on"].isoformat(),
        "note": row["note"],
        "created_at": format_instant(row["created_at"]),
    }


# --- reading ---------------------------------------------------------------------------


def load_json(text: str, time: TimeContext) -> ExportContents:
    """Every entry, screening and approval of an export document, validated.

    One :class:`InvalidInput` names every problem of every row (capped), e.g.
    ``row 2 (screening) urgency: …``.
    """
    document = _document(text)
    entries, problems = check_rows(_labelled_rows(document), time)
    safety = _safety_records(document, problems, time)
    if problems:
        raise InvalidInput(capped(problems))
    return ExportContents(entries, safety)


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
    version = document.get("version")
    if type(version) is not int or version not in READABLE_VERSIONS:
        raise InvalidInput.single(
            "version", f"must be 1 or 2; this acumat reads version 1 and {VERSION} exports"
        )
    expected = TOP_LEVEL[version]
    unknown = [key for key in document if key not in expected]
    if unknown:
        raise InvalidInput.single(
            unknown[0],
            f"is not part of a version {version} acumat export; expected {', '.join(expected)}",
        )


def _list(document: dict[str, Any], name: str) -> list[Any]:
    items = document.get(name, [])
    if not isinstance(items, list):
        raise InvalidInput.single(name, "must be a list of entries")
    return items


def _labelled_rows(document: dict[str, Any]) -> list[LabelledRow]:
    rows: list[LabelledRow] = []
    for kind in ENTRY_KINDS:
        items = _list(document, LIST_NAMES[kind])
        rows.extend((f"row {n} ({kind})", kind, item) for n, item in enumerate(items, 1))
    return rows


def _safety_records(
    document: dict[str, Any], problems: list[Problem], time: TimeContext
) -> SafetyRecords:
    """Validate both safety lists, adding every problem to ``problems``."""
    raw_screenings = _list(document, "screenings")
    raw_approvals = _list(document, "clinician_approvals")
    screenings = [
        _parse_row(ScreeningRecord, f"row {n} (screening)", raw, problems, time)
        for n, raw in enumerate(raw_screenings, 1)
    ]
    approvals = []
    for n, raw in enumerate(raw_approvals, 1):
        label = f"row {n} (clinician_approval)"
        approval = _parse_row(ApprovalRecord, label, raw, problems, time)
        if approval is not None:
            problems.extend(_link_problems(label, approval.screening, screenings))
            approvals.append(approval)
    return SafetyRecords([s for s in screenings if s is not None], approvals)


def _parse_row(
    schema: type[M], label: str, raw: object, problems: list[Problem], time: TimeContext
) -> M | None:
    if not isinstance(raw, dict):
        problems.append(Problem(label, "must be an object holding the row's fields"))
        return None
    try:
        return parse(schema, raw, time)
    except InvalidInput as exc:
        problems.extend(Problem(f"{label} {p.field}", p.message) for p in exc.problems)
        return None


def _link_problems(
    label: str, index: int, screenings: Sequence[ScreeningRecord | None]
) -> list[Problem]:
    """An approval must point at a ``caution-consult`` screening of the same file: an
    approval of anything else could clear a caution no clinician has seen."""
    field_name = f"{label} screening"
    if not screenings:
        return [Problem(field_name, f"points at screening {index}, but the file has none")]
    if index > len(screenings):
        message = (
            f"must be from 1 to {len(screenings)}, the position of a screening in this "
            f"file's screenings list (got {index})"
        )
        return [Problem(field_name, message)]
    target = screenings[index - 1]
    if target is not None and target.verdict != Verdict.CAUTION_CONSULT:
        return [
            Problem(
                field_name,
                f"points at screening {index}, whose verdict is {target.verdict}; a clinician's "
                "approval only clears a caution-consult verdict",
            )
        ]
    return []
