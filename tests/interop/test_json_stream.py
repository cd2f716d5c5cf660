"""Reading a JSON document member by member gives what ``json.loads`` gives, with its errors."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest

from acumat.errors import InvalidInput
from acumat.interop import json_stream
from acumat.interop.json_stream import Cursor, NotAnObject, Part, members

DOCUMENT = {
    "format": "acumat-export",
    "version": 3,
    "checkins": [
        {"day": "2026-03-14", "pain": 4, "note": 'Rücken – 背中 🙂 "quoted"\nline'},
        {"day": "2026-03-13", "pain": 10, "hours_sitting": 7.25, "spasm_count": 12345678901},
    ],
    "episodes": [],
    "care": [{"minutes": 1e-7, "big": -123456789012345678901234567890, "x": [[[]]]}],
    "tail": None,
}


def read(text: str) -> dict[str, Any]:
    """The document rebuilt from :func:`members`, lists from their items."""
    rebuilt: dict[str, Any] = {}
    for key, part, value in members(Cursor(io.StringIO(text))):
        if part is Part.LIST:
            rebuilt[key] = []
        elif part is Part.ITEM:
            rebuilt[key].append(value)
        else:
            rebuilt[key] = value
    return rebuilt


@pytest.fixture(params=[1, 2, 7, 4096])
def chunk(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Read the text in windows this small, so values straddle every boundary."""
    monkeypatch.setattr(json_stream, "CHUNK", request.param)
    size: int = request.param
    return size


@pytest.mark.usefixtures("chunk")
@pytest.mark.parametrize("indent", [None, 2])
def test_members_give_exactly_what_json_loads_gives(indent: int | None) -> None:
    text = json.dumps(DOCUMENT, indent=indent, ensure_ascii=False)
    assert read(text) == json.loads(text)


@pytest.mark.usefixtures("chunk")
def test_an_empty_object_has_no_members() -> None:
    assert read(" { } \n") == {}


BROKEN = [
    '{"format": "acumat-export", "checkins": [',
    '{"format": "acumat-export", "checkins": [{"day": 1},]}',
    '{"format": "acumat-export",\n "version": 3\n "checkins": []}',
    '{"a": 1}\n{"b": 2}',
    '{"a": "unterminated\n',
    '{"a": tru}',
    '{"a" 1}',
    "{a: 1}",
    "",
    "nonsense",
]


@pytest.mark.usefixtures("chunk")
@pytest.mark.parametrize("text", BROKEN)
def test_a_syntax_error_names_the_line_and_column_json_would(text: str) -> None:
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    where = f"at line {expected.value.lineno}, column {expected.value.colno})"
    with pytest.raises(InvalidInput) as caught:
        read(text)
    assert str(caught.value).startswith("file: is not valid JSON (")
    assert where in str(caught.value)


@pytest.mark.parametrize("text", ["[1, 2]", "3", '"text"'])
def test_a_document_that_is_not_an_object_is_told_apart(text: str) -> None:
    with pytest.raises(NotAnObject):
        read(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": [NaN]}', "file: NaN is not a number acumat accepts"),
        ('{"a": -Infinity}', "file: -Infinity is not a number"),
        ('{"a": [' + "9" * 5000 + "]}", "file: holds a number with thousands of digits"),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "file: nests lists or objects far too"),
    ],
)
def test_values_json_cannot_hold_or_python_cannot_read_are_refused(
    text: str, expected: str
) -> None:
    with pytest.raises(InvalidInput, match=expected):
        read(text)
