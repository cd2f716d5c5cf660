"""The source register: one entry per source, with the title people read and its addresses.

``note`` says how a source was read (a syndicated copy, a summary); it is for reviewers and
is never shown to a person.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Source:
    """An entry of the source register: ``name`` is shown to people, ``note`` never is."""

    id: str
    name: str
    urls: tuple[str, ...]
    note: str = ""


@cache
def source_register() -> dict[str, Source]:
    """Every source by id, read once per process."""
    text = files("acumat.knowledge").joinpath("sources.toml").read_text(encoding="utf-8")
    return {
        str(s["id"]): Source(str(s["id"]), str(s["name"]), tuple(s["urls"]), s.get("note", ""))
        for s in tomllib.loads(text)["source"]
    }


def source_ids() -> frozenset[str]:
    """The ids a data file may cite."""
    return frozenset(source_register())
