"""The file formats acumat exports and imports: one registry, named once, every interface
iterating it (F16).

Each :class:`FileFormat` says what the CLI's ``--format`` takes, the file suffix that
chooses it, its media type, how to write and read it, whether screenings and approvals
travel with it, and whether a file imports back to exactly the diary it came from. A new
format (FHIR, say) is one more entry here, not a branch in every use case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from acumat.errors import InvalidInput
from acumat.interop.csv_io import dump_csv, read_csv
from acumat.interop.json_io import Item, StoredSafety, dump_json, read_json
from acumat.interop.records import EntriesByKind, Reading

Writer = Callable[[EntriesByKind, StoredSafety | None], str]
Reader = Callable[[TextIO, Reading], Iterator[Item]]


@dataclass(frozen=True)
class FileFormat:
    """One way to write a diary to a file, and to read it back."""

    name: str
    suffix: str
    media_type: str
    write: Writer
    read: Reader | None
    holds_safety: bool
    """Screenings and clinician approvals travel with the diary (else: the diary only)."""
    round_trips: bool
    """Export, import into an empty diary, export again: the same bytes."""
    opening: tuple[str, ...] = ()
    """How its text starts, to recognise a file by content; empty: whatever is left."""

    @property
    def readable(self) -> bool:
        return self.read is not None


def _write_csv(entries: EntriesByKind, _safety: StoredSafety | None) -> str:
    return dump_csv(entries)


FORMATS: tuple[FileFormat, ...] = (
    FileFormat(
        name="csv",
        suffix=".csv",
        media_type="text/csv",
        write=_write_csv,
        read=read_csv,
        holds_safety=False,
        round_trips=True,
    ),
    FileFormat(
        name="json",
        suffix=".json",
        media_type="application/json",
        write=dump_json,
        read=read_json,
        holds_safety=True,
        round_trips=True,
        opening=("{", "["),
    ),
)
DEFAULT = "json"


def format_names(*, readable: bool = False) -> tuple[str, ...]:
    """The names ``--format`` may take; ``readable``: only those acumat can import."""
    return tuple(f.name for f in FORMATS if f.readable or not readable)


def format_named(name: str) -> FileFormat:
    """The format called ``name``; :class:`InvalidInput` naming ``format`` otherwise."""
    for known in FORMATS:
        if known.name == name:
            return known
    *most, last = format_names()
    listed = f"{', '.join(most)} or {last}" if most else last
    raise InvalidInput.single("format", f"must be {listed}, not {name!r}")


def format_for_path(path: Path) -> FileFormat | None:
    """The format a file's suffix names (``diary.CSV`` is CSV), or ``None``."""
    suffix = path.suffix.lower()
    return next((f for f in FORMATS if f.suffix == suffix), None)


def recognised(head: str) -> FileFormat:
    """The readable format whose text starts like ``head``, else the one that starts any way."""
    text = head.lstrip()
    readable = [f for f in FORMATS if f.readable]
    found = next((f for f in readable if f.opening and text.startswith(f.opening)), None)
    return found or next(f for f in readable if not f.opening)


def reader(fmt: FileFormat) -> Reader:
    """``fmt``'s reader; :class:`InvalidInput` naming ``format`` if acumat cannot import it."""
    if fmt.read is None:
        names = ", ".join(format_names(readable=True))
        raise InvalidInput.single("format", f"{fmt.name} files cannot be imported; use {names}")
    return fmt.read
