"""The kinds of diary entry and the words a person reads for each.

A leaf module (it imports nothing of acumat), so the store can name what it did not find
without reaching up into the diary room.
"""

from __future__ import annotations

ENTRY_NAMES: dict[str, str] = {
    "checkin": "check-in",
    "episode": "spasm episode",
    "session": "mat session",
    "care": "care activity",
}
