"""The export-format registry: each format named once, with what the interfaces need."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from acumat.errors import InvalidInput
from acumat.interop.formats import (
    DEFAULT,
    FORMATS,
    FileFormat,
    format_for_path,
    format_named,
    format_names,
    reader,
    recognised,
)
from acumat.interop.json_io import StoredSafety
from acumat.interop.records import Reading
from tests.conftest import UTC_TIME


def test_names_and_suffixes_are_unique_and_the_default_is_one_of_them() -> None:
    names = [f.name for f in FORMATS]
    suffixes = [f.suffix for f in FORMATS]
    assert len(set(names)) == len(names)
    assert len(set(suffixes)) == len(suffixes)
    assert all(s.startswith(".") and s == s.lower() for s in suffixes)
    assert DEFAULT in names
    assert format_names() == tuple(names)


def test_an_unknown_format_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(InvalidInput) as caught:
        format_named("xml")
    assert str(caught.value) == "format: must be csv or json, not 'xml'"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.name)
def test_a_suffix_in_any_case_names_its_format(fmt: FileFormat) -> None:
    assert format_for_path(Path(f"diary{fmt.suffix.upper()}")) is fmt
    assert format_for_path(Path("diary.txt")) is None


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f.readable], ids=lambda f: f.name)
def test_each_readable_format_is_recognised_from_its_own_empty_export(fmt: FileFormat) -> None:
    text = fmt.write({}, StoredSafety([], []) if fmt.holds_safety else None)
    assert recognised(text[:4096]) is fmt
    items = list(reader(fmt)(io.StringIO(text, newline=""), Reading(UTC_TIME)))
    assert items == []


def test_a_format_without_a_reader_cannot_be_imported() -> None:
    export_only = FileFormat("ics", ".ics", "text/calendar", FORMATS[0].write, None, False, False)
    with pytest.raises(InvalidInput, match="ics files cannot be imported; use csv, json"):
        reader(export_only)
    assert "ics" not in format_names(readable=True)
