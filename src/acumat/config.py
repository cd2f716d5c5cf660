"""Settings, resolved once per process from the environment (prefix ``ACUMAT_``).

``ACUMAT_HOME`` moves the data directory; ``ACUMAT_DATABASE_URL`` (or ``--db``) picks any
SQLAlchemy URL. Nothing is read at import time: call :func:`load_settings`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from acumat.errors import InvalidInput, Problem

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def default_home() -> Path:
    """The platform's per-user data directory (e.g. ``~/.local/share/acumat``)."""
    from acumat.store.peek import platform_home

    return platform_home()


class Settings(BaseSettings):
    """Where acumat keeps its data and how it serves it."""

    model_config = SettingsConfigDict(env_prefix="ACUMAT_", extra="ignore")

    home: Path = Field(default_factory=default_home)
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)

    @field_validator("database_url")
    @classmethod
    def _url_has_scheme(cls, value: str | None) -> str | None:
        if value is not None and "://" not in value:
            raise ValueError(
                "must be a database URL such as sqlite:///path or postgresql+psycopg://…"
            )
        return value

    @property
    def resolved_database_url(self) -> str:
        """The URL to connect to: the explicit one, else the SQLite file in ``home``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'acumat.db'}"


def load_settings(database_url: str | None = None) -> Settings:
    """Build settings from the environment; an explicit ``database_url`` (``--db``) wins.

    A refused value names where it came from: the ``--db`` option, or the environment
    variable; the words are acumat's own, never pydantic's.
    """
    try:
        return Settings(database_url=database_url) if database_url else Settings()
    except ValidationError as exc:
        problems = [_setting_problem(e, explicit=bool(database_url)) for e in exc.errors()]
        raise InvalidInput(problems) from None


def _setting_problem(error: Any, *, explicit: bool) -> Problem:
    name = str(error["loc"][0]) if error["loc"] else "settings"
    where = "--db" if explicit and name == "database_url" else "ACUMAT_" + name.upper()
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] != "value_error":
        message = "is not a value acumat can use; see the Configuration section of the README"
    return Problem(where, message)


def ensure_local_host(host: str) -> str:
    """Refuse to listen beyond this computer: health data stays local until accounts exist."""
    if host not in LOCAL_HOSTS:
        raise InvalidInput.single(
            "host",
            f"{host!r} would expose your diary to other machines; acumat only listens on "
            "127.0.0.1 until server mode with accounts exists. Use --host 127.0.0.1",
        )
    return host
