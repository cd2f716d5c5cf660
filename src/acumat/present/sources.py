"""The sources a page cites, for their titles and links: one lookup in the shared register."""

from __future__ import annotations

from collections.abc import Iterable

from acumat.knowledge import Source, source_register


def cited(ids: Iterable[str]) -> dict[str, Source]:
    """The register entries ``ids`` name, in order of first mention, each once (the data
    loaders refuse an unknown id, so none is dropped here in practice)."""
    register = source_register()
    return {sid: register[sid] for sid in dict.fromkeys(ids) if sid in register}
