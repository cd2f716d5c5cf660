"""The search index: built once with ``bm25s`` from everything ``ask`` searches, kept as a
JSON file named by the hash of what it was built from, and read back by every later question.

``bm25s`` scores eagerly: building the index works out each passage's BM25 weight for every
term it holds (Lucene's variant, k1 1.5, b 0.75). Answering then only adds up the stored
weights of a question's terms, which is all BM25 does at question time, so a question needs
neither ``bm25s`` nor numpy: ``acumat ask`` starts fast, and the tests hold the sums to
``bm25s``'s own scores.

Any change to a learn page, a care guide, a safety rule, the word tables, the regions or the
code of this package changes the hash, so a stale index is never read; a cache folder that
cannot be written to only costs a rebuild per process.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from acumat.learn.ask.corpus import Passage
from acumat.learn.ask.signs import Pattern, Sign, described
from acumat.learn.ask.words import Lexicon, load_lexicon, words

FORMAT = 1
"""Raised whenever the file's layout changes, so an older file is never misread."""
TITLE_WEIGHT = 2
"""A passage's title counts twice: it says what the passage is about."""
CACHE_ENV = "ACUMAT_CACHE_DIR"
SAFETY_FILES = (
    "items.toml",
    "actions.toml",
    "wording.toml",
    "regions.toml",
    "signs_in_words.toml",
)


@dataclass(frozen=True)
class SignAnswer:
    """A warning sign with the guidance the safety rules give for it: the urgency (its name
    and rank, 0 the most urgent), the rule's reason and action, and the level's heading, all
    with the regions' ``{placeholders}`` still in."""

    item: str
    patterns: tuple[Pattern, ...]
    urgency: str
    rank: int
    label: str
    text: str

    def described_in(self, text_words: list[str]) -> bool:
        return described(self.patterns, text_words)


@dataclass(frozen=True)
class Topic:
    """A learn page as a way in: offered when a question is outside acumat's subject."""

    title: str
    summary: str
    link: str


@dataclass(frozen=True)
class Index:
    """Everything a question needs, and nothing it must compute again."""

    key: str
    passages: tuple[Passage, ...]
    weights: dict[str, list[tuple[int, float]]]
    known: tuple[str, ...]
    signs: tuple[SignAnswer, ...]
    topics: tuple[Topic, ...]
    regions: dict[str, dict[str, str]]
    default_region: str

    def region_words(self, region: str | None) -> dict[str, str]:
        """The words of ``region``'s services (the default region's for an unknown code), as
        :func:`acumat.safety.regions.localise` fills them in."""
        return self.regions.get((region or "").upper(), self.regions[self.default_region])


def _sources() -> list[Traversable]:
    """Every file the index is built from, and the code that builds it. Found from the root
    package, so that hashing them imports none of the packages that hold them
    (``acumat.safety`` alone costs 0.1 s)."""
    root = files("acumat")
    learn, safety = root.joinpath("learn"), root.joinpath("safety")
    pages = _ending(learn.joinpath("pages"), ".md")
    rules = _ending(safety.joinpath("rules"), ".toml")
    code = [*_ending(learn, ".py"), *_ending(learn.joinpath("ask"), ".py")]
    named = [
        learn.joinpath("words.toml"),
        root.joinpath("plan").joinpath("care.toml"),
        root.joinpath("knowledge").joinpath("sources.toml"),
        *(safety.joinpath(name) for name in SAFETY_FILES),
    ]
    return [*pages, *rules, *named, *code]


def _ending(folder: Traversable, suffix: str) -> list[Traversable]:
    """The files in ``folder`` whose names end in ``suffix``, by name."""
    return sorted((f for f in folder.iterdir() if f.name.endswith(suffix)), key=lambda f: f.name)


