"""What acumat's words rest on: the register of sources every room cites (safety rules, the
mat plan, care guides and, next, the learn pages), read from ``sources.toml``.

A leaf package: it imports nothing of acumat, so any room may cite from it.
"""

from __future__ import annotations

from acumat.knowledge.register import Source, source_ids, source_register

__all__ = ["Source", "source_ids", "source_register"]
