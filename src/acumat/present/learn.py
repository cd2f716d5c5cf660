"""A learn page as HTML: each section's Markdown rendered (raw HTML in the files is shown
as text, never run), the region's services filled in, and each citation turned into a
numbered link to its note, with the notes listing each source's real title and address."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from acumat.knowledge import Source
from acumat.learn import Page
from acumat.learn.citations import numbered, replace_citations
from acumat.present.sources import cited
from acumat.safety.regions import localise


@dataclass(frozen=True)
class SectionView:
    heading: str
    anchor: str
    html: Markup


@dataclass(frozen=True)
class Note:
    """Note ``number``: the source it names."""

    number: int
    source: Source


@dataclass(frozen=True)
class PageView:
    """A page ready for the template: the opening, the sections and the numbered notes."""

    page: Page
    intro: Markup | None
    sections: tuple[SectionView, ...]
    notes: tuple[Note, ...]


def _markdown_html(markdown: str) -> str:
    from markdown_it import MarkdownIt

    html: str = MarkdownIt("commonmark", {"html": False}).render(markdown)
    return html


def page_view(page: Page, region: str | None) -> PageView:
    """``page`` in HTML for a person in ``region``."""
    numbers = numbered(page.sources)

    def html(markdown: str) -> Markup:
        rendered = _markdown_html(localise(markdown, region))
        return Markup(replace_citations(rendered, lambda ids: _marks(ids, numbers)))  # noqa: S704

    intro = html(page.intro.markdown) if page.intro else None
    sections = tuple(SectionView(s.heading, s.anchor, html(s.markdown)) for s in page.sections)
    sources = cited(page.sources)
    notes = tuple(Note(numbers[sid], source) for sid, source in sources.items())
    return PageView(page, intro, sections, notes)


def _marks(ids: list[str], numbers: dict[str, int]) -> str:
    """Note links for ``ids``: ``<sup>`` numbers pointing at the notes list."""
    links = ", ".join(
        f'<a href="#note-{numbers[sid]}" aria-label="source {numbers[sid]}">{numbers[sid]}</a>'
        for sid in dict.fromkeys(ids)
    )
    return f'<sup class="cite">{links}</sup>'
