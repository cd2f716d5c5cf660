"""``acumat ask``: the passages of acumat's own pages that answer a question, best first, and
the safety guidance first when the question describes a warning sign. It never writes text.

:mod:`.words` turns text into search terms, :mod:`.signs` finds warning signs in a
question's words, :mod:`.corpus` gathers the passages (learn sections, care guides, the
safety rules' reasons), :mod:`.index` builds the BM25 index with ``bm25s`` and caches it by
the hash of everything it was built from, and :mod:`.answer` answers.
"""

from __future__ import annotations

from acumat.learn.ask.answer import Answer, Found, QuestionRefused, SafetyFirst, answer
from acumat.learn.ask.index import load_index

__all__ = ["Answer", "Found", "QuestionRefused", "SafetyFirst", "answer", "load_index"]
