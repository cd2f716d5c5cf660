"""acumat's JSON export: one document holding a person's whole diary and safety history.

    {"format": "acumat-export", "version": 3,
     "checkins": [...], "episodes": [...], "sessions": [...], "care": [...],
     "screenings": [...], "clinician_approvals": [...]}

Each diary entry holds its ``uuid``, every field of its ``…In`` schema (nulls included)
and then ``created_at``, ``updated_at`` and ``is_demo`` (see :mod:`acumat.interop.records`).

Each screening holds ``uuid``, ``taken_at``, ``origin``, ``complete``, ``answers`` (keys
sorted), ``urgency``, ``verdict``, ``reasons`` (``rule``, ``text``, ``action``,
``sources``, ``level``), ``ruleset_version`` and ``is_demo``, sorted by ``taken_at`` and
then by the order they were stored. A screening is kept as it was decided, with the
rule-set version that decided it; reading never re-evaluates it. Each clinician approval
holds ``uuid``, ``screening`` (the 1-based position, in ``screenings``, of the screening
it clears), ``clinician``, ``approved_on``, ``note`` and ``created_at``, sorted by
``created_at`` and then by the order they were stored. The uuids are the identities rows
keep in every database, so importing a file twice adds nothing the second time; no
database id is ever written. The CSV export holds the diary only; this is the format that
keeps everything.

The text is deterministic: keys in that order, entries sorted, instants in UTC with
``Z``, two-space indent, UTF-8 characters kept as they are, one trailing newline. So an
export, imported into an empty database and exported again, gives the same bytes.

Version 2 (no uuids) and version 1 documents (the diary lists only) are still read; their
rows are new entries with new uuids. A document is read as a stream, one row at a time
(:mod:`acumat.interop.json_stream`), so ``format`` and ``version`` must come before the
lists, as every export writes them. When reading, "row N" counts from 1 within each
list, e.g. ``row 3 (episode)`` is the third entry of ``episodes`` and ``row 2
(screening)`` the second of ``screenings``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from acumat.errors import InvalidInput, Problem
from acumat.interop.json_stream import Cursor, NotAnObject, Part, members
from acumat.interop.records import (
    EntriesByKind,
    Reading,
    Record,
    export_rows,
    format_instant,
)
from acumat.kinds import ENTRY_KINDS, LIST_NAMES, EntryKind
from acumat.safety.levels import Verdict
from acumat.safety.schemas import ApprovalRecord, ScreeningRecord

FORMAT_NAME = "acumat-export"
VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
HEADER = ("format", "version")
DIARY_LISTS = tuple(LIST_NAMES.values())
SAFETY_LISTS = ("screenings", "clinician_approvals")
TOP_LEVEL = {
    1: (*HEADER, *DIARY_LISTS),
    2: (*HEADER, *DIARY_LISTS, *SAFETY_LISTS),
    3: (*HEADER, *DIARY_LISTS, *SAFETY_LISTS),
}
KIND_OF_LIST: dict[str, EntryKind] = {name: kind for kind, name in LIST_NAMES.items()}
REASON_FIELDS = ("rule", "text", "action", "sources", "level")


@dataclass(frozen=True)
class StoredSafety:
    """A person's screenings and approvals as stored, as plain mappings of their columns.

    Screenings carry ``id`` and ``uuid``; approvals carry ``id``, ``uuid`` and
    ``screening_id``. The ids only order the rows and link them; they are never written.
    """

    screenings: Sequence[Mapping[str, Any]] = ()
    approvals: Sequence[Mapping[str, Any]] = ()


@dataclass(frozen=True)
class ScreeningRow:
    """A validated screening read from a file, with its 1-based position in ``screenings``."""

    label: str
    position: int
    record: ScreeningRecord


@dataclass(frozen=True)
class ApprovalRow:
    """A validated clinician approval read from a file; ``record.screening`` is the position
    of the screening it clears, which the file holds with a ``caution-consult`` verdict."""

    label: str
    record: ApprovalRecord


Item = Record | ScreeningRow | ApprovalRow


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
        "screenings": [screening_row(row) for row in screenings],
        "clinician_approvals": [_approval_row(row, position) for row in approvals],
    }


def screening_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One screening as the export writes it (also how two are compared)."""
    return {
        "uuid": row["uuid"],
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
    return {"uuid": row["uuid"], **approval_content(row, position[row["screening_id"]])}


def approval_content(row: Mapping[str, Any], screening: object) -> dict[str, Any]:
    """An approval's fields as the export writes them, clearing ``screening`` (a position
    in a file, or a screening's uuid when comparing a file's approval with a stored one)."""
    approved_on: date = row["approved_on"]
    return {
        "screening": screening,
        "clinician": row["clinician"],
        "approved_on": approved_on.isoformat(),
        "note": row["note"],
        "created_at": format_instant(row["created_at"]),
    }


# --- reading ---------------------------------------------------------------------------


def read_json(stream: TextIO, reading: Reading) -> Iterator[Item]:
    """The valid rows of an export document, read one at a time from ``stream``.

    Diary entries and screenings come in file order, then the approvals (whose links to
    screenings are checked once every screening has been read). A row's problems are
    noted in ``reading``; a document that is not JSON, not an acumat export or not a
    version this acumat reads raises :class:`InvalidInput` at once.
    """
    document = _Document(reading)
    try:
        for key, part, value in members(Cursor(stream)):
            yield from document.take(key, part, value)
    except NotAnObject:
        raise _not_an_export() from None
    document.require_header()
    yield from document.approvals()


class _Document:
    """What has been read of one document: its header, and what its rows need later."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.header: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.count: dict[str, int] = {}
        self.verdicts: list[str | None] = []  # each screening's, by position
        self.waiting: list[ApprovalRow] = []

    def take(self, key: str, part: Part, value: Any) -> Iterator[Item]:
        """The rows one member of the document gives (none for the header)."""
        if part is Part.ITEM:
            yield from self._row(key, value)
            return
        if key in self.seen:
            raise InvalidInput.single(key, "appears twice; an export names each part once")
        self.seen.add(key)
        if key in HEADER:
            self._header(key, value)
            return
        expected = TOP_LEVEL[self.require_header()]
        if key not in expected:
            raise InvalidInput.single(
                key,
                f"is not part of a version {self.header['version']} acumat export; "
                f"expected {', '.join(expected)}",
            )
        if part is not Part.LIST:
            raise InvalidInput.single(key, "must be a list of entries")

    def require_header(self) -> int:
        """The document's version, once ``format`` and ``version`` have both been read."""
        if "format" not in self.header:
            raise _not_an_export()
        if "version" not in self.header:
            raise _bad_version()
        version: int = self.header["version"]
        return version

    def approvals(self) -> Iterator[ApprovalRow]:
        """The approvals whose screening the file holds, with a ``caution-consult`` verdict."""
        for row in self.waiting:
            problems = _link_problems(row.label, row.record.screening, self.verdicts)
            self.reading.problems.add(problems)
            if not problems:
                yield row

    def _header(self, key: str, value: Any) -> None:
        if key == "format" and value != FORMAT_NAME:
            raise _not_an_export()
        if key == "version" and (type(value) is not int or value not in READABLE_VERSIONS):
            raise _bad_version()
        self.header[key] = value

    def _row(self, key: str, raw: object) -> Iterator[Item]:
        n = self.count[key] = self.count.get(key, 0) + 1
        reading = self.reading
        if key in KIND_OF_LIST:
            kind = KIND_OF_LIST[key]
            record = reading.entry(f"row {n} ({kind})", kind, raw)
            if record is not None:
                yield record
        elif key == "screenings":
            label = f"row {n} (screening)"
            screening = reading.parse(ScreeningRecord, label, raw)
            self.verdicts.append(None if screening is None else screening.verdict)
            if screening is not None and reading.identity(label, "screening", screening.uuid):
                yield ScreeningRow(label, n, screening)
        else:
            label = f"row {n} (clinician_approval)"
            approval = reading.parse(ApprovalRecord, label, raw)
            if approval is not None and reading.identity(label, "approval", approval.uuid):
                self.waiting.append(ApprovalRow(label, approval))


def _not_an_export() -> InvalidInput:
    return InvalidInput.single(
        "format",
        f'must be "{FORMAT_NAME}", given first: this file is not an acumat JSON export',
    )


def _bad_version() -> InvalidInput:
    readable = ", ".join(str(v) for v in READABLE_VERSIONS[:-1])
    return InvalidInput.single(
        "version",
        f"must be {readable} or {VERSION}, given before the lists; this acumat reads "
        f"versions 1 to {VERSION} of its exports",
    )


def _link_problems(label: str, index: int, verdicts: Sequence[str | None]) -> list[Problem]:
    """An approval must point at a ``caution-consult`` screening of the same file: an
    approval of anything else could clear a caution no clinician has seen."""
    field_name = f"{label} screening"
    if not verdicts:
        return [Problem(field_name, f"points at screening {index}, but the file has none")]
    if index > len(verdicts):
        message = (
            f"must be from 1 to {len(verdicts)}, the position of a screening in this "
            f"file's screenings list (got {index})"
        )
        return [Problem(field_name, message)]
    verdict = verdicts[index - 1]
    if verdict is not None and verdict != Verdict.CAUTION_CONSULT:
        return [
            Problem(
                field_name,
                f"points at screening {index}, whose verdict is {verdict}; a clinician's "
                "approval only clears a caution-consult verdict",
            )
        ]
    return []
