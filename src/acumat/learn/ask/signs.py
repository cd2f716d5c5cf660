"""Warning signs in people's words (``acumat/safety/signs_in_words.toml``): which of the
screening's questions a question describes.

A pattern is parts joined by ``+`` that must all appear; a part is options joined by ``|``;
an option is words in order, a word ending in ``*`` matching any word it begins. Matching is
on a question's own words (lower case, apostrophes dropped, typos corrected), before any
synonym or stem, so ``leg`` and ``legs`` stay apart where the screening tells them apart.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

Option = tuple[str, ...]
Part = tuple[Option, ...]
Pattern = tuple[Part, ...]


class SignDataError(ValueError):
    """``signs_in_words.toml`` is malformed or names a question that does not exist."""


@dataclass(frozen=True)
class Sign:
    """The screening question ``item`` and the ways people describe it."""

    item: str
    patterns: tuple[Pattern, ...]

    def described_in(self, text_words: Sequence[str]) -> bool:
        return described(self.patterns, text_words)

    @property
    def words(self) -> set[str]:
        """The whole words the patterns use (prefixes left out), for typo correction."""
        return {w for p in self.patterns for part in p for o in part for w in o if "*" not in w}


def described(patterns: tuple[Pattern, ...], text_words: Sequence[str]) -> bool:
    """Whether any of ``patterns`` matches ``text_words``."""
    return any(all(_part_in(part, text_words) for part in p) for p in patterns)


def _word_matches(pattern_word: str, word: str) -> bool:
    if pattern_word.endswith("*"):
        return word.startswith(pattern_word[:-1])
    return word == pattern_word


def _option_at(option: Option, text_words: Sequence[str], start: int) -> bool:
    if start + len(option) > len(text_words):
        return False
    return all(_word_matches(o, w) for o, w in zip(option, text_words[start:], strict=False))


def _option_in(option: Option, text_words: Sequence[str]) -> bool:
    if len(option) == 1 and not option[0].endswith("*"):
        return option[0] in text_words
    return any(_option_at(option, text_words, i) for i in range(len(text_words)))


def _part_in(part: Part, text_words: Sequence[str]) -> bool:
    return any(_option_in(option, text_words) for option in part)


def parse_pattern(text: str) -> Pattern:
    """``"numb* + bum|bottom"`` as parts of options of words."""
    parts = tuple(
        tuple(tuple(option.split()) for option in part.split("|") if option.split())
        for part in text.casefold().split("+")
    )
    if not parts or any(not part for part in parts):
        raise SignDataError(f"pattern {text!r} has an empty part")
    return parts


def signs_text() -> str:
    return files("acumat").joinpath("safety", "signs_in_words.toml").read_text(encoding="utf-8")


@cache
def load_signs() -> tuple[Sign, ...]:
    """Every sign, in file order; the item ids are checked against the screening questions."""
    from acumat.safety import load_ruleset

    items = load_ruleset().items
    signs = []
    for raw in tomllib.loads(signs_text())["sign"]:
        if raw["item"] not in items:
            raise SignDataError(f"{raw['item']!r} is not a screening question")
        signs.append(Sign(str(raw["item"]), tuple(parse_pattern(p) for p in raw["patterns"])))
    return tuple(signs)
