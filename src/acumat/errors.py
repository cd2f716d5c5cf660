"""The errors acumat raises, each carrying what the person must do about it.

    AcumatError                  base; ``str(err)`` is a sentence a person can act on
    ├── InvalidInput             bad or missing values; ``problems`` names each field
    ├── NotFound                 no such entry for this user (strangers see the same)
    ├── Conflict                 the write would clash with existing data
    └── DatabaseNotReady         the database schema is behind; run ``acumat db upgrade``

Interfaces map them: the CLI exits 2 for InvalidInput/NotFound/Conflict and 1 otherwise;
the web and API answer 422, 404, 409 and 503. No HTTP knowledge lives here.
"""

from __future__ import annotations

from dataclasses import dataclass


class AcumatError(Exception):
    """Base class for every error acumat raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input: which field, and what to do about it."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


class InvalidInput(AcumatError):
    """Input was refused; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @classmethod
    def single(cls, field: str, message: str) -> InvalidInput:
        return cls([Problem(field, message)])


class NotFound(AcumatError):
    """The entry does not exist, or belongs to someone else."""

    def __init__(self, kind: str, key: object) -> None:
        self.kind = kind
        self.key = key
        super().__init__(f"no {kind} {key} found; list entries with `acumat diary`")


class Conflict(AcumatError):
    """The write would clash with data that already exists."""


class DatabaseNotReady(AcumatError):
    """The schema is older than this version of acumat expects."""
