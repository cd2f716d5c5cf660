"""Source ids in Markdown: ``… short-lived relief. [S21]`` or ``[S28, S30]``.

Citations are written after the sentence they support; a page shows them as numbered
notes (numbered in order of first use on that page) and a search passage lists their ids.
A bracket followed by ``(`` is a link, never a citation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

SOURCE_ID = r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*"
CITATION = re.compile(rf"[ \t]*\[({SOURCE_ID}(?:,[ \t]*{SOURCE_ID})*)\](?!\()")


def ids_in(text: str) -> list[str]:
    """Every source id cited in ``text``, in order of first use, once each."""
    found = (sid.strip() for m in CITATION.finditer(text) for sid in m.group(1).split(","))
    return list(dict.fromkeys(found))


def numbered(ids: Iterable[str]) -> dict[str, int]:
    """Note numbers for ``ids``: 1, 2, … in order of first use."""
    return {sid: n for n, sid in enumerate(dict.fromkeys(ids), 1)}


def replace_citations(text: str, mark: Callable[[list[str]], str]) -> str:
    """``text`` with each citation (and the space before it) replaced by ``mark(ids)``."""
    return CITATION.sub(lambda m: mark([s.strip() for s in m.group(1).split(",")]), text)


def without_citations(text: str) -> str:
    """``text`` with its citations taken out, for reading aloud or searching."""
    return replace_citations(text, lambda _ids: "")
