"""The sources a page cites: from the shared register, in order of first mention, once each."""

from __future__ import annotations

from acumat.knowledge import source_register
from acumat.present.sources import cited


def test_cited_keeps_the_first_mention_order_once_each() -> None:
    found = cited(["S30", "S1", "S30", "S33"])
    assert list(found) == ["S30", "S1", "S33"]
    assert found["S1"] == source_register()["S1"]
