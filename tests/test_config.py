"""Settings come from the environment and fail loud on bad values."""

from __future__ import annotations

from pathlib import Path

import pytest

from acumat.config import ensure_local_host, load_settings
from acumat.errors import InvalidInput


def test_home_sets_the_sqlite_location(home: Path) -> None:
    assert load_settings().resolved_database_url == f"sqlite:///{home / 'acumat.db'}"


def test_an_explicit_url_wins(home: Path) -> None:
    assert load_settings("sqlite:///x.db").resolved_database_url == "sqlite:///x.db"


def test_a_url_without_scheme_is_refused(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACUMAT_DATABASE_URL", "acumat.db")
    with pytest.raises(InvalidInput, match="ACUMAT_DATABASE_URL"):
        load_settings()


def test_a_bad_port_is_refused(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACUMAT_PORT", "99999")
    with pytest.raises(InvalidInput, match="ACUMAT_PORT"):
        load_settings()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.4", "example.org"])
def test_non_local_hosts_are_refused_until_accounts_exist(host: str) -> None:
    with pytest.raises(InvalidInput, match=r"only listens on 127\.0\.0\.1"):
        ensure_local_host(host)


def test_local_host_is_allowed() -> None:
    assert ensure_local_host("127.0.0.1") == "127.0.0.1"
