"""Writing the rows of an import file into one person's diary: by identity, in batches.

An :class:`ImportRun` works inside the caller's transaction. Rows arrive validated, one
at a time, and are written in batches of :data:`BATCH`. Each row is matched by its
identity (uuid) with what the person already has: the same content is *already present*
and skipped; different content is a *changed* row, never overwritten and never added a
second time. A new check-in for a day the diary already has *clashes*.
:meth:`ImportRun.finish` refuses the import (:class:`Conflict`) naming the changed rows
and clashing days; the caller's transaction then rolls back, so nothing is written.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from acumat.errors import Conflict
from acumat.interop.json_io import (
    ApprovalRow,
    Item,
    ScreeningRow,
    approval_content,
    screening_row,
)
from acumat.interop.records import Record
from acumat.kinds import ENTRY_KINDS, LIST_NAMES, EntryKind
from acumat.store.models import ENTRY_MODELS, new_uuid
from acumat.store.repos import DiaryRepo, SafetyRepo

BATCH = 500
SHOWN = 10  # changed rows named in a refusal; the rest are counted


class ImportRun:
    """One import's writes, and what it found: new rows, rows already present, conflicts."""

    def __init__(self, session: Session, user_id: int, now: datetime) -> None:
        self.diary = DiaryRepo(session, user_id)
        self.safety = SafetyRepo(session, user_id)
        self.now = now
        self.new: Counter[str] = Counter()  # by export list name: checkins, screenings, …
        self.present: Counter[str] = Counter()
        self.changed: list[str] = []  # the first SHOWN changed rows' labels
        self.changed_count = 0
        self.clashes: list[date] = []
        self._taken = self.diary.checkin_days()
        self._entries: dict[EntryKind, list[Record]] = {kind: [] for kind in ENTRY_KINDS}
        self._screenings: list[ScreeningRow] = []
        self._stored: dict[int, tuple[int, str]] = {}  # screening position: (id, uuid)

    def add(self, item: Item) -> None:
        """Take one row; it is written with its batch."""
        if isinstance(item, Record):
            pending = self._entries[item.kind]
            pending.append(item)
            if len(pending) >= BATCH:
                self._write_entries(item.kind)
        elif isinstance(item, ScreeningRow):
            self._screenings.append(item)
            if len(self._screenings) >= BATCH:
                self._write_screenings()
        else:
            self._write_screenings()  # an approval needs the screening it clears stored
            self._write_approval(item)

    def finish(self) -> None:
        """Write what is still waiting; :class:`Conflict` if any row changed or clashed."""
        for kind in ENTRY_KINDS:
            self._write_entries(kind)
        self._write_screenings()
        if self.changed_count or self.clashes:
            raise Conflict(refusal(self.changed, self.changed_count, self.clashes))

    def _write_entries(self, kind: EntryKind) -> None:
        records, self._entries[kind] = self._entries[kind], []
        model = ENTRY_MODELS[kind]
        known = {row.uuid: row for row in self.diary.with_uuids(model, _uuids(records))}
        fresh = []
        for record in records:
            stored = known.get(record.uuid) if record.uuid else None
            if stored is not None:
                self._compared(LIST_NAMES[kind], record.label, record.matches(columns(stored)))
            elif (values := self._new_entry(record)) is not None:
                fresh.append(values)
        self.diary.insert_many(model, fresh)
        self.new[LIST_NAMES[kind]] += len(fresh)

    def _new_entry(self, record: Record) -> dict[str, Any] | None:
        values = record.values(self.now)
        values["uuid"] = values["uuid"] or new_uuid()
        if record.kind == "checkin":
            if values["day"] in self._taken:
                self.clashes.append(values["day"])
                return None
            self._taken.add(values["day"])
        return values

    def _write_screenings(self) -> None:
        rows, self._screenings = self._screenings, []
        uuids = [row.record.uuid for row in rows if row.record.uuid]
        known = {s.uuid: s for s in self.safety.screenings_with_uuids(uuids)}
        for row in rows:
            values = row.record.model_dump()
            stored = known.get(values["uuid"]) if values["uuid"] else None
            if stored is not None:
                same = screening_row(columns(stored)) == screening_row(values)
                self._compared("screenings", row.label, same)
                if same:
                    self._stored[row.position] = (stored.id, stored.uuid)
                continue
            values["uuid"] = values["uuid"] or new_uuid()
            added = self.safety.add_screening(values)
            self._stored[row.position] = (added.id, added.uuid)
            self.new["screenings"] += 1

    def _write_approval(self, row: ApprovalRow) -> None:
        if row.record.screening not in self._stored:
            return  # its screening changed: that is reported already
        screening_id, screening_uuid = self._stored[row.record.screening]
        values = row.record.model_dump(exclude={"screening"})
        stored = self.safety.approval_with_uuid(values["uuid"]) if values["uuid"] else None
        if stored is not None:
            cleared = self.safety.screening(stored.screening_id).uuid
            same = approval_content(columns(stored), cleared) == approval_content(
                values, screening_uuid
            )
            self._compared("clinician_approvals", row.label, same)
            return
        values["uuid"] = values["uuid"] or new_uuid()
        self.safety.restore_approval(screening_id, values)
        self.new["clinician_approvals"] += 1

    def _compared(self, kind: str, label: str, same: bool) -> None:
        if same:
            self.present[kind] += 1
            return
        self.changed_count += 1
        if len(self.changed) < SHOWN:
            self.changed.append(label)


def refusal(changed: list[str], count: int, clashes: list[date]) -> str:
    """Why an import was refused, and what to do: the ``count`` changed rows (the first of
    them named in ``changed``), then the clashing days."""
    reasons = []
    advice = []
    if count:
        shown = ", ".join(changed)
        more = f" and {count - len(changed)} more rows" if count > len(changed) else ""
        verb = "holds an entry" if count == 1 else "hold entries"
        reasons.append(
            f"{shown}{more} {verb} your diary already has (the same uuid) with different content"
        )
        advice.append(
            "An import never overwrites an entry: to keep your diary's version, remove "
            "those rows from the file; to take the file's, delete those entries here first"
        )
    if clashes:
        days = sorted(clashes)
        more = f" (and {len(days) - 1} other days)" if len(days) > 1 else ""
        reasons.append(
            f"the file has a check-in for {days[0].isoformat()}{more}, which your diary already has"
        )
        advice.append("Import into an empty diary, or delete those check-ins first")
    return f"{'; '.join(reasons)}; nothing was imported. {'. '.join(advice)}"


def _uuids(records: list[Record]) -> list[str]:
    return [record.uuid for record in records if record.uuid]


def columns(row: object) -> dict[str, Any]:
    """A stored row's column values, by name."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}
