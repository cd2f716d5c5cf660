"""The errors acumat raises, each carrying what the person must do about it.

    AcumatError                  base; ``str(err)`` is a sentence a person can act on
    ├── InvalidInput             bad or missing values; ``problems`` names each field
    ├── NotFound                 no such entry for this user (strangers see the same)
    ├── Conflict                 the write would clash with existing data
    ├── Busy                     another write holds the database; nothing was written, retry
    ├── DatabaseNotReady         the database schema is behind; run ``acumat db upgrade``
    └── DatabaseUnavailable      the database cannot be reached, opened or read

Interfaces map them: the CLI exits 2 for InvalidInput/NotFound/Conflict and 1 otherwise;
the web and API answer 422, 404, 409 and 503. No HTTP knowledge lives here.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any


class AcumatError(Exception):
    """Base class for every error acumat raises on purpose."""


@dataclasses.dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, as facts each interface words in its own way.

    ``field`` is the field key (the API shows it; the web shows the field's label and the
    CLI its flag), ``code`` says what is wrong (``too_big``, ``required``, ``unknown_word``
    …; the catalogue in :mod:`acumat.present.messages` lists them) and ``params`` the facts
    the wording needs (``{"maximum": 10, "given": 11}``). ``message`` is the plain sentence
    the API and files carry; a person-facing interface renders ``code`` and ``params``.
    """

    field: str
    message: str
    code: str = "invalid"
    params: Mapping[str, Any] = dataclasses.field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidInput(AcumatError):
    """Input was refused; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @classmethod
    def single(cls, field: str, message: str, code: str = "invalid", **params: Any) -> InvalidInput:
        return cls([Problem(field, message, code, params)])


class NotFound(AcumatError):
    """The entry does not exist, or belongs to someone else."""

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key} found")


class Conflict(AcumatError):
    """The write would clash with data that already exists."""


class DatabaseNotReady(AcumatError):
    """The schema is older than this version of acumat expects."""


class Busy(AcumatError):
    """The database stayed locked by another write (a long import) past the wait limit."""

    def __init__(self) -> None:
        super().__init__(
            "acumat is busy finishing another change (such as an import); nothing was "
            "saved — try again in a moment"
        )


class DatabaseUnavailable(AcumatError):
    """The database cannot be reached, opened or read; the message says what to check."""

    @classmethod
    def bad_url(cls) -> DatabaseUnavailable:
        return cls(
            "the database address is not one acumat can use; check ACUMAT_DATABASE_URL or "
            "--db (for example sqlite:///path/acumat.db or postgresql+psycopg://user@host/db)"
        )

    @classmethod
    def cannot_create(cls, home: object) -> DatabaseUnavailable:
        return cls(
            f"acumat cannot create its data folder at {home}; make sure ACUMAT_HOME names a "
            "folder you can write to (not a file)"
        )

    @classmethod
    def explain(cls, exc: BaseException, *, is_sqlite: bool, where: str) -> DatabaseUnavailable:
        """Words for a driver failure; the driver's own text never reaches the person."""
        text = str(getattr(exc, "orig", exc)).lower()
        if is_sqlite and ("not a database" in text or "malformed" in text):
            return cls(
                f"the database file at {where} is damaged or is not an acumat database; "
                "restore it from a backup with `acumat restore FILE`, or move it aside to "
                "start a new diary"
            )
        if is_sqlite:
            return cls(
                f"acumat cannot open the database file at {where}; check that its folder "
                "exists and that you may read and write it"
            )
        if "does not exist" in text:
            return cls(f"the database named in {where} does not exist; create it first")
        return cls(
            f"acumat cannot reach the database at {where}; check that the server is "
            "running and the address, user and password are right"
        )
