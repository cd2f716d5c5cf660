"""The learn pages: Markdown files in ``pages/``, one per topic, each opening with TOML front
matter between ``+++`` lines (``title``, ``summary``, ``order``) and split into sections by
``##`` headings.

A section is one thing a person may look for, so it is also one search passage. The loader
refuses a page whose front matter is incomplete, that cites a source the register does not
have, or with a section that cites nothing: a bad edit fails the tests, never a reader.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable

from acumat.knowledge import source_ids
from acumat.learn.citations import ids_in

FRONT = re.compile(r"\A\+\+\+\n(?P<front>.*?)\n\+\+\+\n(?P<body>.*)\Z", re.DOTALL)
HEADING = re.compile(r"^## +(?P<heading>.+?) *$", re.MULTILINE)


class LearnDataError(ValueError):
    """A learn page is malformed or cites a source the register does not have."""


@dataclass(frozen=True)
class Section:
    """One part of a page: its heading (the page's title for the opening), the anchor that
    links to it, its Markdown and the sources it cites."""

    heading: str
    anchor: str
    markdown: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    """One topic: ``id`` is the file's name, and the page's address (``/learn/<id>``)."""

    id: str
    title: str
    summary: str
    order: int
    intro: Section | None
    sections: tuple[Section, ...]

    @property
    def parts(self) -> tuple[Section, ...]:
        """The opening (if any) and every section, in reading order."""
        return (self.intro, *self.sections) if self.intro else self.sections

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source the page cites, in order of first use, once each."""
        return tuple(dict.fromkeys(s for part in self.parts for s in part.sources))

    @property
    def link(self) -> str:
        return f"/learn/{self.id}"


def anchor_of(heading: str) -> str:
    """The heading as an address fragment: lower case, words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", heading.casefold().replace("'", "")))


def parse_page(page_id: str, text: str) -> Page:
    """One page from its file's text; :class:`LearnDataError` says what is wrong and where."""
    match = FRONT.match(text.replace("\r\n", "\n"))
    if match is None:
        raise LearnDataError(f"{page_id}: must open with TOML front matter between +++ lines")
    try:
        front = tomllib.loads(match.group("front"))
    except tomllib.TOMLDecodeError as exc:
        raise LearnDataError(f"{page_id}: front matter: {exc}") from None
    missing = {"title", "summary", "order"} - front.keys()
    if missing:
        raise LearnDataError(f"{page_id}: front matter lacks {', '.join(sorted(missing))}")
    body = match.group("body")
    starts = list(HEADING.finditer(body))
    opening = body[: starts[0].start() if starts else len(body)].strip()
    intro = _section(page_id, str(front["title"]), "", opening) if opening else None
    sections = []
    for n, start in enumerate(starts):
        end = starts[n + 1].start() if n + 1 < len(starts) else len(body)
        heading = start.group("heading")
        markdown = body[start.end() : end].strip()
        sections.append(_section(page_id, heading, anchor_of(heading), markdown))
    if not sections:
        raise LearnDataError(f"{page_id}: has no ## sections")
    return Page(
        page_id,
        str(front["title"]),
        str(front["summary"]),
        int(front["order"]),
        intro,
        tuple(sections),
    )


def _section(page_id: str, heading: str, anchor: str, markdown: str) -> Section:
    cited = ids_in(markdown)
    where = f"{page_id}, section {heading!r}"
    if not cited:
        raise LearnDataError(f"{where}: cites no source")
    unknown = [sid for sid in cited if sid not in source_ids()]
    if unknown:
        raise LearnDataError(f"{where}: cites {', '.join(unknown)}, not in the source register")
    return Section(heading, anchor, markdown, tuple(cited))


def page_files() -> list[Traversable]:
    """The Markdown files of the learn pages."""
    folder = files("acumat.learn").joinpath("pages")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".md")), key=lambda f: f.name)


@cache
def load_pages() -> dict[str, Page]:
    """Every learn page by id, in reading order; read and checked once per process."""
    pages = [
        parse_page(f.name.removesuffix(".md"), f.read_text(encoding="utf-8")) for f in page_files()
    ]
    orders = [p.order for p in pages]
    if len(set(orders)) != len(orders):
        raise LearnDataError("two learn pages have the same order")
    return {p.id: p for p in sorted(pages, key=lambda p: p.order)}
