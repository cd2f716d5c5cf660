"""The index: its sums are bm25s's own scores, it is built once and read back by the hash of
what it was built from, and a cache folder that cannot be written to costs only a rebuild."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import bm25s
import pytest

from acumat.learn.ask import answer, index
from acumat.learn.ask.answer import scores
from acumat.learn.ask.words import load_lexicon, words
from tests.learn.test_question_set import questions


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test's own, and no index loaded in this process."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(index.CACHE_ENV, str(folder))
    index.load_index.cache_clear()
    yield folder
    index.load_index.cache_clear()


def test_adding_up_stored_weights_gives_bm25s_own_scores_scaled_per_passage() -> None:
    built = index.load_index()
    lexicon = load_lexicon()
    model = bm25s.BM25(k1=1.5, b=0.75, method="lucene")
    model.index([index.passage_terms(p, lexicon) for p in built.passages], show_progress=False)
    for question in questions()["question"][:25]:
        terms = sorted(set(lexicon.terms(words(question["text"]))) & built.weights.keys())
        expected = model.get_scores(terms)
        found = scores(set(terms), built)
        for passage, score in enumerate(expected):
            scaled = float(score) * built.passages[passage].weight
            assert found.get(passage, 0.0) == pytest.approx(scaled, abs=1e-4)


def test_the_index_is_built_once_and_read_back_by_its_hash(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = index.load_index()
    files = list(cache.glob("ask-index-*.json"))
    assert [f.name for f in files] == [f"ask-index-{index.content_key()}.json"]
    assert oct(files[0].stat().st_mode & 0o777) == oct(0o600)
    index.load_index.cache_clear()

    def no_build(key: str) -> index.Index:
        raise AssertionError("the cached index should have been read")

    monkeypatch.setattr(index, "build_index", no_build)
    assert index.load_index() == first


def test_a_change_to_what_it_is_built_from_builds_it_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index.load_index()
    index.load_index.cache_clear()
    monkeypatch.setattr(index, "content_key", lambda: "0" * 32)
    rebuilt = index.load_index()
    assert rebuilt.key == "0" * 32
    assert [f.name for f in cache.glob("ask-index-*.json")] == [f"ask-index-{'0' * 32}.json"]


def test_a_damaged_or_older_file_is_rebuilt_not_misread(cache: Path) -> None:
    cache.mkdir(mode=0o700)
    path = cache / f"ask-index-{index.content_key()}.json"
    path.write_text('{"format": 0}', encoding="utf-8")
    assert index.load_index().passages
    assert json.loads(path.read_text(encoding="utf-8"))["format"] == index.FORMAT


def test_a_cache_folder_that_cannot_be_written_is_no_error(cache: Path) -> None:
    cache.write_text("a file where the folder should be", encoding="utf-8")
    assert answer("heat or ice for back spasm", index.load_index()).in_scope
