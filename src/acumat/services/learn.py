"""Learn and ask for the acting person: the topics, one page, and the answer to a question,
worded for the person's region (its emergency number, its services).

``ask`` is on the fast path of ``acumat ask``: it reads the cached index and, only when the
answer names a service, asks ``region_of`` for the person's region (which may mean opening
their diary). Every interface calls these functions; none words or ranks anything itself.
"""

from __future__ import annotations

from collections.abc import Callable

from acumat.errors import InvalidInput, NotFound
from acumat.learn import Page, load_pages
from acumat.learn.ask import Answer, answer, load_index


def topics() -> list[Page]:
    """Every learn page, in reading order."""
    return list(load_pages().values())


def page(topic: str) -> Page:
    """The learn page ``topic``; :class:`NotFound` when there is none."""
    found = load_pages().get(topic)
    if found is None:
        raise NotFound("learn topic", topic)
    return found


def neighbours(topic: str) -> tuple[Page | None, Page | None]:
    """The pages before and after ``topic`` in reading order."""
    pages = topics()
    at = [p.id for p in pages].index(topic)
    return (pages[at - 1] if at else None), (pages[at + 1] if at + 1 < len(pages) else None)


def region_code(region: str) -> str:
    """``region`` as a known region's code (any letter case); :class:`InvalidInput` naming
    the codes there are otherwise."""
    codes = list(load_index().regions)
    if region.upper() not in codes:
        message = f"must be one of {', '.join(codes)} (got {region!r})"
        raise InvalidInput.single("region", message, "unknown_word", choices=codes)
    return region.upper()


def ask(question: str, region_of: Callable[[], str | None]) -> Answer:
    """The answer to ``question`` in the words of the person's region, which ``region_of``
    gives (called only when the answer names a service or number)."""
    found = answer(question)
    region = region_of() if found.needs_region else None
    return found.worded(load_index().region_words(region))
