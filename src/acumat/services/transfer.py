"""Moving a diary in and out: export, import and backup.

Exports are CSV or JSON files (:mod:`acumat.interop`) that import back losslessly. JSON
holds everything: the diary, every safety screening (emergencies included) and every
clinician approval. CSV holds the diary entries only, one sheet a spreadsheet can open;
use JSON to keep or move the safety history. An import validates every row before it
opens a transaction and writes all rows (entries, screenings, approvals) in one, so a bad
file or a clash leaves the database untouched. Output files are written to a temporary
name and moved into place, so a crash never leaves half a file under the name asked for,
and are readable by their owner only (0600; see :mod:`acumat.files`).
"""

from __future__ import annotations

import os
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from contextlib import closing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import inspect

from acumat import clock
from acumat.actor import Actor
from acumat.diary.schemas import (
    ENTRY_KINDS,
    CareOut,
    CheckInIn,
    CheckInOut,
    EntryKind,
    EpisodeOut,
    MatSessionOut,
)
from acumat.errors import Conflict, InvalidInput
from acumat.files import new_private_file, partial_name, write_whole
from acumat.interop.csv_io import dump_csv, load_csv
from acumat.interop.json_io import (
    ExportContents,
    SafetyRecords,
    StoredSafety,
    dump_json,
    load_json,
)
from acumat.interop.records import LIST_NAMES, Record
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS
from acumat.store.repos import DiaryRepo, SafetyRepo
from acumat.timecheck import TimeContext

Format = Literal["csv", "json"]
OUT_SCHEMAS: dict[EntryKind, type[BaseModel]] = {
    "checkin": CheckInOut,
    "episode": EpisodeOut,
    "session": MatSessionOut,
    "care": CareOut,
}
MAX_IMPORT_BYTES = 64 * 1024 * 1024


class EntryCounts(BaseModel):
    """How many entries of each kind were moved."""

    checkins: int = 0
    episodes: int = 0
    sessions: int = 0
    care: int = 0

    @property
    def total(self) -> int:
        return self.checkins + self.episodes + self.sessions + self.care

    @classmethod
    def of(cls, kinds: Iterable[EntryKind]) -> EntryCounts:
        """Counts of a stream of entry kinds."""
        tally = Counter(LIST_NAMES[kind] for kind in kinds)
        return cls(**tally)


class TransferCounts(EntryCounts):
    """How many diary entries, screenings and clinician approvals a file moved.

    A CSV file moves no screenings or approvals: it holds the diary only.
    """

    screenings: int = 0
    clinician_approvals: int = 0

    @property
    def total(self) -> int:
        return super().total + self.screenings + self.clinician_approvals


class ImportSummary(TransferCounts):
    """What an import wrote, and which format the file was read as."""

    format: Format


class ExportResult(BaseModel):
    """Where an export was written and what it holds."""

    path: str
    format: Format
    counts: TransferCounts


class BackupResult(BaseModel):
    """Where a backup was written and how: a SQLite copy, or a JSON export."""

    path: str
    method: Literal["sqlite-online-backup", "json-export"]
    size_bytes: int


# --- export ----------------------------------------------------------------------------


def export_diary(db: Database, actor: Actor, fmt: str | None = "json") -> str:
    """The whole diary of ``actor`` as CSV or JSON text (``None`` means JSON)."""
    text, _ = _export(db, actor, _format(fmt or "json"))
    return text


def write_export(
    db: Database, actor: Actor, out: Path, fmt: str | None = None, *, overwrite: bool = False
) -> ExportResult:
    """Write the export to ``out``; the format defaults to the file's extension, else JSON.

    An existing ``out`` is refused (:class:`InvalidInput` naming ``out``) unless
    ``overwrite`` is true.
    """
    target = _claim(out, overwrite)
    chosen = _format(fmt or _format_of(target) or "json")
    text, counts = _export(db, actor, chosen)
    write_whole(target, text.encode("utf-8"))
    return ExportResult(path=str(target), format=chosen, counts=counts)


def _export(db: Database, actor: Actor, fmt: Format) -> tuple[str, TransferCounts]:
    """The file's text and what it holds, read in one transaction so the parts agree."""
    with db.transaction() as session:
        entries = _entries(DiaryRepo(session, actor.user_id))
        safety = _stored_safety(SafetyRepo(session, actor.user_id)) if fmt == "json" else None
    diary = EntryCounts.of(kind for kind in ENTRY_KINDS for _ in entries[kind])
    if safety is None:
        return dump_csv(entries), TransferCounts(**diary.model_dump())
    counts = TransferCounts(
        **diary.model_dump(),
        screenings=len(safety.screenings),
        clinician_approvals=len(safety.approvals),
    )
    return dump_json(entries, safety), counts


def _entries(repo: DiaryRepo) -> dict[EntryKind, list[BaseModel]]:
    return {
        kind: [OUT_SCHEMAS[kind].model_validate(row) for row in repo.all_rows(model)]
        for kind, model in _models()
    }


def _stored_safety(repo: SafetyRepo) -> StoredSafety:
    return StoredSafety(
        screenings=[_columns(row) for row in repo.all_screenings()],
        approvals=[_columns(row) for row in repo.all_approvals()],
    )


def _columns(row: object) -> dict[str, Any]:
    """A stored row's column values, by name."""
    return {attr.key: getattr(row, attr.key) for attr in inspect(row).mapper.column_attrs}


# --- import ----------------------------------------------------------------------------


