"""Backing up the database, and getting it back from a backup.

A backup of a SQLite database is a SQLite copy, consistent even while acumat writes; of
any other database (PostgreSQL), the acting person's JSON export, safety history
included (a server's full backup belongs to its own tools, such as ``pg_dump``).

Restoring a SQLite copy replaces the whole SQLite database with it, only into an empty
diary unless forced, and keeps the database it replaced next to it, named for the moment
in UTC (``acumat.db.before-restore-YYYYmmdd-HHMMSS``). The copy is checked first
(SQLite's integrity check, an acumat schema no newer than this acumat's) and brought up
to date in a private scratch file, so a refused restore changes nothing. A live database
too damaged to open is replaced when forced. Restoring a JSON export imports it: rows
already present are skipped, so restoring the same file twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from sqlalchemy.exc import SQLAlchemyError

from acumat import clock
from acumat.actor import Actor
from acumat.config import Settings
from acumat.diary.schemas import ENTRY_KINDS
from acumat.errors import Conflict, DatabaseUnavailable, InvalidInput
from acumat.files import copy_private, make_private_folder, write_whole
from acumat.kinds import LIST_NAMES
from acumat.services.database import open_database
from acumat.services.transfer import TransferCounts, claim_output, export_diary, import_file
from acumat.store import backup as files
from acumat.store.engine import Database, make_engine
from acumat.store.migrate import HEAD, REVISIONS, upgrade
from acumat.store.models import ENTRY_MODELS, ClinicianApproval, Screening

# Each counted table under its name in an export (and in TransferCounts).
COUNTED: dict[type, str] = {
    **{ENTRY_MODELS[kind]: LIST_NAMES[kind] for kind in ENTRY_KINDS},
    Screening: "screenings",
    ClinicianApproval: "clinician_approvals",
}
ActorOf = Callable[[Database], Actor]


class BackupResult(BaseModel):
    """Where a backup was written and how: a SQLite copy, or a JSON export."""

    path: str
    method: Literal["sqlite-online-backup", "json-export"]
    size_bytes: int


class RestoreResult(BaseModel):
    """What a restore did.

    A SQLite copy (``sqlite-copy``): ``counts`` is everything the database now holds and
    ``kept`` where the database it replaced was kept. A JSON export (``json-import``):
    ``counts`` is what was added and ``already_present`` what the diary already held.
    """

    path: str
    method: Literal["sqlite-copy", "json-import"]
    counts: TransferCounts
    already_present: TransferCounts = Field(default_factory=TransferCounts)
    kept: str | None = None


# --- backup ----------------------------------------------------------------------------


def backup(db: Database, actor: Actor, out_path: Path, *, overwrite: bool = False) -> BackupResult:
    """Copy the database to ``out_path`` (mode 0600).

    SQLite: the online backup API, giving a standalone SQLite file (journal mode DELETE)
    that is consistent even while acumat is writing. Other databases (PostgreSQL): the
    JSON export of ``actor``'s diary, screenings and clinician approvals. An existing
    ``out_path`` is refused unless ``overwrite`` is true.
    """
    target = claim_output(out_path, overwrite)
    source = files.sqlite_file(db.engine.url)
    if source is None:
        write_whole(target, export_diary(db, actor, "json").encode("utf-8"))
        method: Literal["sqlite-online-backup", "json-export"] = "json-export"
    else:
        if target.resolve() == source:
            raise InvalidInput.single("out", "is the live database itself; choose another file")
        files.copy_database(source, target)
        method = "sqlite-online-backup"
    return BackupResult(path=str(target), method=method, size_bytes=target.stat().st_size)


# --- restore ---------------------------------------------------------------------------


def restore(
    settings: Settings, path: Path, acting: ActorOf, *, force: bool = False
) -> RestoreResult:
    """Get the database ``settings`` name back from the backup at ``path``.

    A SQLite copy replaces a SQLite database whole; a diary holding anything, or a live
    database too damaged to open, is refused (:class:`Conflict`) unless ``force``. A
    JSON export is imported for the person ``acting`` resolves once the database is open
    (the interface decides who acts; see
    :func:`acumat.services.transfer.import_file`). A file that is neither, is damaged, or
    comes from a newer acumat is :class:`InvalidInput`. A refusal changes nothing.
    """
    source = Path(path).expanduser()
    if not _is_sqlite(source):
        _refuse_unless_json(source)
        with _opened(settings) as db:
            return _restore_json(db, acting(db), source)
    live = files.sqlite_file(settings.resolved_database_url)
    if live is None:
        raise InvalidInput.single("file", _only_into_sqlite(source))
    if source.resolve() == live:
        raise InvalidInput.single("file", f"{source} is the live database itself; choose a backup")
    make_private_folder(live.parent)
    with files.scratch_file(live, "restoring") as scratch:
        _prepare(source, scratch)
        kept = _replace(settings, live, scratch, force)
    with _opened(settings) as db:
        counts = _held(db)
    return RestoreResult(path=str(source), method="sqlite-copy", counts=counts, kept=str(kept))


def _is_sqlite(source: Path) -> bool:
    try:
        if source.is_dir():
            raise InvalidInput.single("file", f"{source} is a folder; give a backup file")
        return files.is_sqlite_file(source)
    except OSError as exc:
        raise InvalidInput.single("file", f"cannot read {source}: {exc.strerror}") from exc


def _refuse_unless_json(source: Path) -> None:
    with source.open("rb") as handle:
        start = handle.read(4096).removeprefix(b"\xef\xbb\xbf").lstrip()
    if not start.startswith(b"{"):
        raise InvalidInput.single(
            "file",
            f"{source} is neither a SQLite copy from `acumat backup` nor a JSON export; "
            "to add the rows of a CSV export, use `acumat import`",
        )


def _restore_json(db: Database, actor: Actor, source: Path) -> RestoreResult:
    summary = import_file(db, actor, source)
    counts = TransferCounts(**summary.model_dump(exclude={"format", "already_present"}))
    return RestoreResult(
        path=str(source),
        method="json-import",
        counts=counts,
        already_present=summary.already_present,
    )


def _prepare(source: Path, scratch: Path) -> None:
    """Copy ``source`` to ``scratch``, check it, and bring its schema up to date there."""
    copy_private(source, scratch)
    examined = files.examine(scratch)
    if not examined.intact:
        raise InvalidInput.single(
            "file", f"{source} is damaged (SQLite's integrity check failed); try another backup"
        )
    if examined.revision is None:
        raise InvalidInput.single("file", f"{source} is a SQLite database, but not acumat's")
    if examined.revision not in REVISIONS:
        raise InvalidInput.single(
            "file",
            f"{source} was made by a newer acumat (schema {examined.revision}; this one "
            f"knows up to {HEAD}); upgrade acumat, then restore it",
        )
    if examined.revision != HEAD:
        _upgrade(source, scratch)


def _upgrade(source: Path, scratch: Path) -> None:
    engine = make_engine(f"sqlite:///{scratch}")
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        raise InvalidInput.single(
            "file", f"{source} could not be brought up to date; it may be damaged"
        ) from exc
    finally:
        engine.dispose()


def _replace(settings: Settings, live: Path, scratch: Path, force: bool) -> Path:
    """Put the checked ``scratch`` in place of the live database; where the old one is kept."""
    try:
        db = open_database(settings)
    except DatabaseUnavailable:
        if not force:
            raise Conflict(_unreadable(live)) from None
        kept = _kept_name(live)
        files.swap_in(scratch, live, kept)
        return kept
    try:
        if not force and _held(db).total > 0:
            raise Conflict(_not_empty(live))
        kept = _kept_name(live)
        files.copy_database(live, kept)
        _put_back(scratch, live, kept)
    finally:
        db.dispose()
    return kept


@contextmanager
def _opened(settings: Settings) -> Iterator[Database]:
    db = open_database(settings)
    try:
        yield db
    finally:
        db.dispose()


def _held(db: Database) -> TransferCounts:
    with db.transaction() as session:
        counts = files.row_counts(session)
    return TransferCounts(**{COUNTED[model]: count for model, count in counts.items()})


def _kept_name(live: Path) -> Path:
    """A new name next to ``live`` for the database a restore replaces, named for now (UTC)."""
    stamp = clock.utcnow().strftime("%Y%m%d-%H%M%S")
    kept = live.with_name(f"{live.name}.before-restore-{stamp}")
    number = 1
    while kept.exists():
        number += 1
        kept = live.with_name(f"{live.name}.before-restore-{stamp}-{number}")
    return kept


def _put_back(scratch: Path, live: Path, kept: Path) -> None:
    try:
        files.put_back(scratch, live)
    except files.DamagedDatabase as exc:
        raise Conflict(
            "the database could not be replaced (another program may be writing to it); "
            f"nothing was changed, and a copy of it is at {kept}. Stop `acumat serve` and "
            "try again"
        ) from exc


def _only_into_sqlite(source: Path) -> str:
    return (
        f"{source} is a SQLite copy, which restores into a SQLite database only. To move "
        f"it into this database, export it first: `acumat --db sqlite:///{source} export "
        "--out diary.json`, then `acumat import diary.json`"
    )


def _not_empty(live: Path) -> str:
    return (
        "your diary already holds entries or safety results, and restoring a SQLite copy "
        "replaces all of it. To replace it anyway, add --force (the database it replaces "
        f"is kept next to {live}); or restore into a new, empty ACUMAT_HOME"
    )


def _unreadable(live: Path) -> str:
    return (
        f"the database at {live} cannot be read (it may be damaged), and restoring "
        "replaces it. Add --force to replace it; the unreadable file is kept next to it"
    )
