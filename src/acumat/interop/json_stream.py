"""Reading one large JSON object member by member, so a file is never held whole.

:func:`members` walks the top-level object of a document and hands over each member's
value; a member whose value is a list is handed over item by item. Every value and item
is decoded by the standard library's decoder, so the values are exactly those
``json.loads`` gives, and a syntax error names its line and column as ``json`` does.
Memory holds one item and a 64 KiB window of the text, whatever the file's size.

``NaN`` and ``Infinity`` are refused (they are not JSON), as are numbers with more
digits than Python reads and lists or objects nested deeper than it can follow.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from enum import Enum
from typing import Any, TextIO

from acumat.errors import InvalidInput

CHUNK = 1 << 16
SPACE = re.compile(r"[ \t\n\r]*")


class Part(Enum):
    """What :func:`members` hands over: a plain value, the start of a list, a list's item."""

    VALUE = "value"
    LIST = "list"
    ITEM = "item"


class _Constant(ValueError):
    """``NaN`` or ``Infinity`` in the text."""


def _refuse_constant(name: str) -> float:
    raise _Constant(f"{name} is not a number acumat accepts")


class Cursor:
    """A window over a text stream from which JSON values are decoded one at a time."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._text = ""
        self._at = 0
        self._lines_before = 0  # newlines in the text already dropped from the window
        self._column_before = 0  # characters after the last of them
        self._ended = False
        self._decoder = json.JSONDecoder(parse_constant=_refuse_constant)

    def peek(self) -> str:
        """The next character that is not white space, or ``""`` at the end of the text."""
        while True:
            space = SPACE.match(self._text, self._at)
            self._at = space.end() if space else self._at
            if self._at < len(self._text) or not self._more():
                return self._text[self._at : self._at + 1]

    def skip(self) -> None:
        """Step over the character :meth:`peek` returned."""
        self._at += 1

    def value(self) -> Any:
        """Decode the value that starts at the next character."""
        self.peek()
        while True:
            try:
                found, end = self._decoder.raw_decode(self._text, self._at)
            except json.JSONDecodeError as exc:
                if self._more():
                    continue
                raise self.error(exc.msg, exc.pos) from None
            except RecursionError:
                raise InvalidInput.single(
                    "file", "nests lists or objects far too deeply to be an acumat export"
                ) from None
            except _Constant as exc:
                raise InvalidInput.single("file", str(exc)) from None
            except ValueError:
                raise InvalidInput.single(
                    "file", "holds a number with thousands of digits; fix it or export again"
                ) from None
            if end == len(self._text) and self._more():
                continue  # a number may go on in the text not yet read
            self._at = end
            return found

    def error(self, what: str, pos: int | None = None) -> InvalidInput:
        """A syntax error at ``pos`` in the window (default: the next character)."""
        pos = self._at if pos is None else pos
        line = self._lines_before + self._text.count("\n", 0, pos) + 1
        last = self._text.rfind("\n", 0, pos)
        column = pos - last if last >= 0 else self._column_before + pos + 1
        where = f"{what.removesuffix(' at')} at line {line}, column {column}"
        return InvalidInput.single(
            "file", f"is not valid JSON ({where}); fix that spot or export again"
        )

    def _more(self) -> bool:
        """Read at least as much again as the window holds, dropping what has been read."""
        if self._ended:
            return False
        rest = self._text[self._at :]
        chunk = self._stream.read(max(CHUNK, len(rest)))
        if not chunk:
            self._ended = True
            return False
        done = self._text[: self._at]
        newlines = done.count("\n")
        if newlines:
            self._lines_before += newlines
            self._column_before = len(done) - done.rfind("\n") - 1
        else:
            self._column_before += len(done)
        self._text, self._at = rest + chunk, 0
        return True


def members(cursor: Cursor) -> Iterator[tuple[str, Part, Any]]:
    """``(key, part, value)`` for each member of the top-level object, in text order.

    A list value comes as ``(key, Part.LIST, None)`` and then ``(key, Part.ITEM, item)``
    for each item; any other value as ``(key, Part.VALUE, value)``. A document that is
    not an object raises :class:`NotAnObject`.
    """
    if cursor.peek() != "{":
        if cursor.peek() != "[":
            cursor.value()  # not JSON at all: the syntax error says where
        raise NotAnObject()
    cursor.skip()
    if cursor.peek() == "}":
        cursor.skip()
    else:
        yield from _object_members(cursor)
    if cursor.peek() != "":
        raise cursor.error("Extra data")


def _object_members(cursor: Cursor) -> Iterator[tuple[str, Part, Any]]:
    while True:
        if cursor.peek() != '"':
            raise cursor.error("Expecting property name enclosed in double quotes")
        key = cursor.value()
        if cursor.peek() != ":":
            raise cursor.error("Expecting ':' delimiter")
        cursor.skip()
        if cursor.peek() == "[":
            cursor.skip()
            yield key, Part.LIST, None
            for item in _items(cursor):
                yield key, Part.ITEM, item
        else:
            yield key, Part.VALUE, cursor.value()
        if _after_member(cursor, "}"):
            return


def _items(cursor: Cursor) -> Iterator[Any]:
    if cursor.peek() == "]":
        cursor.skip()
        return
    while True:
        yield cursor.value()
        if _after_member(cursor, "]"):
            return


def _after_member(cursor: Cursor, closing: str) -> bool:
    """Step over the ``,`` after a member (``False``) or the ``closing`` bracket (``True``)."""
    following = cursor.peek()
    if following not in (",", closing):
        raise cursor.error("Expecting ',' delimiter")
    cursor.skip()
    return following == closing


class NotAnObject(Exception):
    """The document is JSON, but its top level is not an object."""
