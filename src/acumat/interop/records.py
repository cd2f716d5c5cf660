"""The shape of one exported diary entry, shared by the CSV and JSON formats.

An exported entry holds every field of its ``…In`` schema, in schema order, followed by
``created_at``, ``updated_at`` and ``is_demo``. The database id and the owner are never
exported, so a file can be imported into any database for any person. Reading validates
every row with the same ``…In`` schemas the diary uses, so an import can only store
what a person could have typed in.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from pydantic import AwareDatetime, BaseModel, ConfigDict

from acumat.diary.schemas import ENTRY_KINDS, INPUT_SCHEMAS, CheckInIn, EntryKind
from acumat.errors import InvalidInput, Problem
from acumat.timecheck import TimeContext
from acumat.validation import parse

LIST_NAMES: dict[EntryKind, str] = {
    "checkin": "checkins",
    "episode": "episodes",
    "session": "sessions",
    "care": "care",
}
STAMP_FIELDS = ("created_at", "updated_at", "is_demo")
MAX_PROBLEMS = 20
M = TypeVar("M", bound=BaseModel)

Entry = BaseModel | Mapping[str, Any]
EntriesByKind = Mapping[EntryKind, Sequence[Entry]]
LabelledRow = tuple[str, str, object]
"""``(label, kind, raw)``: where a row came from (``row 7 (episode)``), its kind, its data."""


def export_fields(kind: EntryKind) -> tuple[str, ...]:
    """The fields of an exported entry of ``kind``, in file order."""
    return (*INPUT_SCHEMAS[kind].model_fields, *STAMP_FIELDS)


def format_instant(value: datetime) -> str:
    """ISO-8601 in UTC with a ``Z``; microseconds only when there are any."""
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


# --- writing ---------------------------------------------------------------------------


def export_rows(entries: EntriesByKind) -> dict[EntryKind, list[dict[str, Any]]]:
    """Each kind's entries as plain, ordered dicts, sorted so the file is deterministic.

    Check-ins sort by day, the others by ``started_at``, then ``created_at``, then their
    whole content, so the order never depends on database ids.
    """
    return {kind: _sorted_rows(kind, entries.get(kind, ())) for kind in ENTRY_KINDS}


def _sorted_rows(kind: EntryKind, entries: Sequence[Entry]) -> list[dict[str, Any]]:
    first = "day" if kind == "checkin" else "started_at"
    fields = export_fields(kind)
    keyed = []
    for entry in entries:
        values = entry.model_dump() if isinstance(entry, BaseModel) else dict(entry)
        plain = {name: _plain(values.get(name)) for name in fields}
        canonical = json.dumps(plain, ensure_ascii=False)
        keyed.append(((values[first], values["created_at"], canonical), plain))
    keyed.sort(key=lambda pair: pair[0])
    return [plain for _, plain in keyed]


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return format_instant(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return list(value)
    return value


# --- reading ---------------------------------------------------------------------------


class Stamps(BaseModel):
    """When an entry was first written and last edited, and whether it is demo data."""

    model_config = ConfigDict(extra="forbid")

    created_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    is_demo: bool = False


@dataclass(frozen=True)
class Record:
    """One validated entry read from a file, ready to be stored as it was exported."""

    kind: EntryKind
    entry: BaseModel
    stamps: Stamps

    def values(self, now: datetime) -> dict[str, Any]:
        """Column values for the store; missing timestamps become ``now``."""
        created = self.stamps.created_at or now
        return {
            **self.entry.model_dump(),
            "created_at": created,
            "updated_at": self.stamps.updated_at or created,
            "is_demo": self.stamps.is_demo,
        }


def read_rows(rows: Iterable[LabelledRow], time: TimeContext) -> list[Record]:
    """Validate every row; raise one :class:`InvalidInput` listing the problems of all rows.

    Each problem's field is prefixed with the row's label, e.g. ``row 7 (episode) pain``.
    A check-in day that appears twice is refused too: a diary holds one check-in per day.
    """
    records, problems = check_rows(rows, time)
    if problems:
        raise InvalidInput(capped(problems))
    return records


def check_rows(
    rows: Iterable[LabelledRow], time: TimeContext
) -> tuple[list[Record], list[Problem]]:
    """The valid rows and every problem found (uncapped), for callers that check more."""
    read: list[tuple[str, Record]] = []
    problems: list[Problem] = []
    for label, kind, raw in rows:
        try:
            read.append((label, _read_row(label, kind, raw, time)))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    problems.extend(_repeated_days(read))
    return [record for _, record in read], problems


def _read_row(label: str, kind: str, raw: object, time: TimeContext) -> Record:
    if kind not in INPUT_SCHEMAS:
        allowed = ", ".join(ENTRY_KINDS)
        raise InvalidInput.single(f"{label} kind", f"must be one of: {allowed}")
    if not isinstance(raw, dict):
        raise InvalidInput.single(label, "must be an object holding the entry's fields")
    fields = {k: v for k, v in raw.items() if k not in STAMP_FIELDS}
    stamps = {k: v for k, v in raw.items() if k in STAMP_FIELDS}
    problems: list[Problem] = []
    entry = _parse_or_collect(INPUT_SCHEMAS[kind], fields, problems, time)
    stamp = _parse_or_collect(Stamps, stamps, problems, time)
    if entry is None or stamp is None:
        raise InvalidInput([Problem(f"{label} {p.field}", p.message) for p in problems])
    return Record(kind, entry, stamp)


def _parse_or_collect(
    schema: type[M], raw: dict[str, Any], problems: list[Problem], time: TimeContext
) -> M | None:
    try:
        return parse(schema, raw, time)
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None


def _repeated_days(read: list[tuple[str, Record]]) -> list[Problem]:
    seen: set[date] = set()
    problems = []
    for label, record in read:
        if not isinstance(record.entry, CheckInIn):
            continue
        day = record.entry.day
        if day in seen:
            message = f"{day.isoformat()} appears more than once; keep one check-in per day"
            problems.append(Problem(f"{label} day", message))
        seen.add(day)
    return problems


def capped(problems: list[Problem]) -> list[Problem]:
    """At most :data:`MAX_PROBLEMS` problems, then one saying how many more there were."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem("", f"and {rest} more problems")]
