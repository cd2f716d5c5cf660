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
from typing import Any, TextIO

from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError

from acumat import clock
from acumat.actor import Actor
from acumat.errors import Conflict, InvalidInput
from acumat.files import write_whole
from acumat.interop.formats import (
    DEFAULT,
    FileFormat,
    format_for_path,
    format_named,
    reader,
    recognised,
)
from acumat.interop.json_io import StoredSafety
from acumat.interop.records import Reading
from acumat.kinds import ENTRY_KINDS, LIST_NAMES, EntryKind
from acumat.services.diary import OUT_SCHEMAS
from acumat.services.importing import ImportRun, columns
from acumat.store.engine import Database
from acumat.store.models import ENTRY_MODELS
from acumat.store.repos import DiaryRepo, SafetyRepo

MAX_IMPORT_BYTES = 64 * 1024 * 1024
SNIFF_CHARS = 4096


class EntryCounts(BaseModel):
    """How many entries of each kind were moved: a field per kind's list name (typed for
    the interfaces that print them; a test keeps them equal to :data:`LIST_NAMES`)."""

    checkins: int = 0
    episodes: int = 0
    sessions: int = 0
    care: int = 0

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in LIST_NAMES.values())

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

    format: str
    already_present: TransferCounts = Field(default_factory=TransferCounts)


class ExportResult(BaseModel):
    """Where an export was written and what it holds."""

    path: str
    format: str
    counts: TransferCounts


# --- export ----------------------------------------------------------------------------


def export_diary(db: Database, actor: Actor, fmt: str | None = DEFAULT) -> str:
    """The whole diary of ``actor`` as the text of format ``fmt`` (``None``: the default)."""
    text, _ = _export(db, actor, format_named(fmt or DEFAULT))
    return text


def write_export(
    db: Database, actor: Actor, out: Path, fmt: str | None = None, *, overwrite: bool = False
) -> ExportResult:
    """Write the export to ``out``; the format defaults to the file's suffix, else JSON.

    An existing ``out`` is refused (:class:`InvalidInput` naming ``out``) unless
    ``overwrite`` is true.
    """
    target = claim_output(out, overwrite)
    chosen = format_named(fmt) if fmt else format_for_path(target) or format_named(DEFAULT)
    text, counts = _export(db, actor, chosen)
    write_whole(target, text.encode("utf-8"))
    return ExportResult(path=str(target), format=chosen.name, counts=counts)


def _export(db: Database, actor: Actor, fmt: FileFormat) -> tuple[str, TransferCounts]:
    """The file's text and what it holds, read in one transaction so the parts agree."""
    with db.transaction() as session:
        entries = _entries(DiaryRepo(session, actor.user_id))
        safety = _stored_safety(SafetyRepo(session, actor.user_id)) if fmt.holds_safety else None
    diary = EntryCounts.of(kind for kind in ENTRY_KINDS for _ in entries[kind])
    counts = TransferCounts(**diary.model_dump())
    if safety is not None:
        counts.screenings = len(safety.screenings)
        counts.clinician_approvals = len(safety.approvals)
    return fmt.write(entries, safety), counts


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

    ``fmt`` names a readable format (``"csv"``, ``"json"``); ``None`` recognises it by
    its content.
    All or nothing: a bad row (:class:`InvalidInput` naming row and field), a row whose
    uuid the diary holds with different content, or a new check-in for a day the diary
    already has (:class:`Conflict` naming them) leaves the database untouched. A row the
    diary already holds, same uuid and content, is skipped and counted as already
    present. Timestamps, the demo flag and each screening's decision and rule-set version
    are kept as the file gives them; screenings are never re-evaluated.
    """
    text = text.removeprefix("\ufeff")
    chosen = format_named(fmt) if fmt else recognised(text[:SNIFF_CHARS])
    return _import(db, actor, io.StringIO(text, newline=""), chosen)


def import_file(db: Database, actor: Actor, path: Path) -> ImportSummary:
    """:func:`import_diary` for the file at ``path``, read as a stream; its suffix names
    the format (``.csv``, ``.json``), else its content does."""
    with _opened(path) as stream:
        try:
            chosen = format_for_path(path) or recognised(stream.read(SNIFF_CHARS))
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


def _import(db: Database, actor: Actor, stream: TextIO, fmt: FileFormat) -> ImportSummary:
    reading = Reading(actor.context())
    items = reader(fmt)(stream, reading)
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
    return ImportSummary(format=fmt.name, **run.new, already_present=TransferCounts(**run.present))


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


def _models() -> Iterable[tuple[EntryKind, Any]]:
    return ((kind, ENTRY_MODELS[kind]) for kind in ENTRY_KINDS)
