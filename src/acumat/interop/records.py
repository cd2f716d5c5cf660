"""The shape of one exported diary entry, shared by the CSV and JSON formats.

An exported entry holds its ``uuid`` (the identity it keeps in every database), every
field of its ``…In`` schema in schema order, then ``created_at``, ``updated_at`` and
``is_demo``. The database id and the owner are never exported, so a file can be imported
into any database for any person. Reading validates every row with the same ``…In``
schemas the diary uses, so an import can only store what a person could have typed in.
A row without a ``uuid`` (files from before version 3, or made by hand) is a new entry.

Files are read as a stream: :class:`Reading` validates one row at a time and remembers
only the problems, the check-in days and the identities it has seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict

from acumat.diary.schemas import INPUT_SCHEMAS, CheckInIn
from acumat.errors import InvalidInput, Problem
from acumat.kinds import ENTRY_KINDS, EntryKind
from acumat.timecheck import TimeContext, instant_in_window
from acumat.validation import Identity, parse

ID_FIELD = "uuid"
STAMP_FIELDS = ("created_at", "updated_at", "is_demo")
RECORD_FIELDS = (ID_FIELD, *STAMP_FIELDS)
"""The fields an exported entry holds besides its ``…In`` schema's."""
MAX_PROBLEMS = 20
M = TypeVar("M", bound=BaseModel)

Entry = BaseModel | Mapping[str, Any]
EntriesByKind = Mapping[EntryKind, Sequence[Entry]]
LabelledRow = tuple[str, str, object]
"""``(label, kind, raw)``: where a row came from (``row 7 (episode)``), its kind, its data."""
Instant = Annotated[AwareDatetime, AfterValidator(instant_in_window)]


def export_fields(kind: EntryKind) -> tuple[str, ...]:
    """The fields of an exported entry of ``kind``, in file order."""
    return (ID_FIELD, *INPUT_SCHEMAS[kind].model_fields, *STAMP_FIELDS)


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


def plain_row(kind: EntryKind, values: Mapping[str, Any]) -> dict[str, Any]:
    """One entry as an export writes it: plain values (text, numbers, lists) in file order."""
    return {name: _plain(values.get(name)) for name in export_fields(kind)}


def _sorted_rows(kind: EntryKind, entries: Sequence[Entry]) -> list[dict[str, Any]]:
    first = "day" if kind == "checkin" else "started_at"
    keyed = []
    for entry in entries:
        values = entry.model_dump() if isinstance(entry, BaseModel) else dict(entry)
        plain = plain_row(kind, values)
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
    """An entry's identity, when it was first written and last edited, and whether it is
    demo data; each may be left out of a file."""

    model_config = ConfigDict(extra="forbid")

    uuid: Identity | None = None
    created_at: Instant | None = None
    updated_at: Instant | None = None
    is_demo: bool = False


@dataclass(frozen=True)
class Record:
    """One validated entry read from a file, ready to be stored as it was exported."""

    kind: EntryKind
    entry: BaseModel
    stamps: Stamps
    label: str = ""

    @property
    def uuid(self) -> str | None:
        """The identity the file gives, or ``None`` for a new entry."""
        return self.stamps.uuid

    def values(self, now: datetime) -> dict[str, Any]:
        """Column values for the store; missing timestamps become ``now``.

        ``uuid`` is ``None`` when the file gives none: the caller gives the entry a new one.
        """
        created = self.stamps.created_at or now
        return {
            **self.entry.model_dump(),
            "uuid": self.stamps.uuid,
            "created_at": created,
            "updated_at": self.stamps.updated_at or created,
            "is_demo": self.stamps.is_demo,
        }

    def matches(self, stored: Mapping[str, Any]) -> bool:
        """Whether a stored entry (its column values) says what this row says: every field,
        the demo flag, and the timestamps the file gives."""
        given = self.stamps.model_dump(include={"created_at", "updated_at"}, exclude_none=True)
        mine = {**self.entry.model_dump(), "is_demo": self.stamps.is_demo, **given}
        return all(_plain(value) == _plain(stored.get(name)) for name, value in mine.items())


