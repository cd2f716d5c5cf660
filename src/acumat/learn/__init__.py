"""Learn: what the article teaches, in acumat's own words with their sources, and ``ask``,
which finds the passages that answer a person's question (it never writes an answer).

The pages are Markdown files in ``pages/`` (:mod:`.pages` reads them, :mod:`.citations`
turns their source ids into numbered notes); :mod:`acumat.learn.ask` searches them with the
care guides and the safety rules' reasons. Pure: the only files read are the package's own.
"""

from __future__ import annotations

from acumat.learn.pages import LearnDataError, Page, Section, load_pages

__all__ = ["LearnDataError", "Page", "Section", "load_pages"]
