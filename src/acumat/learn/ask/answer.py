"""Answering a question: the safety guidance first when it describes a warning sign, then
the passages that match it best; or, for a question outside acumat's subject, a plain
"that is not something acumat knows about" and the Learn topics.

Nothing is written here: every word returned is a passage of acumat's pages, a care guide,
or a safety rule's reason and action, with the person's region's services filled in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

from acumat.errors import InvalidInput, Problem
from acumat.learn.ask.index import Index, SignAnswer, load_index
from acumat.learn.ask.words import Lexicon, corrected, load_lexicon, words

MAX_QUESTION = 500
"""Characters: a question, not a document."""
MAX_ANSWERS = 5
MIN_SCORE = 1.0
"""Below this best BM25 score a question shares too little with acumat's pages to be on its
subject. Tuned on the question set (README, "Ask"): its lowest question scores about 2,
its off-topic ones 0 to 1.5."""
MIN_COVERAGE = 0.6
"""Of the words a question is about (ignored words aside), the share acumat's pages use, or
have a synonym for; less is another subject. The question set's questions are at 0.67 or
more, its off-topic ones at 0.5 or less."""
RELATIVE = 0.25
"""A passage is worth showing only if it scores at least this share of the best."""
PLACEHOLDER = re.compile(r"\{([A-Za-z_]+)\}")
"""The regions' ``{placeholders}``, as :func:`acumat.safety.regions.localise` fills them."""


class QuestionRefused(InvalidInput):
    """The question is empty or too long; ``reason`` says which, in a person's words, after
    "Your question" (the API names the ``q`` parameter)."""

    def __init__(self, reason: str, code: str) -> None:
        self.reason = reason
        super().__init__([Problem("q", reason, code)])


@dataclass(frozen=True)
class Found:
    """One passage as an answer: its title, text, source ids and the address of its page."""

    title: str
    text: str
    sources: tuple[str, ...]
    link: str
    page: str = ""
    score: float = 0.0
    key_lines: tuple[int, ...] = ()

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def glimpse(self, most: int = 3) -> list[str]:
        """The lines to show before "the rest": the first, and those holding the question's
        words (``key_lines``), at most ``most`` in all, in passage order."""
        chosen = sorted({0, *self.key_lines})[:most]
        return [self.lines[i] for i in chosen]

    @property
    def glimpsed_all(self) -> bool:
        return len(self.glimpse()) == len(self.lines)


@dataclass(frozen=True)
class SafetyFirst:
    """The guidance for a warning sign the question describes: the urgency's name, the
    heading a person reads for it, and the rule's reason and action."""

    item: str
    urgency: str
    label: str
    text: str


@dataclass(frozen=True)
class Answer:
    """What ``ask`` returns: whether the question is on acumat's subject, the safety
    guidance to show first (or ``None``), and the passages, best first (for a question
    outside the subject: the Learn topics)."""

    in_scope: bool
    safety: SafetyFirst | None
    answers: tuple[Found, ...]

    @property
    def needs_region(self) -> bool:
        """Whether any of its words name a service or number, which depend on the region."""
        texts = [a.title + a.text for a in self.answers]
        if self.safety is not None:
            texts.append(self.safety.label + self.safety.text)
        return any(PLACEHOLDER.search(text) for text in texts)

    def worded(self, words: Mapping[str, str]) -> Answer:
        """This answer with the region's services and numbers (``words``, from
        :meth:`Index.region_words`) in place of its placeholders."""

        def fill(text: str) -> str:
            return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)

        safety = self.safety
        if safety is not None:
            safety = replace(safety, label=fill(safety.label), text=fill(safety.text))
        answers = tuple(replace(a, title=fill(a.title), text=fill(a.text)) for a in self.answers)
        return Answer(self.in_scope, safety, answers)

    def contract(self) -> dict[str, object]:
        """The JSON contract of ``acumat ask --json`` and ``GET /api/v1/ask``, exactly."""
        safety = None
        if self.safety is not None:
            safety = {"urgency": self.safety.urgency, "text": self.safety.text}
        return {
            "in_scope": self.in_scope,
            "safety": safety,
            "answers": [
                {"title": a.title, "text": a.text, "sources": list(a.sources), "link": a.link}
                for a in self.answers
            ],
        }


def question_words(question: str, index: Index) -> list[str]:
    """The question's words with typos corrected; :class:`QuestionRefused` when empty or
    too long."""
    if len(question) > MAX_QUESTION:
        raise QuestionRefused(
            f"is longer than {MAX_QUESTION} characters; ask one thing at a time", "too_long"
        )
    found = words(question)
    if not found:
        raise QuestionRefused("is empty; type a question in your own words", "required")
    return corrected(found, index.known)


def scores(terms: set[str], index: Index) -> dict[int, float]:
    """Each passage's BM25 score for ``terms``: the sum of the weights ``bm25s`` stored."""
    total: dict[int, float] = defaultdict(float)
    for term in terms:
        for passage, weight in index.weights.get(term, ()):
            total[passage] += weight
    return total


def answer(question: str, index: Index | None = None) -> Answer:
    """The answer to ``question``, with the regions' ``{placeholders}`` still in: call
    :meth:`Answer.worded` with the person's region before showing it."""
    index = index or load_index()
    text_words = question_words(question, index)
    sign = warning_sign(text_words, index)
    lexicon = load_lexicon()
    terms = set(lexicon.terms(text_words))
    ranked = sorted(scores(terms, index).items(), key=lambda pair: (-pair[1], pair[0]))
    best = ranked[0][1] if ranked else 0.0
    said = [w for w in dict.fromkeys(text_words) if w not in lexicon.ignore]
    known = sum(1 for word in said if lexicon.covers(word, index.weights))
    on_subject = best >= MIN_SCORE and known >= MIN_COVERAGE * len(said)
    safety = None
    if sign is not None:
        safety = SafetyFirst(sign.item, sign.urgency, sign.label, sign.text)
    if not (on_subject or safety):
        topics = tuple(Found(t.title, t.summary, (), t.link) for t in index.topics)
        return Answer(False, None, topics)
    found = []
    for number, score in ranked[:MAX_ANSWERS]:
        if score < RELATIVE * best:
            break
        p = index.passages[number]
        if sign is not None and p.text == sign.text:
            continue  # the rule already shown first
        keys = key_lines(p.text, terms, lexicon)
        found.append(Found(p.title, p.text, p.sources, p.link, p.page, round(score, 3), keys))
    return Answer(True, safety, tuple(found))


def key_lines(text: str, terms: set[str], lexicon: Lexicon) -> tuple[int, ...]:
    """The lines of ``text`` that hold any of the question's ``terms``."""
    lines = text.split("\n")
    return tuple(n for n, line in enumerate(lines) if terms & set(lexicon.terms(words(line))))


def warning_sign(text_words: list[str], index: Index) -> SignAnswer | None:
    """The most urgent warning sign the words describe (the first listed on a tie)."""
    described = [s for s in index.signs if s.described_in(text_words)]
    return min(described, key=lambda s: s.rank) if described else None
