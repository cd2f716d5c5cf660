"""A new person's region is guessed from the locale first, then the time zone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from acumat.region_guess import DEFAULT, guess_region
from acumat.safety.regions import regions
from acumat.services.database import local_actor
from acumat.store.engine import Database


@pytest.mark.parametrize(
    ("environ", "zone", "expected"),
    [
        ({"LANG": "en_US.UTF-8"}, "UTC", "US"),
        ({"LANG": "en_GB.UTF-8"}, "America/New_York", "GB"),
        ({"LC_ALL": "en_AU.UTF-8", "LANG": "en_US.UTF-8"}, "UTC", "AU"),
        ({"LANG": "fr_CA.UTF-8"}, "UTC", "CA"),
        ({"LANG": "de_DE.UTF-8"}, "UTC", "EU"),
        ({"LANG": "en_NZ"}, "UTC", "NZ"),
        ({"LANG": "C.UTF-8"}, "Pacific/Auckland", "NZ"),
        ({"LANG": "POSIX"}, "Europe/Dublin", "IE"),
        ({}, "Europe/Berlin", "EU"),
        ({}, "Australia/Sydney", "AU"),
        ({}, "America/Toronto", "CA"),
        ({}, "UTC", DEFAULT),
        ({"LANG": "ja_JP.UTF-8"}, "Asia/Tokyo", "EU"),
        ({"LANG": "C"}, "Etc/UTC", DEFAULT),
        ({}, "Asia/Tokyo", "EU"),
    ],
)
def test_it_reads_the_locale_then_the_zone(
    environ: dict[str, str], zone: str, expected: str
) -> None:
    assert guess_region(environ, zone) == expected


@given(st.dictionaries(st.sampled_from(["LANG", "LC_ALL", "LC_MESSAGES"]), st.text()), st.text())
def test_every_guess_is_a_known_region(environ: dict[str, str], zone: str) -> None:
    assert guess_region(environ, zone) in regions()


def test_a_new_local_person_gets_the_region_of_the_machines_locale(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert local_actor(db).region == "US"
    monkeypatch.setenv("LANG", "en_AU.UTF-8")
    assert local_actor(db).region == "US"  # guessed once, when the person is created
