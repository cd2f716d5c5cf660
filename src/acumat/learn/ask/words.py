"""From text to the words a search compares: lower case, apostrophes dropped (``can't`` is
``cant``), phrases people use joined by the words acumat uses (``words.toml``), words that say
nothing about the subject left out, and each word cut to its stem (Snowball English), so
``lying``, ``lies`` and ``lie`` meet.

Passages and questions go through the same steps; a question also has words a letter or
two off a known word corrected (``accupressure``), which passages never need.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files

WORD = re.compile(r"[a-z0-9]+")
APOSTROPHES = re.compile(r"['’‘`]")


def words(text: str) -> list[str]:
    """The words of ``text`` in lower case, with apostrophes dropped (``i'm`` is ``im``)."""
    return WORD.findall(APOSTROPHES.sub("", text.casefold()))


@dataclass(frozen=True)
class Lexicon:
    """The synonym table (``(phrase words, added words)`` pairs) and the ignored words."""

    same: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    ignore: frozenset[str]

    @cached_property
    def _by_first_word(self) -> dict[str, list[int]]:
        """The table's entries by the first word of their phrase, to find them quickly."""
        found: dict[str, list[int]] = {}
        for number, (phrase, _means) in enumerate(self.same):
            found.setdefault(phrase[0], []).append(number)
        return found

    def expanded(self, text_words: Sequence[str]) -> list[str]:
        """``text_words`` followed by the words of every phrase of theirs the table knows
        (once per phrase, however often it appears)."""
        matched: set[int] = set()
        for start, word in enumerate(text_words):
            for number in self._by_first_word.get(word, ()):
                phrase = self.same[number][0]
                if tuple(text_words[start : start + len(phrase)]) == phrase:
                    matched.add(number)
        added = [w for number in sorted(matched) for w in self.same[number][1]]
        return [*text_words, *added]

    def terms(self, text_words: Sequence[str]) -> list[str]:
        """The stems a search compares: synonyms added, ignored words left out."""
        kept = [w for w in self.expanded(text_words) if w not in self.ignore]
        return stems(kept)

    def covers(self, word: str, indexed: Container[str]) -> bool:
        """Whether ``word``, or a word the table gives for it, is a term of the index."""
        return any(term in indexed for term in stems(self.expanded([word])))

    @property
    def known_words(self) -> set[str]:
        """Every word the table itself uses."""
        return {w for phrase, means in self.same for w in (*phrase, *means)} | self.ignore


def contains(text_words: Sequence[str], phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` appears in ``text_words`` as whole words, in order."""
    n = len(phrase)
    if n == 1:
        return phrase[0] in text_words
    return any(
        tuple(text_words[i : i + n]) == tuple(phrase) for i in range(len(text_words) - n + 1)
    )


@cache
def lexicon_text() -> str:
    return files("acumat.learn").joinpath("words.toml").read_text(encoding="utf-8")


@cache
def load_lexicon() -> Lexicon:
    """The table in ``words.toml``, read once per process."""
    raw = tomllib.loads(lexicon_text())
    same = tuple(
        (tuple(words(phrase)), tuple(words(entry["means"])))
        for entry in raw["same"]
        for phrase in entry["words"]
    )
    return Lexicon(same, frozenset(raw["ignore"]["words"]))


@cache
def _stemmer() -> object:
    import Stemmer

    return Stemmer.Stemmer("english")


def stems(text_words: Iterable[str]) -> list[str]:
    """Each word cut to its Snowball English stem."""
    stemmer = _stemmer()
    return list(stemmer.stemWords(list(text_words)))  # type: ignore[attr-defined]


TYPO_FROM = 6
"""Letters a word needs before a one-letter slip is corrected: shorter words are too often
other words one letter away (tower and lower, spain and pain). Short misspellings people
make (matt) are in the synonym table instead."""
TWO_TYPOS_FROM = 9


def corrected(text_words: Sequence[str], known: Sequence[str]) -> list[str]:
    """``text_words`` with each unknown word of six letters or more read as the known word
    closest to it: one letter off up to eight letters, two letters off from nine (a typo, not
    another word). ``known`` is ordered most common first, which breaks ties."""
    vocabulary = set(known)
    unknown = [w for w in text_words if w not in vocabulary and len(w) >= TYPO_FROM]
    if not unknown:
        return list(text_words)
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.process import extractOne

    fixes: dict[str, str] = {}
    for word in unknown:
        limit = 1 if len(word) < TWO_TYPOS_FROM else 2
        best = extractOne(word, known, scorer=Levenshtein.distance, score_cutoff=limit)
        if best is not None:
            fixes[word] = best[0]
    return [fixes.get(w, w) for w in text_words]