def import_diary(db: Database, actor: Actor, text: str, fmt: str | None = None) -> ImportSummary:
    """Add every entry, screening and approval of an export, all or nothing.

    ``fmt`` is ``"csv"`` or ``"json"``; ``None`` recognises the format by its content.
    Every row is validated first (:class:`InvalidInput` names row and field). A check-in
    for a day the diary already has is a :class:`Conflict` naming the day. Timestamps,
    the demo flag and each screening's decision and rule-set version are kept as the file
    gives them; screenings are never re-evaluated.
    """
    chosen = _format(fmt) if fmt else _sniff(text)
    contents = _read(chosen, text, actor.context())
    with db.transaction() as session:
        repo = DiaryRepo(session, actor.user_id)
        _refuse_taken_days(repo, contents.entries)
        now = clock.utcnow()
        counts = restore_entries(repo, ((r.kind, r.values(now)) for r in contents.entries))
        restore_safety(SafetyRepo(session, actor.user_id), contents.safety)
    return ImportSummary(
        format=chosen,
        **counts.model_dump(),
        screenings=len(contents.safety.screenings),
        clinician_approvals=len(contents.safety.approvals),
    )


def import_file(db: Database, actor: Actor, path: Path) -> ImportSummary:
    """Import the export at ``path``; ``.csv``/``.json`` name the format, else the content."""
    return import_diary(db, actor, _read_text(path), _format_of(path))


def restore_entries(
    repo: DiaryRepo, entries: Iterable[tuple[EntryKind, dict[str, Any]]]
) -> EntryCounts:
    """Store entries exactly as given (timestamps and demo flag included), in ``repo``'s
    transaction; returns how many of each kind were stored."""
    kinds = []
    for kind, values in entries:
        repo.restore(ENTRY_MODELS[kind], values)
        kinds.append(kind)
    return EntryCounts.of(kinds)


def restore_safety(repo: SafetyRepo, safety: SafetyRecords) -> None:
    """Store screenings in file order, then each approval linked to the new id of the
    screening at its position, in ``repo``'s transaction."""
    new_ids = [repo.add_screening(screening.model_dump()).id for screening in safety.screenings]
    for approval in safety.approvals:
        values = approval.model_dump(exclude={"screening"})
        repo.restore_approval(new_ids[approval.screening - 1], values)


def _read(fmt: Format, text: str, time: TimeContext) -> ExportContents:
    return ExportContents(load_csv(text, time)) if fmt == "csv" else load_json(text, time)


def _refuse_taken_days(repo: DiaryRepo, records: Sequence[Record]) -> None:
    taken = repo.checkin_days()
    clashes = sorted(
        r.entry.day for r in records if isinstance(r.entry, CheckInIn) and r.entry.day in taken
    )
    if clashes:
        more = f" (and {len(clashes) - 1} other days)" if len(clashes) > 1 else ""
        raise Conflict(
            f"the file has a check-in for {clashes[0].isoformat()}{more}, which your diary "
            "already has; nothing was imported. Import into an empty diary, or delete those "
            "check-ins first"
        )


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            limit = MAX_IMPORT_BYTES // (1024 * 1024)
            raise InvalidInput.single("file", f"{path} is larger than {limit} MB")
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput.single("file", f"{path} is not UTF-8 text") from exc
    except OSError as exc:
        raise InvalidInput.single("file", f"cannot read {path}: {exc.strerror}") from exc


def _sniff(text: str) -> Format:
    return "json" if text.lstrip().startswith(("{", "[")) else "csv"


# --- backup ----------------------------------------------------------------------------


def backup(db: Database, actor: Actor, out_path: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the database to ``out_path``.

    SQLite: the online backup API, giving a standalone SQLite file (journal mode DELETE)
    that is consistent even while acumat is writing. Other databases (PostgreSQL): for
    now the JSON export of the local user's diary, screenings and clinician approvals; a
    server's full backup (every account) belongs to the database's own tools
    (``pg_dump``). An existing ``out_path`` is refused unless ``overwrite`` is true.
    """
    target = _claim(out_path, overwrite)
    source = _sqlite_file(db)
    if source is None:
        text = export_diary(db, actor, "json")
        write_whole(target, text.encode("utf-8"))
        method: Literal["sqlite-online-backup", "json-export"] = "json-export"
    else:
        _copy_sqlite(source, target)
        method = "sqlite-online-backup"
    return BackupResult(path=str(target), method=method, size_bytes=target.stat().st_size)


def _sqlite_file(db: Database) -> Path | None:
    url = db.engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def _copy_sqlite(source: Path, target: Path) -> None:
    if target.resolve() == source:
        raise InvalidInput.single("out", "is the live database itself; choose another file")
    partial = partial_name(target)
    new_private_file(partial)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dest:
        src.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    os.replace(partial, target)


# --- files -----------------------------------------------------------------------------


def _claim(out: Path, overwrite: bool) -> Path:
    """``out`` if it may be written: its folder exists and it is new (or may be replaced)."""
    target = Path(out).expanduser()
    if target.is_dir():
        raise InvalidInput.single("out", f"{target} is a folder; give a file name")
    if not target.parent.is_dir():
        raise InvalidInput.single("out", f"folder {target.parent} does not exist")
    if target.exists() and not overwrite:
        raise InvalidInput.single(
            "out", f"{target} already exists; choose another name, or allow replacing it (--force)"
        )
    return target


def _format(fmt: str) -> Format:
    if fmt == "csv":
        return "csv"
    if fmt == "json":
        return "json"
    raise InvalidInput.single("format", f"must be csv or json, not {fmt!r}")


def _format_of(path: Path) -> Format | None:
    suffix = path.suffix.lower()
    return "csv" if suffix == ".csv" else "json" if suffix == ".json" else None


def _models() -> Iterable[tuple[EntryKind, Any]]:
    return ((kind, ENTRY_MODELS[kind]) for kind in ENTRY_KINDS)
