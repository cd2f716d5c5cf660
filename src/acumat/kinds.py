"""The kinds of diary entry and the words a person reads for each.

A leaf module (it imports nothing of acumat), so the store can name what it did not find
without reaching up into the diary room.
"""

from __future__ import annotations

from typing import Literal

EntryKind = Literal["checkin", "episode", "session", "care"]
ENTRY_KINDS: tuple[EntryKind, ...] = ("checkin", "episode", "session", "care")

MAX_ID = 2**31 - 1
"""The largest id every supported database holds in its id columns: larger is no entry."""

LIST_NAMES: dict[EntryKind, str] = {
    "checkin": "checkins",
    "episode": "episodes",
    "session": "sessions",
    "care": "care",
}
"""Each kind's list: its name in exports, in the API's lists and in import counts."""

ENTRY_NAMES: dict[str, str] = {
    "checkin": "check-in",
    "episode": "spasm episode",
    "session": "mat session",
    "care": "care activity",
}
