"""Reading rendered pages in tests: field errors, labels, links and asset URLs."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

FIELD_TAGS = {"input", "select", "textarea"}
UNLABELLED_TYPES = {"hidden", "submit", "button"}
VOID = {"input", "meta", "link", "br", "img", "hr", "source", "circle", "path"}


@dataclass
class PageParts(HTMLParser):
    """Collects the parts of a page the tests ask about, in document order."""

    fields: list[dict[str, str]] = field(default_factory=list)
    label_targets: set[str] = field(default_factory=set)
    urls: list[str] = field(default_factory=list)
    texts_by_id: dict[str, str] = field(default_factory=dict)
    _open_ids: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag in FIELD_TAGS and found.get("type") not in UNLABELLED_TYPES:
            self.fields.append({"tag": tag, **found})
        if tag == "label" and "for" in found:
            self.label_targets.add(found["for"])
        if tag != "a":  # a link is only followed if the person chooses; everything else loads
            self.urls.extend(found[name] for name in ("src", "href", "action") if name in found)
        if "id" in found and tag not in VOID:
            self._open_ids.append((tag, found["id"]))
            self.texts_by_id[found["id"]] = ""

    def handle_endtag(self, tag: str) -> None:
        if any(open_tag == tag for open_tag, _ in self._open_ids):
            while self._open_ids.pop()[0] != tag:
                pass

    def handle_data(self, data: str) -> None:
        for _, element_id in self._open_ids:
            self.texts_by_id[element_id] += data


def parts(html: str) -> PageParts:
    parser = PageParts()
    parser.feed(html)
    return parser


def error_text(html: str, kind: str, name: str) -> str:
    """The problem shown next to field ``name`` of form ``kind`` ('' when none)."""
    shown = " ".join(parts(html).texts_by_id.get(f"{kind}-{name}-error", "").split())
    return shown.removeprefix("Problem: ")


def field_value(html: str, kind: str, name: str) -> str | None:
    """The ``value`` of input ``name`` in form ``kind`` (``None`` if it has no such input)."""
    for found in parts(html).fields:
        if found.get("id") == f"{kind}-{name}":
            return found.get("value")
    return None
