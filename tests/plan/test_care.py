"""The care guides are checked data: known care kinds, known sources and questions, drawings."""

from __future__ import annotations

from importlib.resources import files

import pytest

from acumat.diary.vocabulary import CARE_KINDS
from acumat.knowledge import source_ids
from acumat.plan.care import CareDataError, hidden_by, load_guides, offered, parse_guides

TEXT = files("acumat.plan").joinpath("care.toml").read_text(encoding="utf-8")
MOVES = {"knee-to-chest", "knee-rolls", "pelvic-tilt", "cat-cow", "childs-pose"}


def parse(text: str, drawings: set[str] = MOVES) -> object:
    return parse_guides(text, sources=set(source_ids()), questions={"numb_skin"}, drawings=drawings)


def test_every_care_kind_but_other_has_a_guide_with_sources() -> None:
    guides = load_guides()
    assert set(guides) == set(CARE_KINDS) - {"other"}
    for guide in guides.values():
        assert guide.steps
        assert guide.all_sources
    assert {m.id for m in guides["stretching"].moves} == MOVES


@pytest.mark.parametrize("answer", ["yes", "unsure", "YES"])
def test_warmth_and_cold_are_never_offered_on_numb_skin(answer: str) -> None:
    kept = {g.id for g in offered({"numb_skin": answer})}
    assert kept == {"stretching", "walking"}


def test_without_numb_skin_every_guide_is_offered() -> None:
    assert {g.id for g in offered({"numb_skin": "no"})} == set(load_guides())
    assert {g.id for g in offered({})} == set(load_guides())
    assert not hidden_by(load_guides()["heat"], {"numb_skin": "no"})


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('id = "walking"', 'id = "swimming"', "not a care kind"),
        ('sources = ["S17", "S8", "S1"]', 'sources = ["S404"]', "unknown sources"),
        ('hidden_when = ["numb_skin"]', 'hidden_when = ["numb_toes"]', "unknown question"),
        ("minutes = 15\n", "minutes = 90\n", "minutes must be 1-60"),
    ],
)
def test_a_broken_guide_is_refused(old: str, new: str, problem: str) -> None:
    assert old in TEXT
    with pytest.raises(CareDataError, match=problem):
        parse(TEXT.replace(old, new, 1))


def test_a_move_without_its_drawing_is_refused() -> None:
    with pytest.raises(CareDataError, match="no drawing for cat-cow"):
        parse(TEXT, MOVES - {"cat-cow"})


def test_every_drawing_describes_itself_and_follows_dark_mode() -> None:
    folder = files("acumat").joinpath("web/static/care")
    for move in MOVES:
        svg = folder.joinpath(f"{move}.svg").read_text(encoding="utf-8")
        assert "<title" in svg
        assert "prefers-color-scheme:dark" in svg
