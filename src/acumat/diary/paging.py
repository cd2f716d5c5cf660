"""Keyset paging of the diary's lists: one order for every list, and cursors into it.

Every list shows entries newest first in one order. A timed entry (episode, mat session,
care) sorts by when it started, then by its kind, then by its id; a check-in sorts at the end
of its day in the person's time zone, so it heads that day's entries. A page stops after
``limit`` entries; its cursor names the last entry it showed (kind, day or start, id) and the
list it came from, and the next page is every entry after that one in this order. Entries
added or removed meanwhile never shift a later page: nothing is skipped or shown twice.

A cursor is opaque to clients (base64url text) and holds no health data, only a day or an
instant, a kind and an id. Used by another person it pages through that person's own diary.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from acumat.diary.schemas import ENTRY_KINDS, EntryKind
from acumat.errors import InvalidInput
from acumat.kinds import LIST_NAMES, MAX_ID
from acumat.present.messages import plain
from acumat.timecheck import in_window

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_CURSOR_LENGTH = 200

LISTS: dict[str, tuple[EntryKind, ...]] = {
    "diary": ENTRY_KINDS,
    **{LIST_NAMES[kind]: (kind,) for kind in ENTRY_KINDS},
}
"""Each paged list and the kinds of entry it holds."""

RANK: dict[EntryKind, int] = {kind: rank for rank, kind in enumerate(ENTRY_KINDS)}


@dataclass(frozen=True)
class Position:
    """An entry's place in the order: its kind, its day (check-ins) or start, and its id."""

    kind: EntryKind
    at: date | datetime
    id: int

    def sort_key(self, zone: tzinfo) -> tuple[datetime, int, int]:
        """Larger is newer; ``zone`` places a check-in at the end of its day."""
        moment = self.at if isinstance(self.at, datetime) else day_start(self.at, zone, 1)
        return moment, RANK[self.kind], self.id


def day_start(day: date, zone: tzinfo, offset: int = 0) -> datetime:
    """The first instant (in UTC) of the day ``offset`` days after ``day``, lived in ``zone``."""
    return datetime.combine(day + timedelta(days=offset), time.min, zone).astimezone(UTC)


def checkin_bound(after: Position | None, zone: tzinfo) -> date | None:
    """Check-ins after ``after`` are those on a day before this one (``None``: every day)."""
    if after is None:
        return None
    if isinstance(after.at, datetime):
        return after.at.astimezone(zone).date()
    return after.at


def timed_bound(
    kind: EntryKind, after: Position | None, zone: tzinfo
) -> tuple[datetime, int | None] | None:
    """Entries of ``kind`` after ``after`` have ``(started_at, id)`` below this pair; an id
    of ``None`` lets in every entry that started at that instant (``None``: no bound)."""
    if after is None:
        return None
    if not isinstance(after.at, datetime):
        return day_start(after.at, zone, 1), 0
    if RANK[kind] < RANK[after.kind]:
        return after.at, None
    if RANK[kind] > RANK[after.kind]:
        return after.at, 0
    return after.at, after.id


def check_limit(limit: int) -> None:
    """:class:`InvalidInput` coded ``limit_out_of_range`` (with the range and the number
    given) unless ``limit`` is a page size acumat serves."""
    if not 1 <= limit <= MAX_LIMIT:
        params = {"minimum": 1, "maximum": MAX_LIMIT, "given": limit}
        message = plain("limit_out_of_range", params)
        raise InvalidInput.single("limit", message, "limit_out_of_range", **params)


def refuse_cursor() -> InvalidInput:
    """The one refusal of a cursor acumat did not give for the list, coded ``bad_cursor``."""
    return InvalidInput.single("cursor", plain("bad_cursor", {}), "bad_cursor")


def encode(listing: str, position: Position) -> str:
    """The opaque cursor of ``position`` in ``listing``."""
    at = position.at
    moment = at.astimezone(UTC).isoformat() if isinstance(at, datetime) else at.isoformat()
    text = f"{listing}|{position.kind}|{moment}|{position.id}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode(listing: str, cursor: str) -> Position:
    """The position ``cursor`` names; :class:`InvalidInput` naming ``cursor`` unless it is
    exactly a cursor :func:`encode` gives for ``listing``."""
    position = _parse(listing, cursor) if len(cursor) <= MAX_CURSOR_LENGTH else None
    if position is None or encode(listing, position) != cursor:
        raise refuse_cursor()
    return position


def _parse(listing: str, cursor: str) -> Position | None:
    if not cursor.isascii():  # b64decode raises a plain ValueError for other letters
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        text = base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        return None
    parts = text.split("|")
    if len(parts) != 4 or parts[0] != listing or parts[1] not in LISTS[listing]:
        return None
    kind: EntryKind = next(k for k in ENTRY_KINDS if k == parts[1])
    at = _moment(kind, parts[2])
    if at is None or not parts[3].isascii() or not parts[3].isdigit():
        return None
    entry_id = int(parts[3])
    return Position(kind, at, entry_id) if 1 <= entry_id <= MAX_ID else None


def _moment(kind: EntryKind, text: str) -> date | datetime | None:
    try:
        at = date.fromisoformat(text) if kind == "checkin" else datetime.fromisoformat(text)
    except ValueError:
        return None
    if isinstance(at, datetime) and at.tzinfo is None:
        return None
    day = at.date() if isinstance(at, datetime) else at
    return at if in_window(day) else None