def content_key() -> str:
    """The hash of every file the index is built from, and of the index's layout."""
    digest = hashlib.sha256(f"acumat ask index {FORMAT}".encode())
    for source in _sources():
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def cache_folder() -> Path:
    """Where the index is kept: ``ACUMAT_CACHE_DIR``, else the platform's cache folder."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_path

    return user_cache_path("acumat", appauthor=False)


@cache
def load_index() -> Index:
    """The index for the package's current contents: read from the cache when it is there,
    else built and saved (once per process either way)."""
    key = content_key()
    path = cache_folder() / f"ask-index-{key}.json"
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    index = build_index(key)
    save(index, path)
    return index


def save(index: Index, path: Path) -> None:
    """Write ``index`` whole (a partial name, then moved into place); a folder that cannot
    be written to is no error: the index is simply built again next time."""
    from acumat.files import make_private_folder, write_whole

    try:
        make_private_folder(path.parent)
        write_whole(path, json.dumps(to_json(index), separators=(",", ":")).encode())
        for old in path.parent.glob("ask-index-*.json"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def passage_terms(passage: Passage, lexicon: Lexicon) -> list[str]:
    """The terms BM25 indexes for ``passage``: its title's (counted twice) and its text's."""
    return lexicon.terms(words(passage.title)) * TITLE_WEIGHT + lexicon.terms(words(passage.text))


def bm25_weights(
    documents: list[list[str]], scale: list[float]
) -> dict[str, list[tuple[int, float]]]:
    """Every term's BM25 weight in every passage that holds it, as ``bm25s`` works it out,
    times the passage's ``scale``."""
    import bm25s

    model = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    model.index(documents, show_progress=False)
    scores, weights = model.scores, {}
    for term, column in model.vocab_dict.items():
        if not term:  # bm25s's own empty token, with no column
            continue
        start, end = scores["indptr"][column], scores["indptr"][column + 1]
        pairs = zip(
            scores["indices"][start:end].tolist(), scores["data"][start:end].tolist(), strict=True
        )
        weights[term] = [(doc, round(w * scale[doc], 6)) for doc, w in pairs]
    return weights


def build_index(key: str) -> Index:
    """Gather the passages, weigh their terms with ``bm25s``, and word each warning sign's
    guidance from the safety rules."""
    from acumat.learn.ask.corpus import passages
    from acumat.learn.ask.signs import load_signs
    from acumat.learn.pages import load_pages
    from acumat.safety.regions import DEFAULT_REGION, regions

    lexicon = load_lexicon()
    found = passages()
    weights = bm25_weights([passage_terms(p, lexicon) for p in found], [p.weight for p in found])
    signs = load_signs()
    counts = Counter(w for p in found for w in words(f"{p.title} {p.text}"))
    extra = lexicon.known_words | {w for s in signs for w in s.words}
    known = [w for w, _ in counts.most_common()] + sorted(extra - counts.keys())
    topics = tuple(Topic(p.title, p.summary, p.link) for p in load_pages().values())
    return Index(
        key=key,
        passages=tuple(found),
        weights=weights,
        known=tuple(known),
        signs=tuple(sign_answer(s) for s in signs),
        topics=topics,
        regions={code: r.words() for code, r in regions().items()},
        default_region=DEFAULT_REGION,
    )


def sign_answer(sign: Sign) -> SignAnswer:
    """The sign with what the safety rules say when a person has it (and, for a sign with an
    "is that new?" follow-up, when it is new: a person describing it to us is telling news).
    A sign no urgency rule acts on is a data error: its words would lead nowhere."""
    from acumat.learn.ask.signs import SignDataError
    from acumat.safety import load_ruleset, urgency_reasons
    from acumat.safety.conditions import items_read
    from acumat.safety.levels import Urgency
    from acumat.safety.loader import load_wording

    items = load_ruleset().items
    answers: dict[str, object] = {sign.item: "yes"}
    for item in items.values():
        if item.ask_if is not None and items_read(item.ask_if) == {sign.item}:
            answers[item.id] = "yes"
    reasons = [r for r in urgency_reasons(answers) if r.level != Urgency.SELF_CARE]
    if not reasons:
        raise SignDataError(f"no safety rule acts on {sign.item!r} alone")
    top = reasons[0]
    label = load_wording()["urgency"][top.level]["label"]
    return SignAnswer(
        sign.item,
        sign.patterns,
        top.level,
        Urgency(top.level).rank,
        label,
        f"{top.text} {top.action}",
    )


def to_json(index: Index) -> dict[str, object]:
    raw = asdict(index)
    raw["format"] = FORMAT
    return raw


def _tuples(value: Any) -> Any:
    """JSON's nested lists as the nested tuples a pattern is made of."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def from_json(raw: dict[str, object]) -> Index:
    """An index read back; :class:`ValueError` for a file of another layout."""
    if raw.get("format") != FORMAT:
        raise ValueError("an index of another layout")
    passages = tuple(
        Passage(**{**p, "sources": tuple(p["sources"])}) for p in _dicts(raw["passages"])
    )
    signs = tuple(
        SignAnswer(**{**s, "patterns": _tuples(s["patterns"])}) for s in _dicts(raw["signs"])
    )
    weights = {
        t: [(int(d), float(w)) for d, w in pairs] for t, pairs in _mapping(raw["weights"]).items()
    }
    return Index(
        key=str(raw["key"]),
        passages=passages,
        weights=weights,
        known=tuple(_strings(raw["known"])),
        signs=signs,
        topics=tuple(Topic(**t) for t in _dicts(raw["topics"])),
        regions=_mapping(raw["regions"]),
        default_region=str(raw["default_region"]),
    )


def _dicts(value: object) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise TypeError("expected a list of objects")
    return value


def _mapping(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def _strings(value: object) -> Iterable[str]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return (str(v) for v in value)