class Problems:
    """What is wrong with a file: the first :data:`MAX_PROBLEMS` problems, then a count."""

    def __init__(self) -> None:
        self._kept: list[Problem] = []
        self._more = 0

    def __bool__(self) -> bool:
        return bool(self._kept)

    def add(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            if len(self._kept) < MAX_PROBLEMS:
                self._kept.append(problem)
            else:
                self._more += 1

    def listed(self) -> list[Problem]:
        """The kept problems, and one more saying how many were left out."""
        more = [Problem("", f"and {self._more} more problems")] if self._more else []
        return [*self._kept, *more]

    def refuse(self) -> None:
        """Raise one :class:`InvalidInput` naming the problems, if there are any."""
        if self:
            raise InvalidInput(self.listed())


class Reading:
    """Validates the rows of one file as they stream past.

    Problems are collected, not raised, so one refusal names the problems of every row;
    each problem's field starts with the row's label, e.g. ``row 7 (episode) pain``. A
    check-in day, or an identity within one kind, that appears twice is a problem too: a
    diary holds one check-in per day, and one entry per identity.
    """

    def __init__(self, time: TimeContext) -> None:
        self.time = time
        self.problems = Problems()
        self._days: set[date] = set()
        self._identities: dict[str, set[str]] = {}

    def entry(self, label: str, kind: str, raw: object) -> Record | None:
        """The row as a validated :class:`Record`, or ``None`` with its problems noted."""
        try:
            record = _read_row(label, kind, raw, self.time)
        except InvalidInput as exc:
            self.problems.add(exc.problems)
            return None
        fresh = self.identity(label, record.kind, record.uuid)
        if isinstance(record.entry, CheckInIn) and not self._new_day(label, record.entry.day):
            return None
        return record if fresh else None

    def parse(self, schema: type[M], label: str, raw: object) -> M | None:
        """``raw`` validated against ``schema``, or ``None`` with its problems noted."""
        if not isinstance(raw, dict):
            self.problems.add([Problem(label, "must be an object holding the row's fields")])
            return None
        try:
            return parse(schema, raw, self.time)
        except InvalidInput as exc:
            self.problems.add(Problem(f"{label} {p.field}", p.message) for p in exc.problems)
            return None

    def identity(self, label: str, group: str, uuid: str | None) -> bool:
        """Note ``uuid`` as seen among ``group``'s rows; ``False`` if it was seen before."""
        if uuid is None:
            return True
        seen = self._identities.setdefault(group, set())
        if uuid in seen:
            message = f"{uuid} appears more than once; each entry keeps its own uuid"
            self.problems.add([Problem(f"{label} uuid", message)])
            return False
        seen.add(uuid)
        return True

    def _new_day(self, label: str, day: date) -> bool:
        if day in self._days:
            message = f"{day.isoformat()} appears more than once; keep one check-in per day"
            self.problems.add([Problem(f"{label} day", message)])
            return False
        self._days.add(day)
        return True


def _read_row(label: str, kind: str, raw: object, time: TimeContext) -> Record:
    if kind not in INPUT_SCHEMAS:
        allowed = ", ".join(ENTRY_KINDS)
        raise InvalidInput.single(f"{label} kind", f"must be one of: {allowed}")
    if not isinstance(raw, dict):
        raise InvalidInput.single(label, "must be an object holding the entry's fields")
    fields = {k: v for k, v in raw.items() if k not in RECORD_FIELDS}
    stamps = {k: v for k, v in raw.items() if k in RECORD_FIELDS}
    problems: list[Problem] = []
    entry = _parse_or_collect(INPUT_SCHEMAS[kind], fields, problems, time)
    stamp = _parse_or_collect(Stamps, stamps, problems, time)
    if entry is None or stamp is None:
        raise InvalidInput([Problem(f"{label} {p.field}", p.message) for p in problems])
    return Record(kind, entry, stamp, label)


def _parse_or_collect(
    schema: type[M], raw: dict[str, Any], problems: list[Problem], time: TimeContext
) -> M | None:
    try:
        return parse(schema, raw, time)
    except InvalidInput as exc:
        problems.extend(exc.problems)
        return None
