"""What a person must never read, and how to find it in a page, a JSON body or CLI output."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from acumat.diary.schemas import INPUT_SCHEMAS
from acumat.present.labels import VOCABULARIES

LIBRARY_PHRASES = (
    "Input should",
    "String should",
    "List should",
    "valid integer",
    "Value error",
    "Field required",
    "validation error",
    "Extra inputs",
    "pydantic",
    "type=",
    "sqlalchemy",
    "psycopg.",
    "(psycopg",
    "IntegrityError",
    "OperationalError",
    "[SQL:",
    "Background on this error",
    "sqlite3.",
)
"""Openings of pydantic's and SQLAlchemy's own sentences (case-insensitive)."""

PLAIN = frozenset(
    {"day", "pain", "stress", "note", "kind", "minutes", "locations", "triggers", "neck"}
    | {"heat", "cold", "stretching", "walking", "other", "lifting", "overuse", "numbness"}
    | {"skin", "interrupted", "none", "redness", "bruising", "bleeding", "blisters", "rash"}
)
"""Keys and codes that are also plain words a sentence may use."""

FILE_PATH = re.compile(
    r"site-packages|src/acumat|Traceback|\w\.py\b|/tmp/|/home/|/work/|seed/article", re.I
)
FIELD_KEYS = tuple(
    sorted(
        {name for schema in INPUT_SCHEMAS.values() for name in schema.model_fields if "_" in name}
    )
)
"""Field keys no label could be mistaken for (``pain``, ``day`` … are plain words too)."""
ENUM_CODES = tuple(
    sorted({code for words in VOCABULARIES.values() for code in words if "_" in code})
)
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts.extend(value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The words a page shows (text and the attributes read aloud), tags and values left out."""
    parser = _Visible()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def library_words(text: str) -> list[str]:
    """Every library phrase and file path found in ``text``."""
    lowered = text.lower()
    found = [phrase for phrase in LIBRARY_PHRASES if phrase.lower() in lowered]
    return found + FILE_PATH.findall(text)


def codes_shown(text: str) -> list[str]:
    """Field keys and stored words found in ``text`` (for words meant for people)."""
    return [key for key in (*FIELD_KEYS, *ENUM_CODES) if key in text]


def not_for_people(text: str) -> list[str]:
    """Everything in ``text`` a person must not read: library words, paths, keys and codes."""
    return library_words(text) + codes_shown(text)
