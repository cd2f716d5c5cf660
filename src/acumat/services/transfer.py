"""Moving a diary in and out: export and import.

Exports are CSV or JSON files (:mod:`acumat.interop`) that import back losslessly. JSON
holds everything: the diary, every safety screening (emergencies included) and every
clinician approval. CSV holds the diary entries only, one sheet a spreadsheet can open;
use JSON to keep or move the safety history. Every row carries its identity (uuid), so
importing the same file twice adds nothing the second time.

An import streams its file: rows are read, validated and written in batches
(:mod:`acumat.services.importing`) inside one transaction, so a large file needs little
memory, and a bad row, a changed row or a clash anywhere rolls everything back. Output
files are private (0600) and written whole (:mod:`acumat.files`).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal, TextIO

from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from acumat import clock
from acumat.actor import Actor
from acumat.diary.schemas import (
    ENTRY_KINDS,
    CareOut,
    CheckInOut,
    EntryKind,
    EpisodeOut,
    MatSessionOut,
)
from acumat.errors import Conflict, InvalidInput
from acumat.files import write_whole
from acumat.interop.csv_io import dump_csv, read_csv
from acumat.interop.json_io import Item, StoredSafety, dump_json, read_json
from acumat.interop.records import Reading
from acumat.kinds import LIST_NAMES
from acumat.services.importing import ImportRun, columns
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS
from acumat.store.repos import DiaryRepo, SafetyRepo

Format = Literal["csv", "json"]
OUT_SCHEMAS: dict[EntryKind, type[BaseModel]] = {
    "checkin": CheckInOut,
    "episode": EpisodeOut,
    "session": MatSessionOut,
    "care": CareOut,
}
MAX_IMPORT_BYTES = 64 * 1024 * 1024
SNIFF_CHARS = 4096


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
    """What an import added, what the diary already held, and the format it read.

    The counts are the new rows; ``already_present`` counts the rows whose identity and
    content the diary already had, which were skipped.
    """

    format: Format
    already_present: TransferCounts = Field(default_factory=TransferCounts)


class ExportResult(BaseModel):
    """Where an export was written and what it holds."""

    path: str
    format: Format
    counts: TransferCounts


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
    target = claim_output(out, overwrite)
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
        screenings=[columns(row) for row in repo.all_screenings()],
        approvals=[columns(row) for row in repo.all_approvals()],
    )


# --- import ----------------------------------------------------------------------------


def import_diary(db: Database, actor: Actor, text: str, fmt: str | None = None) -> ImportSummary:
    """Add every entry, screening and approval of an export not already in the diary.

    ``fmt`` is ``"csv"`` or ``"json"``; ``None`` recognises the format by its content.
    All or nothing: a bad row (:class:`InvalidInput` naming row and field), a row whose
    uuid the diary holds with different content, or a new check-in for a day the diary
    already has (:class:`Conflict` naming them) leaves the database untouched. A row the
    diary already holds, same uuid and content, is skipped and counted as already
    present. Timestamps, the demo flag and each screening's decision and rule-set version
    are kept as the file gives them; screenings are never re-evaluated.
    """
    text = text.removeprefix("\ufeff")
    chosen = _format(fmt) if fmt else _sniff(text[:SNIFF_CHARS])
    return _import(db, actor, io.StringIO(text, newline=""), chosen)


def import_file(db: Database, actor: Actor, path: Path) -> ImportSummary:
    """:func:`import_diary` for the file at ``path``, read as a stream; ``.csv`` or
    ``.json`` name the format, else the content does."""
    with _opened(path) as stream:
        try:
            chosen = _format_of(path) or _sniff(stream.read(SNIFF_CHARS))
            stream.seek(0)
            return _import(db, actor, stream, chosen)
        except UnicodeDecodeError as exc:
            raise InvalidInput.single("file", f"{path} is not UTF-8 text") from exc
        except OSError as exc:
            raise InvalidInput.single("file", f"cannot read {path}: {exc.strerror}") from exc


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


def _import(db: Database, actor: Actor, stream: TextIO, fmt: Format) -> ImportSummary:
    reading = Reading(actor.context())
    items: Iterable[Item] = (
        read_csv(stream, reading) if fmt == "csv" else read_json(stream, reading)
    )
    try:
        with db.transaction() as session:
            run = ImportRun(session, actor.user_id, clock.utcnow())
            for item in items:
                if not reading.problems:  # once the file is refused, only look for problems
                    run.add(item)
            reading.problems.refuse()
            run.finish()
    except IntegrityError:
        raise Conflict(
            "your diary changed while the file was being imported; nothing was imported. Try again"
        ) from None
    return ImportSummary(format=fmt, **run.new, already_present=TransferCounts(**run.present))


@contextmanager
def _opened(path: Path) -> Iterator[TextIO]:
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            limit = MAX_IMPORT_BYTES // (1024 * 1024)
            raise InvalidInput.single("file", f"{path} is larger than {limit} MB")
        stream = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InvalidInput.single("file", f"cannot read {path}: {exc.strerror}") from exc
    with stream:
        yield stream


def _sniff(head: str) -> Format:
    return "json" if head.lstrip().startswith(("{", "[")) else "csv"


# --- files -----------------------------------------------------------------------------


def claim_output(out: Path, overwrite: bool) -> Path:
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
