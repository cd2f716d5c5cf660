"""Markdown as plain text, for a search passage and for reading out: citations taken out,
links kept as their words, each list item on its own line after a bullet."""

from __future__ import annotations

from markdown_it import MarkdownIt

from acumat.learn.citations import without_citations

BULLET = "• "


def plain_text(markdown: str) -> str:
    """The words of ``markdown``, one paragraph or list item per line."""
    tokens = MarkdownIt("commonmark").parse(without_citations(markdown))
    lines: list[str] = []
    in_item = 0
    for token in tokens:
        if token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            text = "".join(
                " " if child.type in ("softbreak", "hardbreak") else child.content
                for child in token.children or ()
            )
            lines.append((BULLET if in_item else "") + " ".join(text.split()))
    return "\n".join(line for line in lines if line.strip())
